#!/usr/bin/env python3
"""Convert annotated English corpora into a BIO training file for the NER tagger.

Usage:  ner-data.py uner FILE.iob2 [...]     Universal NER v1 (IOB2)
        ner-data.py gum  FILE.conllu [...]   UD English-GUM (CoNLL-U, Entity= in MISC)

Output (stdout, UTF-8): "token<TAB>tag", a blank line after each sentence; tags
O and B-/I- of PER, ORG, LOC, MISC.  Counts go to stderr.  Malformed input
exits with status 2 and a "FILE:LINE: message" error.

uner: '#' lines are comments.  PER/ORG/LOC are kept, other types (e.g. OTH)
  become O; an I- tag that does not continue its own type becomes B-.

gum: words only (multiword-token ranges and empty nodes skipped).  In MISC,
  `(id-etype-...` opens a mention (a trailing ')' closes it on the same word),
  `id)` closes the innermost open mention with that id; mentions still open at
  the end of the sentence are dropped.
  * Head = first word of the mention whose dependency head lies outside it.
    The list after `cfN` is GUM's minspan (see `# global.Entity`), not heads:
    "the United States" has 2,3 (United/VERB), "the Andy Warhol exhibit" 3,4.
  * Named = head is PROPN.  person->PER, organization->ORG, place->LOC,
    event/object/abstract/substance/animal/plant->MISC; time etc. unlabelled.
    A person whose head is plural ("Americans", "the Kennedys") is a group,
    which Universal NER leaves unlabelled: so is it here.
  * A person's span is the head and its flat dependents (titles, which hang
    on the head as compound or nmod:desc, stay O, as in Universal NER).
  * Other spans: the run of name words around the head, inside the mention.  Name
    words: PROPN, and capitalised ADJ/VERB/NOUN/NUM/ADV/X/SYM ("United States").
    Between name words may sit: NUM, X, - & . / always; for ORG/LOC also DET,
    CCONJ and the ADPs in NAME_ADP ("Bank of America" but "City Hall | in New
    York"); for MISC also any ADP but "by" ("Notes from the Underground").  A
    number after a name word is kept ("World War 2").  Leading "the" and
    trailing "'s", "family" etc. stay O.
  * A mention whose head has a conj inside a nested mention ("Bernoulli and
    Euler") is a coordination and is left to its conjuncts.
  * Outer mentions go first (earlier start, then longer); a span overlapping
    labelled words is skipped, so names nested in a labelled name are ignored
    while those inside unnamed mentions are kept.
"""
import os
import re
import sys
from collections import Counter

UNER_TYPES = {"PER", "ORG", "LOC"}
GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC",
             "event": "MISC", "object": "MISC", "abstract": "MISC",
             "substance": "MISC", "animal": "MISC", "plant": "MISC"}
NAME_ADP = {"of", "for", "de", "del", "du", "des", "di", "da", "von", "van", "der"}
JOIN_PUNCT = {"-", "&", ".", "/"}
CAPS_UPOS = {"ADJ", "VERB", "NOUN", "NUM", "ADV", "X", "SYM"}
TAG_RE = re.compile(r"O|[BI]-[A-Za-z]+")
BRACKET_RE = re.compile(r"\(([^()-]+)-([^()]*)(\)?)|([^()-]+)\)")

stats = Counter()


class InputError(Exception):
    pass


def read_blocks(path):
    """Yield sentences as lists of (line number, columns), without '#' lines."""
    block = []
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                raise InputError(f"{path}:{lineno}: not UTF-8") from None
            if not line.strip():
                if block:
                    yield block
                block = []
            elif not line.startswith("#"):
                block.append((lineno, line.split("\t")))
    if block:
        yield block


def emit(out, words, tags):
    stats["sentences"] += 1
    stats["tokens"] += len(words)
    for word, tag in zip(words, tags):
        if tag.startswith("B-"):
            stats[tag[2:]] += 1
        out.write(f"{word}\t{tag}\n")
    out.write("\n")


def convert_uner(block, path, out):
    words, tags = [], []
    for lineno, cols in block:
        if len(cols) < 3 or not cols[1] or not TAG_RE.fullmatch(cols[2]):
            raise InputError(f"{path}:{lineno}: expected 'id TAB token TAB tag'")
        tag = cols[2]
        if tag != "O" and tag[2:] not in UNER_TYPES:
            tag = "O"
            stats["other-type tags made O"] += 1
        if tag.startswith("I-") and (not tags or tags[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
            stats["stray I- tags made B-"] += 1
        words.append(cols[1])
        tags.append(tag)
    emit(out, words, tags)


def parse_entities(misc, where):
    """Yield the Entity= brackets of a MISC field as (id, etype or None, closes)."""
    for item in misc.split("|"):
        if not item.startswith("Entity="):
            continue
        value, pos = item[len("Entity="):], 0
        while pos < len(value):
            m = BRACKET_RE.match(value, pos)
            if not m:
                raise InputError(f"{where}: bad Entity value {value!r}")
            pos = m.end()
            if m.group(4):
                yield m.group(4), None, True
            else:
                yield m.group(1), m.group(2).split("-")[0], bool(m.group(3))


def read_gum_sentence(block, path):
    """Return the words as (form, upos, head index, deprel, feats) and the
    closed mentions as (first word, last word, etype)."""
    words, mentions, opened = [], [], []
    for lineno, cols in block:
        if len(cols) != 10:
            raise InputError(f"{path}:{lineno}: expected 10 columns, got {len(cols)}")
        if "-" in cols[0] or "." in cols[0]:
            continue                        # multiword token or empty node
        i = len(words)
        if cols[0] != str(i + 1) or not cols[6].isdigit():
            raise InputError(f"{path}:{lineno}: bad word ID or HEAD")
        words.append((cols[1], cols[3], int(cols[6]) - 1, cols[7], cols[5]))   # root: -1
        for eid, etype, closes in parse_entities(cols[9], f"{path}:{lineno}"):
            if etype is not None:
                opened.append((eid, etype, i))
            match = [k for k, o in enumerate(opened) if o[0] == eid]
            if closes and not match:
                stats["stray closing brackets"] += 1
            elif closes:
                _, etype, start = opened.pop(match[-1])
                mentions.append((start, i, etype))
    stats["unclosed mentions dropped"] += len(opened)
    return list(zip(*words)), mentions


def name_span(form, upos, start, end, head, label):
    """First and last word of the name run around head within [start, end]."""
    def is_name(i):
        return upos[i] == "PROPN" or (upos[i] in CAPS_UPOS and form[i][:1].isupper())

    def joins(i):                           # may word i sit between name words?
        word = form[i].lower()
        if is_name(i):
            return False
        if upos[i] in ("NUM", "X") or (upos[i] == "PUNCT" and word in JOIN_PUNCT):
            return True
        if label == "PER":
            return False
        if upos[i] == "ADP":
            return word != "by" if label == "MISC" else word in NAME_ADP
        return upos[i] in ("DET", "CCONJ")

    lo = hi = head
    while True:                             # left: joiners, then a name word
        j = lo - 1
        while j > start and joins(j):
            j -= 1
        if j < start or not is_name(j):
            break
        lo = j
    while True:                             # right: likewise, or a number
        j = hi + 1
        while j < end and joins(j):
            j += 1
        if j <= end and is_name(j):
            hi = j
            continue
        k = hi + 1                          # "World War 2", "I - 244"
        while k < end and form[k] in JOIN_PUNCT:
            k += 1
        if k > end or upos[k] != "NUM" or not is_name(hi):
            return lo, hi
        hi = k


def person_span(heads, deprel, start, end, head):
    """A person's name is its head and the head's flat dependents: titles
    hang on it as compound or nmod:desc ("President Sean Mills", "Prime
    Minister Keir Starmer") and stay outside, as Universal NER has them."""
    parts = [i for i in range(start, end + 1)
             if i == head or (heads[i] == head and deprel[i].startswith("flat"))]
    return min(parts), max(parts)


def convert_gum(block, path, out):
    (form, upos, heads, deprel, feats), mentions = read_gum_sentence(block, path)
    tags = ["O"] * len(form)
    mentions.sort(key=lambda m: (m[0], m[0] - m[1]))        # outer first
    for start, end, etype in mentions:
        label = GUM_TYPES.get(etype)
        head = next((i for i in range(start, end + 1)
                     if not start <= heads[i] <= end), start)
        if label is None or upos[head] != "PROPN":
            continue
        if label == "PER" and "Number=Plur" in feats[head].split("|"):
            stats["groups of people (Americans) left out"] += 1
            continue
        conjuncts = [i for i in range(start, end + 1)
                     if heads[i] == head and deprel[i].startswith("conj")]
        if any(start <= s <= c <= e <= end and (s, e) != (start, end)
               for c in conjuncts for s, e, _ in mentions):
            stats["coordinations left to conjuncts"] += 1
            continue
        if label == "PER":
            lo, hi = person_span(heads, deprel, start, end, head)
        else:
            lo, hi = name_span(form, upos, start, end, head, label)
        if any(t != "O" for t in tags[lo:hi + 1]):
            stats["nested/overlapping names skipped"] += 1
            continue
        tags[lo:hi + 1] = ["B-" + label] + ["I-" + label] * (hi - lo)
    emit(out, form, tags)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("uner", "gum"):
        sys.stderr.write("usage: ner-data.py uner|gum FILE [...]\n")
        return 2
    convert = convert_uner if argv[1] == "uner" else convert_gum
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    try:
        for path in argv[2:]:
            for block in read_blocks(path):
                convert(block, path, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:                 # e.g. piped into head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (InputError, OSError) as e:
        sys.stdout.flush()
        sys.stderr.write(f"ner-data.py: {e}\n")
        return 2
    classes = " ".join(f"{c}={stats[c]}" for c in ("PER", "ORG", "LOC", "MISC"))
    sys.stderr.write(f"sentences={stats['sentences']} tokens={stats['tokens']} "
                     f"entities: {classes}\n")
    for key in sorted(k for k in stats if " " in k):
        sys.stderr.write(f"{key}: {stats[key]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
