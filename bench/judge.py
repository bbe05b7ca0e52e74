#!/usr/bin/env python3
"""Samples of extracted claims to judge by hand, and a re-check of judged ones.

  bench/judge.py sample EXPORT.nt [--pattern REGEX] [--n N] [--seed S]
      Draws N claims (fixed seed) whose ng:pattern matches REGEX and that
      stand as direct triples (asserted, reported or future), from an N-Triples
      export (`newsgraph extract -f ntriples` or `export -f ntriples`).
      Prints TSV: claim, article, begin, end, pattern, subject, property,
      object, sentence. Judge each against its sentence and add a verdict
      column (right, partly, wrong); commit the judged list without the
      sentence column (`cut -f1-8,10`): the articles are not ours.

  bench/judge.py check JUDGED.tsv EXPORT.nt
      For each judged line (claim, article, begin, end, pattern, subject,
      property, object, verdict), whether the export still has a claim of
      that article with the same subject, property and object standing as a
      direct triple (asserted, reported or future); prints the
      verdicts of those still there and of those gone, and the precision of
      what is still there.

IRIs are written without the base. Only the standard library is used.
"""
import argparse
import collections
import random
import re
import sys

LINE = re.compile(r'^<([^>]+)> <([^>]+)> (.*) \.$')
BASE = "https://newsgraph.example/id/"
NG = "https://newsgraph.example/ontology#"


def literal(o):
    m = re.match(r'^"(.*)"(@[\w-]+|\^\^<[^>]+>)?$', o)
    if not m:
        return o.strip("<>")
    t = re.sub(r"\\U([0-9A-Fa-f]{8})", lambda x: chr(int(x.group(1), 16)), m.group(1))
    t = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda x: chr(int(x.group(1), 16)), t)
    return t.replace('\\"', '"').replace("\\n", " ").replace("\\\\", "\\")


SCOPED = re.compile(r"-[0-9a-f]{16}$")


def short(iri):
    """Without the base, and without the article a bare body's IRI carries
    ("entity/gobierno-<article>" is the "entity/gobierno" judged before
    bodies were kept to their article)."""
    iri = iri[len(BASE):] if iri.startswith(BASE) else iri
    return SCOPED.sub("", iri) if iri.startswith("entity/") else iri


def claims(path):
    """Every claim node of an export: its fields by local name."""
    out = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if not m or "/claim/" not in m.group(1):
                continue
            s, p, o = m.groups()
            key = p.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            out[s][key] = literal(o) if o.startswith('"') else o.strip("<>")
    return out


def row_of(iri, c):
    return [short(iri), short(c.get("wasDerivedFrom", "")), c.get("beginIndex", ""),
            c.get("endIndex", ""), c.get("pattern", ""), short(c.get("subject", "")),
            c.get("predicate", "").rsplit("#", 1)[-1], short(c.get("object", ""))]


def sample(args):
    pick = []
    for iri, c in claims(args.export).items():
        if not re.search(args.pattern, c.get("pattern", "")):
            continue
        if c.get("modality", "asserted") not in ("asserted", "reported", "future") or \
                c.get("predicate", "").endswith("#relatedTo"):
            continue  # no direct triple
        pick.append((iri, c))
    pick.sort(key=lambda x: x[0])
    random.seed(args.seed)
    chosen = random.sample(pick, min(args.n, len(pick)))
    for iri, c in sorted(chosen, key=lambda x: x[0]):
        print("\t".join(row_of(iri, c) + [c.get("sentence", "").replace("\t", " ")]))
    print(f"judge.py: {len(chosen)} of {len(pick)} claims", file=sys.stderr)
    return 0


def check(args):
    have = set()
    for c in claims(args.export).values():
        if c.get("modality", "asserted") not in ("asserted", "reported", "future") or \
                c.get("predicate", "").endswith("#relatedTo"):
            continue  # no direct triple
        r = row_of("", c)
        have.add((r[1], r[5], r[6], r[7]))
    still, gone = collections.Counter(), collections.Counter()
    families = collections.defaultdict(collections.Counter)
    with open(args.judged, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if not cols or cols[0].startswith("#") or len(cols) < 9:
                continue
            verdict = cols[8].strip().lower()
            key = (cols[1], cols[5], cols[6], cols[7])
            (still if key in have else gone)[verdict] += 1
            if key in have:
                families[cols[4].split(":", 1)[0]][verdict] += 1
            if key not in have and args.verbose:
                print(f"gone: {' '.join(cols[5:8])} ({verdict})")
    total = sum(still.values())
    print(f"still there: {dict(still)}; gone: {dict(gone)}")
    for fam, c in sorted(families.items()):
        n = sum(c.values())
        print(f"  {fam}: {n} judged, right {100 * c['right'] / n:.0f} %, "
              f"right or partly {100 * (c['right'] + c['partly']) / n:.0f} %")
    if total:
        print(f"precision of what is still there: right {100 * still['right'] / total:.0f} %, "
              f"right or partly {100 * (still['right'] + still['partly']) / total:.0f} %")
    return 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("export")
    s.add_argument("--pattern", default=".")
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=1)
    c = sub.add_parser("check")
    c.add_argument("judged")
    c.add_argument("export")
    c.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    return sample(args) if args.cmd == "sample" else check(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
