#!/usr/bin/env python3
"""GUM documents as plain text, with their words and coreference mentions.

    python3 bench/gumdocs.py OUT_DIR [--genres news,interview] GUM.conllu...

writes OUT_DIR/<doc id>.txt for each document (of those genres) of the
CoNLL-U files: the `# text` lines, one sentence a line, a blank line at
each paragraph (`# newpar`). bench/coref-eval.py reads the same documents
with read_docs(), which also gives each word its span in that text and the
gold mentions of the `Entity=` brackets. Only the standard library is used.
"""
import argparse
import os
import re


def parse_entity(value):
    """Opens and closes of one MISC Entity= value, in order."""
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            desc = value[i + 1:j]
            parts = desc.split("-")
            out.append(("open", parts[0], parts[1] if len(parts) > 1 else ""))
            if j < len(value) and value[j] == ")":
                out.append(("close", parts[0], ""))
                j += 1
            i = j
        elif ch.isdigit() or ch.isalpha():
            j = i
            while j < len(value) and value[j] != ")":
                j += 1
            out.append(("close", value[i:j], ""))
            i = j + 1
        else:
            i += 1
    return out


def read_docs(path):
    """Documents: id, genre, text, and words with char spans, UPOS, feats,
    and the gold mentions (chain id, type, first word, last word)."""
    docs, doc = [], None
    sent_words, sent_text, mwt_end, mwt_span = [], None, 0, None

    def new_doc(did):
        return {"id": did, "text": "", "words": [], "mentions": [], "stack": {}}

    def flush_sentence():
        nonlocal sent_words, sent_text
        if doc is None or sent_text is None:
            sent_words, sent_text = [], None
            return
        if doc["text"] and not doc["text"].endswith("\n\n"):
            doc["text"] += "\n"
        base = len(doc["text"])
        cursor = 0
        spans = {}
        for w in sent_words:
            if w["surface_key"] in spans:
                continue
            form = w["surface"]
            at = sent_text.find(form, cursor)
            if at < 0:
                at = cursor
            spans[w["surface_key"]] = (base + at, base + at + len(form))
            cursor = at + len(form)
        for w in sent_words:
            w["start"], w["end"] = spans[w["surface_key"]]
            doc["words"].append(w)
        doc["text"] += sent_text
        sent_words, sent_text = [], None

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                flush_sentence()
                doc = new_doc(line.split("=", 1)[1].strip())
                docs.append(doc)
            elif line.startswith("# newpar") and doc and doc["text"]:
                flush_sentence()
                if not doc["text"].endswith("\n\n"):
                    doc["text"] += "\n\n"
            elif line.startswith("# text ="):
                sent_text = line.split("=", 1)[1].strip()
            elif not line:
                flush_sentence()
            elif not line.startswith("#"):
                c = line.split("\t")
                if "." in c[0]:
                    continue
                if "-" in c[0]:
                    a, b = map(int, c[0].split("-"))
                    mwt_end, mwt_span = b, (c[1], "%s-%s" % (a, b))
                    continue
                n = int(c[0])
                if mwt_span and n <= mwt_end:
                    surface, key = mwt_span
                else:
                    surface, key = c[1], c[0]
                    mwt_span = None
                w = {"form": c[1], "upos": c[3], "feats": c[5], "surface": surface,
                     "surface_key": key}
                idx = len(doc["words"]) + len(sent_words)
                sent_words.append(w)
                for m in re.findall(r"Entity=([^|]*)", c[9]):
                    for kind, eid, etype in parse_entity(m):
                        if kind == "open":
                            doc["stack"].setdefault(eid, []).append((idx, etype))
                        elif doc["stack"].get(eid):
                            first, et = doc["stack"][eid].pop()
                            doc["mentions"].append((eid, et, first, idx))
    flush_sentence()
    for d in docs:
        d["genre"] = d["id"].split("_")[1] if d["id"].count("_") >= 2 else ""
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--genres", default="")
    ap.add_argument("conllu", nargs="+")
    a = ap.parse_args()
    genres = set(g for g in a.genres.split(",") if g)
    os.makedirs(a.out, exist_ok=True)
    n = words = 0
    for path in a.conllu:
        for d in read_docs(path):
            if genres and d["genre"] not in genres:
                continue
            with open(os.path.join(a.out, d["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(d["text"] + "\n")
            n += 1
            words += len(d["text"].split())
    print("%d documents, %d words (white-space separated) in %s" % (n, words, a.out))


if __name__ == "__main__":
    main()
