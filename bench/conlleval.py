#!/usr/bin/env python3
"""Score BIO named-entity tags the way CoNLL's conlleval does.

Usage:
    conlleval.py GOLD PRED        tags in the LAST column of each file
    conlleval.py FILE             gold in the second-to-last column, predicted
                                  in the last (conlleval's own layout)
    conlleval.py GOLD -           read PRED from standard input
    conlleval.py --self-test

Input: one token per line, the token in the first column, columns separated by
whitespace (tabs or spaces); a blank line ends a sentence; lines starting with
"-DOCSTART-" are skipped (they end a sentence too). Tags are O, B-TYPE or
I-TYPE. In two-file mode both files must hold the same tokens in the same
order with the same sentence breaks; the first difference is an error that
names the line of each file.

Chunks (entities) follow conlleval: a chunk starts at B-X, or at I-X after O,
after a sentence break or after a tag of another type; it ends before the next
tag that is not I-X. A predicted chunk is correct only if its first token, its
last token and its type all equal those of a gold chunk. Precision, recall and
F1 are percentages; each is 0 when its denominator is 0 (as in conlleval).

Output: a summary line, token accuracy, one line per type (LOC, MISC, ORG and
PER always, other types when they occur) and, last, the line
    overall: precision P% recall R% F1 F%

Exit status: 0 on success; 1 if --min-f1 X is given and the overall F1, as
printed (two decimals), is below X; 2 on a usage or input error.

Python 3 standard library only.
"""

import argparse
import os
import sys
import tempfile

STANDARD_TYPES = ("LOC", "MISC", "ORG", "PER")


class InputError(Exception):
    """A problem with an input file; the message names the file and line."""


# ---------------------------------------------------------------- reading

class Token:
    __slots__ = ("text", "tag", "line", "sent_start")

    def __init__(self, text, tag, line, sent_start):
        self.text = text
        self.tag = tag
        self.line = line              # 1-based line number in its file
        self.sent_start = sent_start  # first token of a sentence


def _open_text(path, encoding):
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        with open(path, "rb") as f:
            data = f.read()
        name = path
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return name, data.decode(enc)
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise InputError("%s:%d: not valid %s (byte 0x%02x); try --encoding latin-1"
                         % (name, line, encoding, data[e.start]))
    except LookupError:
        raise InputError("unknown encoding %r" % encoding)


def _check_tag(tag, name, lineno, what):
    if tag == "O":
        return
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BI":
        return
    raise InputError("%s:%d: %stag %r is not O, B-TYPE or I-TYPE"
                     % (name, lineno, what + " " if what else "", tag))


def read_conll(path, columns, encoding="utf-8", text=None, name=None):
    """Read a CoNLL file.

    columns == 1: returns (name, [Token]) with the tag from the last column.
    columns == 2: returns (name, [Token], [Token]): gold from the second-to-last
    column, predicted from the last (both Token lists share text and lines).
    """
    if text is None:
        name, text = _open_text(path, encoding)
    gold, pred = [], []
    sent_start = True
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        fields = line.split()
        if not fields:
            sent_start = True
            continue
        if fields[0].startswith("-DOCSTART-"):
            sent_start = True
            continue
        need = 3 if columns == 2 else 2
        if len(fields) < need:
            if columns == 2:
                raise InputError("%s:%d: expected TOKEN ... GOLD PRED (3 or more "
                                 "columns), found %d column(s): %r"
                                 % (name, lineno, len(fields), line))
            raise InputError("%s:%d: expected TOKEN ... TAG (2 or more columns), "
                             "found %d column(s): %r" % (name, lineno, len(fields), line))
        if columns == 2:
            _check_tag(fields[-2], name, lineno, "gold")
            _check_tag(fields[-1], name, lineno, "predicted")
            gold.append(Token(fields[0], fields[-2], lineno, sent_start))
            pred.append(Token(fields[0], fields[-1], lineno, sent_start))
        else:
            _check_tag(fields[-1], name, lineno, "")
            gold.append(Token(fields[0], fields[-1], lineno, sent_start))
        sent_start = False
    if columns == 2:
        return name, gold, pred
    return name, gold


def align(gname, gold, pname, pred):
    """Raise InputError at the first token or sentence-break difference."""
    for g, p in zip(gold, pred):
        if g.text != p.text:
            raise InputError("tokens differ: %s:%d has %r but %s:%d has %r"
                             % (gname, g.line, g.text, pname, p.line, p.text))
        if g.sent_start != p.sent_start:
            if g.sent_start:
                here, there = (gname, g.line), (pname, p.line)
            else:
                here, there = (pname, p.line), (gname, g.line)
            raise InputError("sentence breaks differ: a sentence starts at %s:%d "
                             "(token %r) but not at %s:%d"
                             % (here + (g.text,) + there))
    if len(gold) != len(pred):
        if len(gold) > len(pred):
            extra, ename, short = gold[len(pred)], gname, pname
        else:
            extra, ename, short = pred[len(gold)], pname, gname
        raise InputError("token counts differ: %s has %d tokens, %s has %d; "
                         "%s ends before %s:%d (%r)"
                         % (gname, len(gold), pname, len(pred),
                            short, ename, extra.line, extra.text))


# ---------------------------------------------------------------- scoring

def _split(tag):
    if tag == "O":
        return "O", ""
    return tag[0], tag[2:]


def _end_of_chunk(prev_tag, tag, prev_type, typ):
    # conlleval's endOfChunk, restricted to B/I/O.
    if prev_tag in ("B", "I") and tag in ("B", "O"):
        return True
    return prev_tag != "O" and prev_type != typ


def _start_of_chunk(prev_tag, tag, prev_type, typ):
    # conlleval's startOfChunk, restricted to B/I/O.
    if tag == "B":
        return True
    if prev_tag == "O" and tag == "I":
        return True
    return tag != "O" and prev_type != typ


def chunks(tags, sent_starts=None):
    """Return the set of (first, last, type) chunks of a tag sequence.

    sent_starts[i] true means token i begins a sentence (the previous tag is
    then taken as O). Without it the sequence is one sentence.
    """
    out = set()
    prev_tag, prev_type = "O", ""
    start = None
    for i, tag in enumerate(tags):
        t, typ = _split(tag)
        if sent_starts is not None and sent_starts[i]:
            if start is not None:
                out.add((start, i - 1, prev_type))
                start = None
            prev_tag, prev_type = "O", ""
        if start is not None and _end_of_chunk(prev_tag, t, prev_type, typ):
            out.add((start, i - 1, prev_type))
            start = None
        if _start_of_chunk(prev_tag, t, prev_type, typ):
            start = i
        prev_tag, prev_type = t, typ
    if start is not None:
        out.add((start, len(tags) - 1, prev_type))
    return out


def _prf(correct, found, gold):
    p = 100.0 * correct / found if found else 0.0
    r = 100.0 * correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold_tags, pred_tags, sent_starts=None):
    """Score two aligned tag lists. Returns a dict of counts and percentages."""
    assert len(gold_tags) == len(pred_tags)
    gc = chunks(gold_tags, sent_starts)
    pc = chunks(pred_tags, sent_starts)
    ok = gc & pc
    types = set(STANDARD_TYPES) | {c[2] for c in gc} | {c[2] for c in pc}
    per_type = {}
    for typ in sorted(types):
        g = sum(1 for c in gc if c[2] == typ)
        f = sum(1 for c in pc if c[2] == typ)
        c = sum(1 for x in ok if x[2] == typ)
        p, r, f1 = _prf(c, f, g)
        per_type[typ] = dict(gold=g, found=f, correct=c, precision=p, recall=r, f1=f1)
    p, r, f1 = _prf(len(ok), len(pc), len(gc))
    right = sum(1 for g, q in zip(gold_tags, pred_tags) if g == q)
    return dict(tokens=len(gold_tags), gold=len(gc), found=len(pc), correct=len(ok),
                accuracy=(100.0 * right / len(gold_tags)) if gold_tags else 0.0,
                precision=p, recall=r, f1=f1, per_type=per_type)


def report(res, out=sys.stdout):
    out.write("processed %d tokens with %d gold phrases; found: %d phrases; correct: %d.\n"
              % (res["tokens"], res["gold"], res["found"], res["correct"]))
    out.write("accuracy: %.2f%% (tokens with the right tag)\n" % res["accuracy"])
    width = max(len(t) for t in res["per_type"])
    for typ, s in res["per_type"].items():
        out.write("%*s: precision %6.2f%% recall %6.2f%% F1 %6.2f%% gold %d predicted %d correct %d\n"
                  % (width, typ, s["precision"], s["recall"], s["f1"],
                     s["gold"], s["found"], s["correct"]))
    out.write("overall: precision %.2f%% recall %.2f%% F1 %.2f%%\n"
              % (res["precision"], res["recall"], res["f1"]))


def score_files(args_files, encoding="utf-8"):
    if len(args_files) == 1:
        _, gold, pred = read_conll(args_files[0], 2, encoding)
    else:
        gname, gold = read_conll(args_files[0], 1, encoding)
        pname, pred = read_conll(args_files[1], 1, encoding)
        align(gname, gold, pname, pred)
    return score([t.tag for t in gold], [t.tag for t in pred],
                 [t.sent_start for t in gold])


# ---------------------------------------------------------------- self-test

def _r2(x):
    return round(x + 1e-9, 2)


def self_test():
    failures = []

    def check(name, got, want):
        if got != want:
            failures.append("%s: got %r, want %r" % (name, got, want))

    def nums(res):
        return (res["gold"], res["found"], res["correct"],
                _r2(res["precision"]), _r2(res["recall"]), _r2(res["f1"]))

    # Chunk boundaries.
    check("B I", chunks(["B-PER", "I-PER"]), {(0, 1, "PER")})
    check("I after O starts", chunks(["O", "I-PER", "I-PER"]), {(1, 2, "PER")})
    check("I at sentence start", chunks(["I-LOC", "O"]), {(0, 0, "LOC")})
    check("type change", chunks(["B-PER", "I-ORG", "I-ORG"]),
          {(0, 0, "PER"), (1, 2, "ORG")})
    check("B B", chunks(["B-LOC", "B-LOC"]), {(0, 0, "LOC"), (1, 1, "LOC")})
    check("I B", chunks(["I-LOC", "B-LOC", "I-LOC"]), {(0, 0, "LOC"), (1, 2, "LOC")})
    check("sentence break", chunks(["B-LOC", "I-LOC"], [True, True]),
          {(0, 0, "LOC"), (1, 1, "LOC")})
    check("all O", chunks(["O", "O"]), set())
    check("empty", chunks([]), set())
    check("hyphen in type", chunks(["B-X-Y", "I-X-Y"]), {(0, 1, "X-Y")})

    # Scores.
    r = score(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "I-PER", "O", "B-LOC"])
    check("perfect", nums(r), (2, 2, 2, 100.0, 100.0, 100.0))
    # I- after O in the prediction: a chunk of its own, shorter than gold's.
    r = score(["B-PER", "I-PER", "O"], ["O", "I-PER", "O"])
    check("I after O vs B I", nums(r), (1, 1, 0, 0.0, 0.0, 0.0))
    # I-LOC I-LOC and B-LOC I-LOC are the same chunk.
    r = score(["B-LOC", "I-LOC", "O"], ["I-LOC", "I-LOC", "O"])
    check("I I == B I", nums(r), (1, 1, 1, 100.0, 100.0, 100.0))
    # Type change inside a span: gold one ORG, prediction PER + ORG.
    r = score(["B-ORG", "I-ORG", "I-ORG"], ["B-PER", "I-ORG", "I-ORG"])
    check("type change", nums(r), (1, 2, 0, 0.0, 0.0, 0.0))
    check("type change ORG found", r["per_type"]["ORG"]["found"], 1)
    check("type change PER found", r["per_type"]["PER"]["found"], 1)
    # Longer prediction is wrong; so is a wrong type.
    r = score(["B-LOC", "O", "B-PER", "B-ORG", "O", "B-MISC", "I-MISC"],
              ["B-LOC", "I-LOC", "B-PER", "B-LOC", "O", "B-MISC", "I-MISC"])
    # gold: LOC(0) PER(2) ORG(3) MISC(5-6); pred: LOC(0-1) PER(2) LOC(3) MISC(5-6)
    check("mixed", nums(r), (4, 4, 2, 50.0, 50.0, 50.0))
    check("mixed LOC", (r["per_type"]["LOC"]["gold"], r["per_type"]["LOC"]["found"],
                        r["per_type"]["LOC"]["correct"]), (1, 2, 0))
    check("mixed accuracy", _r2(r["accuracy"]), 71.43)
    # Precision and recall differ: gold 4 chunks, 3 found, 2 right.
    r = score(["B-PER", "O", "B-LOC", "O", "B-ORG", "O", "B-MISC"],
              ["B-PER", "O", "B-LOC", "O", "O", "O", "B-ORG"])
    check("p/r differ", nums(r), (4, 3, 2, 66.67, 50.0, 57.14))
    # Missing a chunk at the end of the input still counts it.
    r = score(["O", "B-PER", "I-PER"], ["O", "B-PER", "O"])
    check("end of input", nums(r), (1, 1, 0, 0.0, 0.0, 0.0))
    # All O: no chunks anywhere; conlleval reports 0 for everything.
    r = score(["O", "O", "O"], ["O", "O", "O"])
    check("all O", nums(r), (0, 0, 0, 0.0, 0.0, 0.0))
    check("all O accuracy", _r2(r["accuracy"]), 100.0)
    # Prediction all O against real chunks.
    r = score(["B-PER", "O"], ["O", "O"])
    check("pred all O", nums(r), (1, 0, 0, 0.0, 0.0, 0.0))
    # Empty input.
    r = score([], [])
    check("empty", nums(r) + (r["tokens"],), (0, 0, 0, 0.0, 0.0, 0.0, 0))

    # Files: two-file and one-file layouts, DOCSTART, CRLF, extra columns.
    tmp = tempfile.mkdtemp(prefix="conlleval-test-")
    try:
        def write(name, text, enc="utf-8"):
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(text.encode(enc))
            return path

        gold = write("gold", "-DOCSTART- -X- O\n\nIrán\tB-LOC\nenvió\tO\ntropas\tO\n\n"
                             "Alí\tB-PER\nJameneí\tI-PER\n.\tO\n")
        pred = write("pred", "Irán X B-LOC\r\nenvió X O\r\ntropas X O\r\n\r\n"
                             "Alí X O\r\nJameneí X I-PER\r\n. X O\r\n\r\n")
        r = score_files([gold, pred])
        check("files", nums(r) + (r["tokens"],), (2, 2, 1, 50.0, 50.0, 50.0, 6))
        one = write("one", "Irán B-LOC B-LOC\nenvió O O\n\nAlí B-PER B-PER\nJameneí I-PER B-PER\n")
        r = score_files([one])
        check("one file", nums(r), (2, 3, 1, 33.33, 50.0, 40.0))
        empty = write("empty", "")
        r = score_files([empty, empty])
        check("empty files", nums(r) + (r["tokens"],), (0, 0, 0, 0.0, 0.0, 0.0, 0))
        allo = write("allo", "a O\nb O\n\nc O\n")
        r = score_files([allo, allo])
        check("all-O files", nums(r) + (r["tokens"],), (0, 0, 0, 0.0, 0.0, 0.0, 3))
        # A sentence break in gold but not in the prediction would split a
        # chunk in one and not the other: error.
        nobreak = write("nobreak", "a O\nb O\nc O\n")
        latin = write("latin", "Irán\tB-LOC\n", "latin-1")
        r = score_files([latin, latin], "latin-1")
        check("latin-1", nums(r), (1, 1, 1, 100.0, 100.0, 100.0))

        def expect_error(name, files, fragment, encoding="utf-8"):
            try:
                score_files(files, encoding)
            except InputError as e:
                if fragment not in str(e):
                    failures.append("%s: error %r lacks %r" % (name, str(e), fragment))
                return
            failures.append("%s: no error" % name)

        expect_error("sentence break", [allo, nobreak], "sentence breaks differ")
        short = write("short", "Irán\tB-LOC\nenvió\tO\n")
        expect_error("count", [gold, short], "token counts differ")
        expect_error("count line", [gold, short], "gold:5")
        other = write("other", "Irán\tB-LOC\nmandó\tO\ntropas\tO\n\nAlí\tB-PER\nJameneí\tI-PER\n.\tO\n")
        expect_error("token", [gold, other], "gold:4 has 'envió' but")
        expect_error("token line", [gold, other], "other:2 has 'mandó'")
        bad = write("bad", "Irán\tLOC\n")
        expect_error("bad tag", [bad, bad], "bad:1")
        iobes = write("iobes", "Irán\tS-LOC\n")
        expect_error("IOBES tag", [iobes, iobes], "not O, B-TYPE or I-TYPE")
        expect_error("one column", [write("col1", "Irán\n")] * 2, "2 or more columns")
        expect_error("one-file needs 3", [write("col2", "Irán B-LOC\n")], "3 or more columns")
        expect_error("not utf-8", [latin, latin], "latin:1: not valid utf-8")
    finally:
        for name in os.listdir(tmp):
            os.remove(os.path.join(tmp, name))
        os.rmdir(tmp)

    # The overall line's format.
    class Buf:
        def __init__(self):
            self.parts = []

        def write(self, s):
            self.parts.append(s)

    b = Buf()
    report(score(["B-PER", "O", "B-LOC", "O", "B-ORG", "O", "B-MISC"],
                 ["B-PER", "O", "B-LOC", "O", "O", "O", "B-ORG"]), b)
    lines = "".join(b.parts).splitlines()
    check("overall line", lines[-1], "overall: precision 66.67% recall 50.00% F1 57.14%")
    check("type lines", [l.split(":")[0].strip() for l in lines[2:-1]],
          ["LOC", "MISC", "ORG", "PER"])
    check("ORG line", lines[4],
          " ORG: precision   0.00% recall   0.00% F1   0.00% gold 1 predicted 1 correct 0")

    if failures:
        for f in failures:
            sys.stderr.write("FAIL %s\n" % f)
        sys.stderr.write("conlleval.py self-test: %d failure(s)\n" % len(failures))
        return 1
    print("conlleval.py self-test: all checks passed")
    return 0


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="conlleval.py",
        description="Precision, recall and F1 of BIO NER tags on exact typed spans "
                    "(CoNLL conlleval rules).",
        epilog="With one FILE the second-to-last column is gold and the last is "
               "predicted. With GOLD PRED the tag is the last column of each; "
               "PRED may be '-' for standard input. Exit 0, 1 if below --min-f1, "
               "2 on error.")
    ap.add_argument("files", nargs="*", metavar="FILE")
    ap.add_argument("--min-f1", type=float, metavar="X",
                    help="exit 1 if the overall F1 (percent, as printed) is below X")
    ap.add_argument("--encoding", default="utf-8",
                    help="encoding of the input files (default utf-8)")
    ap.add_argument("--self-test", action="store_true",
                    help="run the built-in tests and exit")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    if len(args.files) not in (1, 2):
        ap.error("give GOLD PRED or one FILE with gold and predicted columns")
    if args.files.count("-") > 1:
        ap.error("only one file can be '-'")
    try:
        res = score_files(args.files, args.encoding)
    except InputError as e:
        sys.stderr.write("conlleval.py: %s\n" % e)
        return 2
    except OSError as e:
        sys.stderr.write("conlleval.py: %s\n" % e)
        return 2
    report(res)
    if args.min_f1 is not None and round(res["f1"], 2) < args.min_f1:
        sys.stderr.write("conlleval.py: overall F1 %.2f%% is below --min-f1 %g\n"
                         % (res["f1"], args.min_f1))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
