"""Statement fingerprints made now, for those :mod:`desktop.services.fingerprints` has not kept: each
statement redacted as its export would redact it, on the worker processes (:mod:`desktop.services.pool`)
when there are several, and each fingerprint kept as it comes if its key did not change meanwhile.
Apart from :mod:`.fingerprints` because it needs the statements' service, which needs that module."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from desktop.services import fingerprints, pool, statements
from desktop.services.errors import Refused
from desktop.services.organisation import organisation as organisation_of
from desktop.services.statements import statement_content
from desktop.vault import Vault


def _made(job: tuple) -> str | None:
    """The fingerprint of one statement, redacted as its export would redact it (in a worker process
    or here); None where the statement is refused (e.g. too many people for one statement)."""
    iv, decisions, history, organisation = job
    try:
        content, _forbidden = statement_content(iv, decisions, history=history, organisation=organisation)
    except Refused:
        return None
    return content.fingerprint


def make(
    vault: Vault,
    interview_ids: list[str],
    *,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> dict[str, str]:
    """interview id -> fingerprint of each statement made now (none for one refused), each kept as it
    comes if its key did not change while it was made. Each record is read once, here, right after its
    key is taken; the redaction runs on the worker processes (:mod:`desktop.services.pool`) when there
    are enough statements to pay for starting them, else in this process."""
    organisation = organisation_of(vault)
    # every statement is made with this name, and its key taken with it (not read again), as the export
    # does: a name changed meanwhile never puts a fingerprint made with the old name under the new's key
    context = fingerprints.statement_context(vault, organisation)
    keys: dict[str, str | None] = {}

    def jobs() -> Iterator[tuple]:
        for interview_id in interview_ids:
            keys[interview_id] = fingerprints.current_key(vault, interview_id, context)  # before the record is read
            iv = vault.interviews.get(interview_id)
            yield iv, vault.redaction.load_decisions(interview_id), statements.saved_versions(vault, iv), organisation

    workers = pool.cores() if workers is None else workers
    pooled = pool.used(len(interview_ids), workers)
    made = pool.ordered(_made, jobs(), workers=workers) if pooled else map(_made, jobs())
    out: dict[str, str] = {}
    new: list = []
    try:
        for done, (interview_id, fingerprint) in enumerate(zip(interview_ids, made, strict=True), 1):
            if fingerprint is not None:
                out[interview_id] = fingerprint
                new.append(
                    fingerprints.checked(vault, interview_id, keys.pop(interview_id, None), fingerprint, context)
                )
            if len(new) >= 500:  # kept as it goes, in few transactions
                fingerprints.keep(vault, new)
                new.clear()
            if progress is not None:
                progress(done, len(interview_ids))
    finally:
        if pooled:
            made.close()  # type: ignore[union-attr]
    fingerprints.keep(vault, new)
    return out
