#!/usr/bin/env bash
# Integration test against a real SPARQL store: start Virtuoso (Debian's
# virtuoso-opensource-7-bin, installed by scripts/deps.sh) on loopback with a
# temporary database and free ports, `newsgraph load` a store built from the
# fixtures, check through its SPARQL endpoint the number of entities, a known
# fact, labels in both languages and a claim's provenance, check that
# `newsgraph query` gives the same answers locally, and stop the server.
# Usage: virtuoso.sh TOOL FIXTURES_DIR
set -uo pipefail
tool=$1
fx=$2
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v virtuoso-t >/dev/null || fail "virtuoso-t not installed (bash scripts/deps.sh installs it)"
work=$(mktemp -d)
pid=
stop() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap stop EXIT

read -r p1 p2 < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')
cat >"$work/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $work/virtuoso.db
ErrorLogFile = $work/virtuoso.log
LockFile = $work/virtuoso.lck
TransactionFile = $work/virtuoso.trx
xa_persistent_file = $work/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $work/virtuoso-temp.db
TransactionFile = $work/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$p1
NumberOfBuffers = 100000
MaxDirtyBuffers = 60000
DirsAllowed = ., $work
[HTTPServer]
ServerPort = 127.0.0.1:$p2
ServerRoot = $work
ServerThreads = 5
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
EOF
(cd "$work" && exec virtuoso-t +foreground +configfile "$work/virtuoso.ini" >"$work/server.out" 2>&1) &
pid=$!
endpoint=http://127.0.0.1:$p2
up=0
for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || fail "virtuoso exited: $(tail -5 "$work/server.out" "$work/virtuoso.log" 2>/dev/null)"
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('$endpoint/sparql?query=ASK%7B%7D', timeout=2)" 2>/dev/null; then
        up=1
        break
    fi
    sleep 0.5
done
[ $up -eq 1 ] || fail "virtuoso did not answer on $endpoint"
echo "  virtuoso up on $endpoint (pid $pid)"

db=$work/kg.db
"$tool" add -q --store "$db" "$fx/es-alianza.txt" "$fx/en-summit.txt" "$fx/en-business.txt" \
    "$fx/en-conflict.txt" "$fx/es-variantes.txt" || fail "add"
entities=$("$tool" stats --store "$db" | awk '$1 == "entities" { print $2 }')
graph=https://newsgraph.example/graph/fixtures
crud=$endpoint/sparql-graph-crud-auth
"$tool" load -q --store "$db" --endpoint "$crud" --graph "$graph" --user dba --password dba || fail "load"
# loading twice adds nothing new (the same triples); --replace replaces
"$tool" load -q --store "$db" --endpoint "$crud" --graph "$graph" --user dba --password dba || fail "second load"
"$tool" load -q --replace --batch 500 --store "$db" --endpoint "$crud" --graph "$graph" --user dba \
    --password dba || fail "replace"
# a wrong password and an unknown host are clear one-line errors
"$tool" load -q --store "$db" --endpoint "$crud" --graph "$graph" --user dba --password nope 2>"$work/err"
[ $? -eq 1 ] && grep -q "HTTP 401" "$work/err" && [ "$(wc -l <"$work/err")" -eq 1 ] || fail "bad password: $(cat "$work/err")"

"$tool" export --store "$db" -f ntriples -o "$work/kg.nt" || fail "export"
triples=$(sort -u "$work/kg.nt" | wc -l)
python3 "$here/check_endpoint.py" "$endpoint/sparql" "$graph" "$entities" "$triples" "$work/answers" ||
    fail "SPARQL checks"
# newsgraph query (Rasqal, local) answers the same queries the same way
python3 "$here/check_endpoint.py" --local "$tool" "$db" "$work/answers" || fail "local query differs"
echo "ok: virtuoso"
