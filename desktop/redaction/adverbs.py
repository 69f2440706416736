"""Is a word in "-ly" an adverb ("Finally", "Sadly") or a given name ("Sally", "Tally")?

A capitalised word opening a sentence joins the likely name after it ("Kelly Okoro said") unless
it is an adverb of the sentence ("Finally Okoro agreed"). Every word in "-ly" was taken for an
adverb, so a given name in "-ly" that is also an English word opening a sentence was cut from its
surname and left in the text. An adverb in "-ly" is made from an English word, read back here:
"final" + "ly", "happy" → "happily", "simple" → "simply", "true" → "truly". A word in "-ly" that
no English word makes is a name.
"""

from __future__ import annotations

from desktop.redaction import lexicon


def adverb_in_ly(fw: str) -> bool:
    """``fw`` (folded) ends in "-ly" and is made from an English word as an adverb is."""
    if not fw.endswith("ly") or len(fw) < 5:
        return fw.endswith("ly")  # "Oly", "Illy": too short to tell: as before, an adverb
    english = lexicon.english_words()
    return (
        fw[:-2] in english  # finally, sadly, really
        or (fw.endswith("ily") and fw[:-3] + "y" in english)  # happily, daily
        or fw[:-1] + "e" in english  # simply, gently, terribly
        or (fw.endswith("uly") and fw[:-2] + "e" in english)  # truly, duly
    )
