"""Who vouches for a sentence, and how sure it is stated: fact, attributed, unconfirmed, denied.

Works on a spaCy span (the sentence): the subject of a reporting verb ("state television said"),
"according to X", a trailing "..., activists and media say", or the speaker of the previous
sentence for a quotation that runs on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SAY_VERBS = {"say", "tell", "report", "claim", "estimate", "warn", "accuse", "announce", "confirm",
              "deny", "add", "insist", "allege", "state", "note", "crow", "believe", "write", "quote",
              "assert", "maintain", "suggest", "indicate", "declare"}

_UNCONFIRMED = re.compile(
    r"\b(?:could|can|cannot|can't|could not|was not|were not|has not been|have not been)\s*(?:not\s+)?"
    r"(?:be\s+)?(?:independently\s+)?(?:confirm|verif)|\bunconfirmed\b|\bunverified\b"
    r"|\bnot (?:yet )?(?:been )?(?:independently )?(?:confirmed|verified)\b|\bimpossible to (?:confirm|verify)",
    re.I)
_DENIED = re.compile(r"\bden(?:y|ies|ied|ying)\b|\brejected (?:the |those |these )?(?:claims?|reports?|allegations?)"
                     r"|\bdismissed (?:the |those )?(?:claims?|reports?|allegations?)", re.I)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str
    certainty: str   # "fact" | "attributed" | "unconfirmed" | "denied"
    # the speaker has a name ("Jacques Roizen", "al-Mayadeen"), not only a kind ("historians",
    # "multiple reports"): only a named speaker is a source of its own beside the outlet
    named: bool = False


# A speaker named in more words than this is a mis-parse (a clause taken for the subject).
MAX_SPEAKER_WORDS = 8
_TRAILING_SAY = re.compile(r",\s*([A-Za-z][^,\"“”]{1,60}?)\s+(?:say|says|said|report|reported|claim|claimed)\.?$")


def _phrase(token, verb=None) -> str:
    """The noun phrase headed by ``token``, cut at a comma or relative clause, at most 10 words.

    When the phrase runs straight into ``verb``, names the parser left outside the subtree are
    kept ("the television station al-Mayadeen said").
    """
    words = []
    tokens = list(token.subtree)
    if verb is not None and token.i < verb.i and verb.i - token.left_edge.i <= MAX_SPEAKER_WORDS + 2:
        between = token.doc[token.right_edge.i + 1:verb.i]
        if all(t.pos_ in {"PROPN", "PUNCT"} and t.text not in {",", "(", "—"} for t in between):
            tokens += list(between)
    for t in tokens:
        if t.i > token.i and (t.text in {",", "(", "—", "–"} or t.dep_ in {"relcl", "acl"}):
            break
        words.append(t.text_with_ws)
    text = "".join(words).strip().strip(",")
    return " ".join(text.split()[:10])


def attribute(span, previous: Attribution | None = None) -> Attribution:
    """Who vouches for the sentence ``span`` and how sure it is stated."""
    text = span.text
    speaker = ""
    unnamed = False          # a passive report with no agent: "the toll is estimated to be ..."
    tail = _TRAILING_SAY.search(text)
    if tail:
        speaker = tail.group(1)
    for t in span if not speaker else ():
        if t.lemma_.lower() == "accord" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
            obj = [c for c in t.nbor(1).children if c.dep_ == "pobj"]
            if obj:
                speaker = _phrase(obj[0])
                break
        if t.pos_ == "VERB" and t.lemma_.lower() in SAY_VERBS:
            # active: its subject speaks; passive ("the toll is estimated ... by officials"): the
            # subject is what is told, and the speaker is the agent, if named
            subj = [c for c in t.children if c.dep_ == "nsubj"] or [
                p for a in t.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            if subj and len(_phrase(subj[0], t).split()) <= MAX_SPEAKER_WORDS:
                speaker = _phrase(subj[0], t)
                break
            unnamed = unnamed or any(c.dep_ == "nsubjpass" for c in t.children)
    words = set(speaker.split())
    named = any(t.pos_ == "PROPN" and t.text in words for t in span)
    quoted = text.lstrip()[:1] in {'"', "“"}
    if previous and previous.speaker and (speaker.lower() in {"he", "she", "they", "it", "we", "i"}
                                          or not speaker and quoted):
        speaker, named = previous.speaker, previous.named
    if _DENIED.search(text):
        return Attribution(speaker, "denied", named)
    if _UNCONFIRMED.search(text):
        return Attribution(speaker, "unconfirmed", named)
    if speaker or quoted or unnamed:
        return Attribution(speaker or ("unnamed (quoted)" if quoted else "unnamed"), "attributed", named)
    return Attribution("", "fact")
