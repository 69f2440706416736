"""The evidence totals: counting consented interviews without re-identifying anyone. No Qt, no vault.

Pure functions over plain records, so the table maths and the suppression can be tested (and
attacked, tests/unit/test_evidence_attack.py) without a vault. ``desktop.services.evidence`` reads
the vault and calls these; the dashboard and the summary PDF will call that service.

Modules, each leaning only on those above it::

    records.py    one interview as the facts that are counted (an EvidenceRecord), the axes
    protect.py    counting every published table, then small-cell and secondary suppression
                  (the reasoning, and the proof each hidden figure carries, is in its docstring)
    views.py      what is shown: a filter (crime x force x year) as tables of figures, JSON and CSV
"""
