#!/usr/bin/env python3
"""Pronoun resolution against GUM's coreference chains.

    python3 bench/coref-eval.py [--tool BUILD/newsgraph] [--models DIR]
                                [--genres news,interview] [--keep DIR] GUM.conllu

Every document of GUM.conllu (e.g. en_gum-cc-test.conllu) is rebuilt as
plain text from its `# text` lines (one sentence a line, a blank line at
each paragraph), given to `newsgraph mentions --coref --lang en`, and each
third-person personal or possessive pronoun it resolves (coref:pronoun,
coref:possessive) is checked against the `Entity=` brackets of the MISC
column: right when the name it was resolved to lies in a gold mention of
the pronoun's own chain.

Scored are pronouns of chains whose entity is a person or an organization:
  precision  right / resolved, over resolutions to a Person or an
             Organization the tool names, and over pronouns whose gold
             chain is a person or organization
  recall     right / gold pronouns of person and organization chains that
             have an earlier mention headed by a proper noun (a name the
             tool could have found), and right / all gold pronouns of those
             chains with any earlier mention
It prints numbers and never asserts them.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gumdocs import read_docs  # noqa: E402


def run_tool(tool, models, text, work):
    path = os.path.join(work, "doc.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    cmd = [tool, "mentions", "--coref", "--lang", "en", path]
    if models:
        cmd[2:2] = ["--models", models]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    refs = []
    for line in out.splitlines()[1:]:
        c = line.split("\t")
        if len(c) >= 8 and c[5] in ("coref:pronoun", "coref:possessive"):
            a0, a1 = map(int, c[7].split("-"))
            refs.append((int(c[1]), int(c[2]), c[4], (a0, a1)))
    return refs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default="build-release/newsgraph")
    ap.add_argument("--models", default=None)
    ap.add_argument("--genres", default="")
    ap.add_argument("--keep", default=None)
    ap.add_argument("conllu")
    a = ap.parse_args()
    genres = set(g for g in a.genres.split(",") if g)
    docs = [d for d in read_docs(a.conllu) if not genres or d["genre"] in genres]
    work = a.keep or tempfile.mkdtemp(prefix="coref-eval.")
    os.makedirs(work, exist_ok=True)
    tot = {"resolved": 0, "resolved_right": 0, "gold_named": 0, "gold_any": 0,
           "found_named": 0, "found_any": 0, "resolved_gold": 0, "resolved_gold_right": 0}
    wrong_samples = []
    by_form = {}
    for d in docs:
        words = d["words"]
        # the smallest gold mention of each word, and each word's chain
        by_word = {}
        for eid, et, first, last in d["mentions"]:
            for i in range(first, last + 1):
                prev = by_word.get(i)
                if prev is None or (last - first) < (prev[3] - prev[2]):
                    by_word[i] = (eid, et, first, last)
        chain_first = {}
        named_first = {}
        for eid, et, first, last in sorted(d["mentions"], key=lambda m: m[2]):
            chain_first.setdefault(eid, first)
            if any(words[i]["upos"] == "PROPN" for i in range(first, last + 1)):
                named_first.setdefault(eid, first)
        # gold pronouns: single-word mentions of person/organization chains
        gold = {}
        for eid, et, first, last in d["mentions"]:
            w = words[first]
            if first != last or w["upos"] != "PRON" or "PronType=Prs" not in w["feats"]:
                continue
            if "Person=3" not in w["feats"] or "Reflex=Yes" in w["feats"]:
                continue
            if et not in ("person", "organization"):
                continue
            gold[first] = (eid, chain_first[eid] < first,
                           named_first.get(eid, 10 ** 9) < first)
        for i, (eid, any_before, named_before) in gold.items():
            tot["gold_any"] += any_before
            tot["gold_named"] += named_before
        refs = run_tool(a.tool, a.models, d["text"], work)
        start_of = {}
        for i, w in enumerate(words):
            start_of.setdefault((w["start"], w["end"]), i)
        for r0, r1, cls, (a0, a1) in refs:
            wi = None
            for i, w in enumerate(words):
                if w["start"] <= r0 < w["end"] and w["upos"] == "PRON":
                    wi = i
                    break
            ants = [i for i, w in enumerate(words) if w["start"] < a1 and w["end"] > a0]
            ant_chains = set()
            for i in ants:
                for eid, et, first, last in d["mentions"]:
                    if first <= i <= last:
                        ant_chains.add(eid)
            g = gold.get(wi) if wi is not None else None
            right = g is not None and g[0] in ant_chains
            if cls in ("Person", "Organization"):
                form = d["text"][r0:r1].lower()
                by_form.setdefault(form, [0, 0])
                by_form[form][0] += 1
                by_form[form][1] += right
                tot["resolved"] += 1
                tot["resolved_right"] += right
                if not right and len(wrong_samples) < 40:
                    wrong_samples.append((d["id"], d["text"][r0:r1], d["text"][a0:a1], r0))
            if g is not None:
                tot["resolved_gold"] += 1
                tot["resolved_gold_right"] += right
                if right:
                    tot["found_any"] += g[1]
                    tot["found_named"] += g[2]

    def pct(a, b):
        return "%.1f" % (100.0 * a / b) if b else "n/a"

    print("documents %d (%s)" % (len(docs), ",".join(sorted(set(d["genre"] for d in docs)))))
    print("resolutions to a Person or Organization: %d, right %d: precision %s %%" %
          (tot["resolved"], tot["resolved_right"], pct(tot["resolved_right"], tot["resolved"])))
    print("resolutions of gold person/organization pronouns: %d, right %d: precision %s %%" %
          (tot["resolved_gold"], tot["resolved_gold_right"],
           pct(tot["resolved_gold_right"], tot["resolved_gold"])))
    print("gold person/organization pronouns after a name of their chain: %d, resolved right "
          "%d: recall %s %%" % (tot["gold_named"], tot["found_named"],
                                pct(tot["found_named"], tot["gold_named"])))
    print("gold person/organization pronouns after any mention of their chain: %d, resolved "
          "right %d: recall %s %%" % (tot["gold_any"], tot["found_any"],
                                      pct(tot["found_any"], tot["gold_any"])))
    if os.environ.get("COREF_WRONG"):
        for f, (n, r) in sorted(by_form.items(), key=lambda kv: -kv[1][0]):
            print("form\t%s\t%d\tright %d" % (f, n, r), file=sys.stderr)
        for s in wrong_samples:
            print("wrong\t%s\t%s -> %s\t@%d" % s, file=sys.stderr)


if __name__ == "__main__":
    main()
