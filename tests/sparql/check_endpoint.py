#!/usr/bin/env python3
"""Run tests/sparql/queries/*.rq against a SPARQL endpoint (SPARQL 1.1
Protocol, JSON results) over one graph and check what the fixtures' store must
answer. Usage: check_endpoint.py ENDPOINT GRAPH ENTITIES TRIPLES [OUT_DIR]

With OUT_DIR, each query's rows are also written there as OUT_DIR/NAME.tsv
(one row per line, values as N-Triples-like terms), for comparing with another
SPARQL engine:  check_endpoint.py --local TOOL STORE OUT_DIR  runs the same
queries through `newsgraph query` and fails unless every answer is the same."""
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def run(endpoint, graph, query):
    data = urllib.parse.urlencode({"query": query, "default-graph-uri": graph}).encode()
    req = urllib.request.Request(endpoint, data=data,
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        res = json.load(r)
    return rows_of(res)


def term(v):
    """A JSON result term as a short string: IRIs in <>, literals with @lang;
    numbers as plain digits (engines differ on the integer datatype)."""
    if v is None:
        return ""
    if v["type"] == "uri":
        return "<%s>" % v["value"]
    if "xml:lang" in v:
        return '"%s"@%s' % (v["value"], v["xml:lang"])
    return v["value"]


def rows_of(res):
    names = res["head"]["vars"]
    return [tuple(term(b.get(n)) for n in names) for b in res["results"]["bindings"]]


def queries():
    d = os.path.join(HERE, "queries")
    for name in sorted(os.listdir(d)):
        if name.endswith(".rq"):
            yield name[:-3], os.path.join(d, name)


def compare_local(tool, store, out):
    """Each query through `newsgraph query -f json` against the saved rows."""
    bad = 0
    for name, path in queries():
        res = json.loads(subprocess.run([tool, "query", "--store", store, "-f", "json", "--file",
                                         path], check=True, capture_output=True).stdout)
        with open(os.path.join(out, name + ".tsv"), encoding="utf-8") as f:
            want = [tuple(line.rstrip("\n").split("\t")) for line in f]
        got = rows_of(res)
        same = got == want
        print("  %s query %s: %d rows %s" % ("ok  " if same else "FAIL", name, len(got),
                                            "as on the server" if same else "differ: %s vs %s"
                                            % (got[:3], want[:3])))
        bad += not same
    return 1 if bad else 0


def main():
    if sys.argv[1] == "--local":
        return compare_local(*sys.argv[2:5])
    endpoint, graph, entities, triples = sys.argv[1:5]
    out = sys.argv[5] if len(sys.argv) > 5 else None
    rows = {}
    for name, path in queries():
        with open(path, encoding="utf-8") as f:
            rows[name] = run(endpoint, graph, f.read())
    problems = []

    def expect(ok, what):
        print("  %s %s" % ("ok  " if ok else "FAIL", what))
        if not ok:
            problems.append(what)

    expect(rows["entities"] == [(entities,)],
           "entities: %s (store: %s)" % (rows["entities"], entities))
    expect(rows["triples"] == [(triples,)], "triples: %s (export: %s)" % (rows["triples"], triples))
    expect(rows["fact"] == [('"Alexandr Lukashenko"@es', '"Bielorrusia"@es')],
           "fact: %s" % rows["fact"])
    expect(rows["labels"] == [('"Russia"@en', "en"), ('"Rusia"@es', "es")],
           "labels: %s" % rows["labels"])
    prov = rows["provenance"]
    expect(len(prov) >= 1 and all("Lukashenko" in s for _, s in prov) and
           prov[0][0].startswith('"Irán confirma'), "provenance: %s" % prov[:2])
    if out:
        os.makedirs(out, exist_ok=True)
        for name, rs in rows.items():
            with open(os.path.join(out, name + ".tsv"), "w", encoding="utf-8") as f:
                for r in rs:
                    f.write("\t".join(r) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
