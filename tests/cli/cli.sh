#!/usr/bin/env bash
# CLI tests: run the built tool on fixture articles and check what it writes.
# usage: cli.sh TEST TOOL FIXTURES SHARED      (exit 77 = skipped)
set -u
test_name=$1 tool_bin=$2 fx=$3 shared=$4
# NG_TOOL_WRAPPER runs the tool under valgrind (scripts/test.sh)
tool() { ${NG_TOOL_WRAPPER:-} "$tool_bin" "$@"; }
tool=tool
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "  $*"; }

# Parse with rapper (the RDF must be standards-clean) and print N-Triples.
rapper_nt() { # file syntax
    rapper -q -i "$2" -o ntriples "$1" 2>"$work/rapper.err" || { cat "$work/rapper.err" >&2; fail "rapper rejects $1 as $2"; }
}

# expect_triples OUTPUT.nt EXPECTED: each non-comment line of EXPECTED is
# "subject-regex<TAB>predicate-local-name<TAB>object-regex", matched against
# the IRIs' tails; all must be present.
expect_triples() {
    local nt=$1 expected=$2 missing=0
    while IFS=$'\t' read -r s p o; do
        [[ -z "$s" || "$s" == \#* ]] && continue
        if ! grep -Eq "^<[^>]*/${s}> <https://newsgraph.example/ontology#${p}> <[^>]*/${o}> \.\$" "$nt"; then
            echo "missing: $s $p $o" >&2
            missing=$((missing + 1))
        fi
    done <"$expected"
    [ "$missing" -eq 0 ] || fail "$missing expected triple(s) missing from $nt"
}

# The parse tests use the models the tool finds by default (scripts/train-models.sh).
need_models() {
    local dir=${NEWSGRAPH_MODELS:-$fx/../../models}
    [ -f "$dir/es.ngm" ] && [ -f "$dir/en.ngm" ] || { echo "no models in $dir: skipped"; exit 77; }
}

case "$test_name" in
ontology_parses)
    onto=$(dirname "$fx")/../ontology/newsgraph.ttl
    n=$(rapper_nt "$onto" turtle | wc -l)
    note "newsgraph.ttl: $n triples"
    [ "$n" -gt 500 ] || fail "ontology too small"
    ;;
help_and_usage)
    "$tool" --help >/dev/null || fail "--help"
    "$tool" extract --help | grep -q -- "--format" || fail "extract --help"
    "$tool" extract --bogus x 2>"$work/err"; [ $? -eq 2 ] || fail "unknown option must exit 2"
    grep -q "unknown option '--bogus'" "$work/err" || fail "unknown option message"
    "$tool" extract -f nosuch "$fx/es-alianza.txt" 2>/dev/null; [ $? -eq 2 ] || fail "bad format exit"
    "$tool" frobnicate 2>/dev/null; [ $? -eq 2 ] || fail "unknown command exit"
    "$tool" extract 2>/dev/null; [ $? -eq 2 ] || fail "no files exit"
    "$tool" extract --date 2024-13-01 "$fx/es-alianza.txt" 2>/dev/null; [ $? -eq 2 ] || fail "bad date"
    ;;
bad_inputs)
    bash "$fx/make-bad.sh" "$work" >/dev/null || fail "make-bad.sh"
    check_bad() { # file expected-message
        "$tool" extract -f ntriples "$work/$1" >"$work/out" 2>"$work/err"
        local rc=$?
        [ $rc -eq 1 ] || fail "$1: exit $rc, want 1"
        [ "$(wc -l <"$work/err")" -eq 1 ] || fail "$1: want one line on stderr, got: $(cat "$work/err")"
        grep -q "$1" "$work/err" || fail "$1: message does not name the file"
        grep -qi "$2" "$work/err" || fail "$1: message lacks '$2': $(cat "$work/err")"
    }
    check_bad invalid-utf8.txt "invalid UTF-8"
    check_bad binary.bin "binary"
    check_bad empty.txt "empty"
    check_bad whitespace.txt "no text"
    check_bad missing.txt "No such file"
    # one bad file among good ones: the good ones are still in the graph
    "$tool" extract -f ntriples "$work/invalid-utf8.txt" "$fx/es-alianza.txt" >"$work/mixed.nt" 2>"$work/err"
    [ $? -eq 1 ] || fail "mixed run must exit 1"
    grep -q "Lukashenko" "$work/mixed.nt" || fail "good article missing from a mixed run"
    # stdin
    "$tool" extract -f ntriples - <"$fx/es-alianza.txt" >"$work/stdin.nt" || fail "stdin"
    grep -q "Lukashenko" "$work/stdin.nt" || fail "stdin article not extracted"
    ;;
output_safety)
    echo "precious" >"$work/keep.ttl"
    bash "$fx/make-bad.sh" "$work" >/dev/null
    "$tool" extract -f turtle -o "$work/keep.ttl" --ontology /nonexistent "$fx/es-alianza.txt" 2>/dev/null
    [ "$(cat "$work/keep.ttl")" = "precious" ] || fail "a failed run clobbered the output file"
    "$tool" extract -f turtle -o "$work/keep.ttl" "$fx/es-alianza.txt" || fail "extract -o"
    rapper_nt "$work/keep.ttl" turtle >/dev/null
    ls "$work" | grep -q '\.tmp' && fail "temporary file left behind"
    ;;
rdf_formats)
    for f in turtle ntriples nquads rdfxml; do
        "$tool" extract -f $f -o "$work/out.$f" "$fx/es-alianza.txt" "$fx/en-summit.txt" || fail "extract -f $f"
        in=$f; [ $f = rdfxml ] && in=rdfxml
        n=$(rapper_nt "$work/out.$f" $in | wc -l)
        note "$f: $n triples"
        [ "$n" -gt 100 ] || fail "$f: only $n triples"
    done
    # N-Quads: claims live in the article's named graph
    grep -q '<https://newsgraph.example/id/article/[0-9a-f]*> \.$' "$work/out.nquads" || fail "no named graphs"
    # same triples whatever the syntax
    rapper_nt "$work/out.turtle" turtle | sort >"$work/a"
    sort "$work/out.ntriples" >"$work/b"
    cmp -s "$work/a" "$work/b" || fail "turtle and ntriples differ"
    # deterministic: a second run gives identical output; --base is honoured
    "$tool" extract -f ntriples "$fx/es-alianza.txt" "$fx/en-summit.txt" | cmp -s - "$work/out.ntriples" || fail "not deterministic"
    "$tool" extract -f ntriples --base http://kg.test/x/ "$fx/es-alianza.txt" | grep -q '<http://kg.test/x/country/by>' || fail "--base"
    # one graph: Russia, named in both articles, is one node with one type
    n=$(grep -c '^<https://newsgraph.example/id/country/ru> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>' "$work/out.ntriples")
    [ "$n" -eq 1 ] || fail "Russia typed $n times across two articles, want one node"
    grep -q '^<https://newsgraph.example/id/country/ru> <http://www.w3.org/2000/01/rdf-schema#label> "Rusia"@es' "$work/out.ntriples" || fail "no Spanish label"
    grep -q '^<https://newsgraph.example/id/country/ru> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q159>' "$work/out.ntriples" || fail "no sameAs"
    # every relation has a claim with provenance
    grep -q 'nif-core#beginIndex' "$work/out.ntriples" || fail "claims lack offsets"
    grep -q 'ontology#pattern> "' "$work/out.ntriples" || fail "claims lack pattern"
    grep -q 'prov#wasDerivedFrom' "$work/out.ntriples" || fail "claims lack article"
    grep -q 'ontology#attributedTo' "$work/out.ntriples" || fail "no claim says who said it"
    ;;
diagrams)
    "$tool" extract -f dot -o "$work/g.dot" "$fx/es-alianza.txt" || fail "extract -f dot"
    dot -Tsvg "$work/g.dot" >/dev/null 2>"$work/err" || fail "dot rejects our .dot: $(cat "$work/err")"
    grep -q 'label=' "$work/g.dot" || fail "no labels in dot"
    "$tool" extract -f svg -o "$work/g.svg" "$fx/es-alianza.txt" || fail "extract -f svg"
    python3 -c "import sys,xml.dom.minidom as m; m.parse(sys.argv[1])" "$work/g.svg" || fail "svg is not XML"
    grep -q 'Lukashenko' "$work/g.svg" || fail "svg lacks node labels"
    "$tool" extract -f png -o "$work/g.png" "$fx/en-summit.txt" || fail "extract -f png"
    head -c 8 "$work/g.png" | od -An -tx1 | grep -q '89 50 4e 47' || fail "not a PNG"
    ;;
html_reader)
    for f in es-html en-html; do
        "$tool" extract -v -f ntriples -o "$work/$f.nt" "$fx/$f.html" 2>"$work/err" || fail "$f: $(cat "$work/err")"
        for w in MENUWORD ASIDEWORD FOOTERWORD SCRIPTWORD HEADERWORD STYLEWORD; do
            grep -q "$w" "$work/$f.nt" && fail "$f: boilerplate word $w leaked into the graph"
        done
        rapper_nt "$work/$f.nt" ntriples >/dev/null
    done
    grep -q '"2025-03-14"^^<http://www.w3.org/2001/XMLSchema#date>' "$work/es-html.nt" || fail "es-html: date"
    grep -q '"2025-02-01"^^<http://www.w3.org/2001/XMLSchema#date>' "$work/en-html.nt" || fail "en-html: date"
    grep -q 'language> "en"' "$work/en-html.nt" || fail "en-html: language not detected"
    ;;
es_fixture|en_fixture|en_business|en_conflict)
    case "$test_name" in
    es_fixture) f=es-alianza ;; en_fixture) f=en-summit ;;
    en_business) f=en-business ;; en_conflict) f=en-conflict ;;
    esac
    "$tool" extract -f ntriples -o "$work/$f.nt" "$fx/$f.txt" || fail "extract $f"
    rapper_nt "$work/$f.nt" ntriples >/dev/null
    expect_triples "$work/$f.nt" "$fx/$f.expected"
    ;;
examples)
    ex=$(dirname "$fx")/../examples
    for f in "$ex"/*.txt; do
        "$tool" extract -f turtle -o "$work/x.ttl" "$f" || fail "example $f"
        rapper_nt "$work/x.ttl" turtle >/dev/null
    done
    ;;
seed_score)
    seed=$shared/corpus/seed
    [ -f "$seed/kursk-es.txt" ] && [ -f "$shared/eval/score.py" ] || { echo "../shared absent: skipped"; exit 77; }
    "$tool" extract -f ntriples -o "$work/seed.nt" "$seed/kursk-es.txt" || fail "extract seed"
    python3 "$shared/eval/score.py" --min-entities 16 --min-facts 11 --max-dups 0 \
        "$seed/kursk-es.gold.tsv" "$work/seed.nt" | tail -1
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail "seed score below the floor"
    ;;
fixture_score)
    # the seed's floor, met by our own article that says similar things in other words
    [ -f "$shared/eval/score.py" ] || { echo "../shared absent: skipped"; exit 77; }
    "$tool" extract -f ntriples -o "$work/a.nt" "$fx/es-alianza.txt" || fail "extract"
    python3 "$shared/eval/score.py" --min-entities 21 --min-facts 12 --max-dups 0 \
        "$fx/es-alianza.gold.tsv" "$work/a.nt" | tail -1
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail "es-alianza score below the floor"
    ;;
mentions)
    "$tool" mentions "$fx/es-alianza.txt" >"$work/m.tsv" || fail "mentions"
    head -1 "$work/m.tsv" | grep -q "^file	start	end	text	class	kind	iri$" || fail "TSV header"
    grep -q "	Alexandr Lukashenko	Person	name	https://newsgraph.example/id/person/alexander-lukashenko$" "$work/m.tsv" || fail "Lukashenko mention"
    grep -q "	iraníes	Country	demonym	https://newsgraph.example/id/country/ir$" "$work/m.tsv" || fail "demonym mention"
    # offsets are code points into the article text
    python3 - "$fx/es-alianza.txt" "$work/m.tsv" <<'PY' || fail "offsets do not match the text"
import sys
text = open(sys.argv[1], encoding="utf-8").read()
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")][1:]
bad = [r for r in rows if text[int(r[1]):int(r[2])] != r[3]]
sys.exit(1 if bad or not rows else 0)
PY
    ;;
conll)
    c=$fx/conll
    for l in es en; do
        "$tool" mentions --conll --lang $l -o "$work/$l.out" "$c/$l-input.conll" || fail "conll $l"
        # the input columns are kept, one tag column is added
        [ "$(cut -f1,2 "$work/$l.out")" = "$(cat "$c/$l-input.conll")" ] || fail "conll $l: tokens changed"
        cut -f1,3 "$work/$l.out" >"$work/$l.pred"
        # Names must be found where they are (spans, any class), and mostly
        # with the gold class. The Spanish tagger follows AnCora, which tags a
        # country that acts ("Irán confirmó…") as an organisation; this gold
        # tags every country LOC, so the Spanish class floor is lower.
        spans() { sed 's/\t\([BI]\)-.*/\t\1-X/' "$1"; }
        python3 "$(dirname "$fx")/../bench/conlleval.py" --min-f1 80 <(spans "$c/$l-gold.conll") \
            <(spans "$work/$l.pred") | tail -1
        [ "${PIPESTATUS[0]}" -eq 0 ] || fail "conll $l: span F1 below 80"
        floor=60
        [ $l = es ] && floor=50
        python3 "$(dirname "$fx")/../bench/conlleval.py" --min-f1 $floor "$c/$l-gold.conll" "$work/$l.pred" | tail -1
        [ "${PIPESTATUS[0]}" -eq 0 ] || fail "conll $l: F1 below $floor"
    done
    "$tool" mentions --conll --encoding latin1 --lang es "$c/es-input-latin1.conll" >"$work/l1.out" || fail "latin1"
    cmp -s <(iconv -f latin1 -t utf-8 "$work/l1.out") "$work/es.out" || fail "latin1 output differs from utf8"
    "$tool" mentions --conll "$c/es-input-latin1.conll" 2>"$work/err" >/dev/null
    [ $? -eq 1 ] && grep -q "invalid UTF-8 (try --encoding latin1)" "$work/err" || fail "latin1 read as utf8 must fail clearly"
    ;;
store)
    db=$work/kg.db
    "$tool" add -q --store "$db" "$fx/es-alianza.txt" "$fx/en-conflict.txt" || fail "add"
    "$tool" stats --store "$db" >"$work/s1" || fail "stats"
    grep -q "^articles	2$" "$work/s1" || fail "two articles: $(cat "$work/s1")"
    "$tool" entities --store "$db" >"$work/e1" || fail "entities"
    # re-adding the same articles changes nothing
    "$tool" add -q --store "$db" "$fx/es-alianza.txt" "$fx/en-conflict.txt" || fail "re-add"
    "$tool" stats --store "$db" | cmp -s - "$work/s1" || fail "re-adding changed the counts"
    "$tool" entities --store "$db" | cmp -s - "$work/e1" || fail "re-adding changed the entities"
    # a directory is read recursively, a list of paths on stdin with -
    printf '%s\n' "$fx/en-summit.txt" | "$tool" add -q --store "$db" - || fail "add -"
    "$tool" add -q --store "$db" "$fx/conll" 2>/dev/null # CoNLL files are not articles: errors, no harm
    "$tool" stats --store "$db" | grep -q "^articles	[3-9]$" || fail "stdin list not added"
    # linking across articles: Peskov and Putin (surname, gazetteer) are one node each
    [ "$("$tool" entities --store "$db" --search peskov | wc -l)" -eq 2 ] || fail "Peskov is not one entity"
    "$tool" entities --store "$db" --type Person --search putin | grep -q "person/vladimir-putin$" || fail "Putin"
    # a foreign or damaged file is refused and left untouched
    echo "not a store" >"$work/foreign.db"; cp "$work/foreign.db" "$work/foreign.orig"
    "$tool" add -q --store "$work/foreign.db" "$fx/es-alianza.txt" 2>"$work/err"
    [ $? -eq 1 ] && grep -q "not a newsgraph store" "$work/err" || fail "foreign file: $(cat "$work/err")"
    cmp -s "$work/foreign.db" "$work/foreign.orig" || fail "foreign file modified"
    head -c 8192 "$db" >"$work/damaged.db"; cp "$work/damaged.db" "$work/damaged.orig"
    "$tool" stats --store "$work/damaged.db" >/dev/null 2>"$work/err"
    [ $? -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] || fail "damaged store: $(cat "$work/err")"
    cmp -s "$work/damaged.db" "$work/damaged.orig" || fail "damaged file modified"
    "$tool" stats --store "$work/missing.db" 2>/dev/null; [ $? -eq 1 ] || fail "missing store"
    # show: claims about an entity with their article, and how mentions were linked
    "$tool" show --store "$db" Lukashenko >"$work/show" || fail "show"
    grep -q "^entity	https://newsgraph.example/id/person/alexander-lukashenko$" "$work/show" || fail "show entity"
    grep -q "^claim	Alexandr Lukashenko	presidentOf	Bielorrusia	asserted" "$work/show" || fail "show claim"
    grep -q "^link	.*	gazetteer-id	" "$work/show" || fail "show link rule"
    "$tool" show --store "$db" nobody-at-all 2>/dev/null; [ $? -eq 1 ] || fail "show unknown"
    # the same URL with new content replaces that article's claims
    printf '<html><head><meta property="og:url" content="https://news.example/a1"><title>Uno</title></head><body><article><p>Rusia atacó a Ucrania el lunes.</p></article></body></html>' >"$work/u1.html"
    printf '<html><head><meta property="og:url" content="https://news.example/a1"><title>Uno bis</title></head><body><article><p>Rusia atacó a Georgia el lunes.</p></article></body></html>' >"$work/u2.html"
    "$tool" add -q --store "$work/u.db" "$work/u1.html" "$work/u2.html" || fail "add url versions"
    "$tool" stats --store "$work/u.db" | grep -q "^articles	1$" || fail "two versions of one URL"
    "$tool" show --store "$work/u.db" Rusia >"$work/u.show"
    grep -q "	attacks	Georgia	" "$work/u.show" && ! grep -q "Ucrania" "$work/u.show" || fail "old claims kept"
    # an acronym links to the stored organisation whose words it spells
    printf 'Uno\n\nEl Consejo Nacional Electoral anunció el resultado en Caracas.\n' >"$work/ac1.txt"
    printf 'Dos\n\nEl CNE anunció una auditoría en Caracas.\n' >"$work/ac2.txt"
    "$tool" add -q --lang es --store "$work/ac.db" "$work/ac1.txt" "$work/ac2.txt" || fail "add acronym"
    "$tool" show --store "$work/ac.db" CNE | grep -q "^link	CNE	acronym	" || fail "acronym link"
    # transliteration variants of a name the gazetteer does not know become one entity
    printf 'Uno\n\nEl portavoz Andréi Kovalevski visitó Polonia.\n' >"$work/v1.txt"
    printf 'Dos\n\nEl portavoz Andrei Kovalevsky agradeció a Polonia.\n' >"$work/v2.txt"
    "$tool" add -q --lang es --store "$work/v.db" "$work/v1.txt" "$work/v2.txt" || fail "add variants"
    "$tool" show --store "$work/v.db" "Andrei Kovalevsky" | grep -q "^link	Andrei Kovalevsky	similar-spelling	" || fail "similar spelling"
    [ "$("$tool" entities --store "$work/v.db" --type Person | wc -l)" -eq 2 ] || fail "variants not merged"
    ;;
store_linking)
    # the seed and our own article naming the same people and places in other
    # spellings (Putin, Vladímir Putin, Pionyang/Pyongyang, Kim) make one graph
    [ -f "$shared/eval/score.py" ] || { echo "../shared absent: skipped"; exit 77; }
    seed=$shared/corpus/seed
    "$tool" extract -f ntriples -o "$work/alone.nt" "$seed/kursk-es.txt" || fail "extract"
    alone=$(python3 "$shared/eval/score.py" "$seed/kursk-es.gold.tsv" "$work/alone.nt" | tail -1 | awk '{print $6}')
    "$tool" add -q --store "$work/kg.db" "$seed/kursk-es.txt" "$fx/es-variantes.txt" || fail "add"
    "$tool" export --store "$work/kg.db" -f ntriples -o "$work/kg.nt" || fail "export"
    rapper_nt "$work/kg.nt" ntriples >/dev/null
    python3 "$shared/eval/score.py" --max-dups 0 "$seed/kursk-es.gold.tsv" "$work/kg.nt" | tail -1
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail "duplicated entities across articles"
    stored=$(python3 "$shared/eval/score.py" "$seed/kursk-es.gold.tsv" "$work/kg.nt" | tail -1 | awk '{print $6}')
    [ "${stored%/*}" -ge "${alone%/*}" ] || fail "facts from the store $stored < extract alone $alone"
    # re-adding everything: byte-identical export
    "$tool" add -q --store "$work/kg.db" "$seed/kursk-es.txt" "$fx/es-variantes.txt" || fail "re-add"
    "$tool" export --store "$work/kg.db" -f ntriples | cmp -s - "$work/kg.nt" || fail "export changed"
    for f in turtle nquads rdfxml; do
        "$tool" export --store "$work/kg.db" -f $f -o "$work/kg.$f" || fail "export $f"
        rapper_nt "$work/kg.$f" $f >/dev/null
    done
    grep -q '<https://newsgraph.example/id/article/[0-9a-f]*> \.$' "$work/kg.nquads" || fail "no named graphs"
    ;;
store_order)
    # the store links what articles name as extract does over one run, and
    # the order articles come in changes nothing: extract of several
    # articles and add + export give the same triples, and adding them in
    # reverse order gives the same bytes. "Quiroga" alone would join Marta
    # Quiroga if she were the only Quiroga; a third article names another.
    printf 'Uno\n\nLa ministra Marta Quiroga visitó Lima el lunes. El Consejo Nacional Electoral publicó los resultados.\n' >"$work/o1.txt"
    printf 'Dos\n\nQuiroga habló con la prensa en Lima. El CNE confirmó el recuento.\n' >"$work/o2.txt"
    printf 'Tres\n\nEl senador Luis Quiroga criticó al Gobierno de Perú por el recuento.\n' >"$work/o3.txt"
    set -- "$work"/o1.txt "$work"/o2.txt "$work"/o3.txt "$fx"/es-alianza.txt "$fx"/es-variantes.txt \
        "$fx"/en-summit.txt "$fx"/en-business.txt "$fx"/en-conflict.txt "$fx"/entities/*.txt
    "$tool" extract -f ntriples -o "$work/extract.nt" "$@" || fail "extract"
    "$tool" add -q --store "$work/fwd.db" "$@" || fail "add"
    reversed=()
    for ((i = $#; i >= 1; i--)); do reversed+=("${!i}"); done
    "$tool" add -q --store "$work/rev.db" "${reversed[@]}" || fail "add in reverse"
    "$tool" export --store "$work/fwd.db" -f ntriples -o "$work/fwd.nt" || fail "export"
    "$tool" export --store "$work/rev.db" -f ntriples -o "$work/rev.nt" || fail "export reverse"
    cmp "$work/fwd.nt" "$work/rev.nt" || fail "the export depends on the order articles were added"
    sort "$work/extract.nt" >"$work/a"
    sort "$work/fwd.nt" >"$work/b"
    diff "$work/a" "$work/b" >"$work/diff" || { head -20 "$work/diff" >&2; fail "extract and add + export differ"; }
    same='<http://www.w3.org/2002/07/owl#sameAs> <https://newsgraph.example/id/entity/'
    grep -q "^<https://newsgraph.example/id/entity/cne> $same" "$work/fwd.nt" || fail "CNE is not linked"
    ! grep -q "^<https://newsgraph.example/id/entity/quiroga> $same" "$work/fwd.nt" || fail "Quiroga was linked to one of two"
    [ "$("$tool" entities --store "$work/rev.db" --type Person --search quiroga | wc -l)" -eq 4 ] || fail "not three Quirogas"
    note "$(wc -l <"$work/fwd.nt") triples, equal either way and to extract's"
    ;;
store_verbs)
    # verbs the lexicon does not map: claims that say so, never direct
    # triples, listed by `verbs` so that the lexicon can grow
    need_models
    printf 'Uno\n\nLula almorzó con Boric en Brasilia el lunes.\n' >"$work/v1.txt"
    printf 'Dos\n\nEl presidente Lula almorzó con Petro en Bogotá.\n' >"$work/v2.txt"
    "$tool" add -q --store "$work/v.db" "$work/v1.txt" "$work/v2.txt" || fail "add"
    "$tool" verbs --store "$work/v.db" >"$work/verbs" || fail "verbs"
    head -1 "$work/verbs" | grep -q "^claims	articles	lemma	preposition	example$" || fail "verbs header"
    grep -q "^[0-9]*	2	almorzar	con	" "$work/verbs" || { cat "$work/verbs" >&2; fail "almorzar con not listed"; }
    "$tool" export --store "$work/v.db" -f ntriples -o "$work/v.nt" || fail "export"
    rapper_nt "$work/v.nt" ntriples >/dev/null
    grep -q "rdf-syntax-ns#predicate> <https://newsgraph.example/ontology#relatedTo>" "$work/v.nt" || fail "no relatedTo claim"
    ! grep -q "^<https://newsgraph.example/id/[a-z]*/[^>]*> <https://newsgraph.example/ontology#relatedTo>" "$work/v.nt" || fail "relatedTo as a direct triple"
    "$tool" verbs --store "$work/v.db" --top x 2>/dev/null; [ $? -eq 2 ] || fail "bad --top accepted"
    ;;
store_curation)
    # merge, split and alias corrections hold for articles added later and for
    # articles added again with new content
    page() { printf '<html><head><meta property="og:url" content="https://news.example/%s"><title>%s</title></head><body><article><p>%s</p></article></body></html>' "$1" "$2" "$3" >"$work/$1.html"; }
    page c1 Uno "La ministra Marta Quiroga visitó Lima. La Fundación Lumen financió el viaje."
    page c2 Dos "El alcalde Quiroga criticó a Chile. El Instituto Lumen publicó un informe."
    page c3 Tres "Quiroga inauguró un puente en Cusco. La Fundación Lumen donó libros a Bolivia."
    printf 'Cuatro\n\nEl Centro Lumen abrió una sede en Quito con apoyo de Perú.\n' >"$work/c4.txt"
    printf 'Cinco\n\nEl Centro Lumen cerró su sede en Lima.\n' >"$work/c5.txt"
    db=$work/cur.db
    "$tool" add -q --store "$db" "$work/c1.html" "$work/c2.html" || fail "add"
    "$tool" show --store "$db" Quiroga | grep -q "^link	Quiroga	surname	Dos	" || fail "surname link to correct"
    # split: the mayor is not the minister
    "$tool" split --store "$db" "Marta Quiroga" Quiroga >"$work/out" || fail "split"
    grep -q "1 mention moved to https://newsgraph.example/id/entity/quiroga$" "$work/out" || fail "split: $(cat "$work/out")"
    "$tool" show --store "$db" "Marta Quiroga" >"$work/show" || fail "show"
    ! grep -q "Chile" "$work/show" || fail "the moved mention's claim stayed"
    "$tool" show --store "$db" https://newsgraph.example/id/entity/quiroga | grep -q "^claim	Quiroga	criticises	Chile	" || fail "claim not moved"
    # merge: the foundation and the institute are one organisation
    "$tool" merge --store "$db" "Instituto Lumen" "Fundación Lumen" >/dev/null || fail "merge"
    "$tool" alias add --store "$db" "Instituto Lumen" "Centro Lumen" || fail "alias add"
    "$tool" export --store "$db" -f ntriples -o "$work/before.nt" || fail "export"
    # the same articles again change nothing
    "$tool" add -q --store "$db" "$work/c1.html" "$work/c2.html" || fail "re-add"
    "$tool" export --store "$db" -f ntriples | cmp -s - "$work/before.nt" || fail "re-adding changed the export"
    # later articles follow the corrections
    "$tool" add -q --store "$db" "$work/c3.html" "$work/c4.txt" || fail "add later"
    "$tool" show --store "$db" Quiroga >"$work/show"
    grep -q "^entity	https://newsgraph.example/id/entity/quiroga$" "$work/show" || fail "Quiroga: $(head -1 "$work/show")"
    grep -q "^link	Quiroga	.*	Tres	" "$work/show" || fail "later Quiroga not on the split entity"
    ! "$tool" show --store "$db" "Marta Quiroga" | grep -q "	Tres	" || fail "later Quiroga linked to Marta Quiroga"
    "$tool" show --store "$db" "Instituto Lumen" >"$work/show"
    grep -q "^link	Fundación Lumen	curated-merge	Tres	" "$work/show" || fail "merge not applied later"
    grep -q "^link	Centro Lumen	curated-alias	Cuatro	" "$work/show" || fail "alias not applied later"
    grep -q "^claim	Instituto Lumen	donatesTo	Bolivia	" "$work/show" || fail "claim of merged name"
    # the same URL with new content: the corrections still hold
    page c2 "Dos bis" "El alcalde Quiroga visitó Chile. La Fundación Lumen publicó un informe."
    "$tool" add -q --store "$db" "$work/c2.html" || fail "new version"
    "$tool" show --store "$db" "Marta Quiroga" | grep -q "Dos" && fail "new version linked to Marta Quiroga"
    "$tool" show --store "$db" Quiroga | grep -q "^claim	Quiroga	visits	Chile	" || fail "new version's claim"
    "$tool" show --store "$db" "Instituto Lumen" | grep -q "^link	Fundación Lumen	curated-merge	Dos bis	" || fail "merge lost on replace"
    [ "$("$tool" entities --store "$db" --search lumen | wc -l)" -eq 2 ] || fail "Lumen is not one entity"
    # removing an alias: the name makes a node of its own from now on
    "$tool" alias remove --store "$db" "Instituto Lumen" "Centro Lumen" || fail "alias remove"
    "$tool" add -q --store "$db" "$work/c5.txt" || fail "add c5"
    "$tool" entities --store "$db" --search "centro lumen" | grep -q "^Centro Lumen	Organization	1	" || fail "removed alias still links"
    # exports say which IRIs were merged, and stay valid RDF
    "$tool" export --store "$db" -f ntriples -o "$work/after.nt" || fail "export after"
    rapper_nt "$work/after.nt" ntriples >/dev/null
    grep -q "^<https://newsgraph.example/id/entity/instituto-lumen> <http://www.w3.org/2002/07/owl#sameAs> <https://newsgraph.example/id/entity/fundacion-lumen> \.$" "$work/after.nt" || fail "no sameAs for the merged IRI"
    ! grep -q "^<https://newsgraph.example/id/entity/fundacion-lumen> " "$work/after.nt" || fail "merged IRI still described"
    "$tool" alias list --store "$db" | cut -f1 | tr '\n' ' ' | grep -q "^split merge unalias $" || fail "alias list: $("$tool" alias list --store "$db")"
    # mistakes are refused with one line and change nothing
    cp "$db" "$work/kept.db"
    for bad in "merge|Lima|Lima" "merge|Lima|nadie" "split|Lima|Lima" "alias|remove|Lima|Quito"; do
        IFS='|' read -r -a args <<<"$bad"
        "$tool" "${args[@]}" --store "$db" >/dev/null 2>"$work/err"
        [ $? -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] || fail "$bad: $(cat "$work/err")"
    done
    "$tool" export --store "$db" -f ntriples | cmp -s - "$work/after.nt" || fail "a refused correction changed the store"
    "$tool" merge --store "$db" Lima 2>/dev/null; [ $? -eq 2 ] || fail "merge with one name"
    # load: usage errors, and a refused endpoint is one line
    "$tool" load --store "$db" 2>/dev/null; [ $? -eq 2 ] || fail "load without an endpoint"
    "$tool" load --store "$db" --endpoint ftp://example.org/x 2>"$work/err"
    [ $? -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] || fail "load to ftp: $(cat "$work/err")"
    ;;
diagram_store)
    # diagrams of a store: every format, the filters, and the HTML page looked
    # at in a real browser (headless Chromium: a screenshot, and the tooltips
    # in the page it parsed)
    command -v chromium >/dev/null || fail "chromium not installed (bash scripts/deps.sh installs it)"
    db=$work/d.db
    "$tool" add -q --store "$db" "$fx/es-alianza.txt" "$fx/es-variantes.txt" "$fx/en-summit.txt" || fail "add"
    "$tool" diagram --store "$db" -f svg -o "$work/d.svg" 2>"$work/err" || fail "svg: $(cat "$work/err")"
    grep -q "^newsgraph: [0-9]* entities, [0-9]* relations drawn$" "$work/err" || fail "summary: $(cat "$work/err")"
    python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$work/d.svg" || fail "svg is not XML"
    "$tool" diagram --store "$db" -f dot -o "$work/d.dot" 2>/dev/null || fail "dot"
    dot -Tcanon "$work/d.dot" >/dev/null || fail "dot does not re-read our DOT"
    "$tool" diagram --store "$db" -f png -o "$work/d.png" 2>/dev/null || fail "png"
    [ "$(head -c 4 "$work/d.png" | tail -c 3)" = PNG ] || fail "png magic"
    # filters
    n() { "$tool" diagram --store "$db" -f dot "$@" 2>&1 >/dev/null | sed 's/^newsgraph: \([0-9]*\) entities.*/\1/'; }
    all=$(n); ego=$(n --focus Lukashenko --depth 1); top=$(n --top 3); people=$(n --type Person)
    [ "$ego" -ge 2 ] && [ "$ego" -lt "$all" ] || fail "focus: $ego of $all"
    [ "$top" -eq 3 ] || fail "top 3: $top"
    [ "$people" -lt "$all" ] || fail "type Person: $people of $all"
    [ "$(n --predicate presidentOf)" -ge 2 ] || fail "predicate"
    [ "$(n --min-confidence 1.1 2>/dev/null)" != "$all" ] || fail "min-confidence range"
    [ "$(n --since 2999-01-01)" = 0 ] || fail "since"
    [ "$(n --article "$(head -1 "$fx/es-alianza.txt")")" -lt "$all" ] || fail "article by title"
    "$tool" diagram --store "$db" --focus nobody-at-all 2>"$work/err" >/dev/null
    [ $? -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] || fail "unknown focus: $(cat "$work/err")"
    "$tool" diagram --store "$db" --type Planet 2>/dev/null; [ $? -eq 2 ] || fail "unknown class"
    "$tool" diagram --store "$db" --since yesterday 2>/dev/null; [ $? -eq 2 ] || fail "bad date"
    # the HTML page in a browser
    "$tool" diagram --store "$db" -f html --lang es --title "Alianzas & <pruebas>" -o "$work/d.html" 2>/dev/null || fail "html"
    chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,900 \
        --screenshot="$work/shot.png" "file://$work/d.html" >/dev/null 2>&1 || fail "chromium screenshot"
    [ "$(stat -c %s "$work/shot.png")" -gt 20000 ] || fail "the screenshot is (nearly) blank"
    chromium --headless=new --no-sandbox --disable-gpu --dump-dom "file://$work/d.html" 2>/dev/null >"$work/dom.html"
    grep -q "<title>Alianzas &amp; &lt;pruebas&gt;</title>" "$work/dom.html" || fail "page title"
    grep -q "<svg" "$work/dom.html" || fail "no SVG in the page"
    # a node's tooltip: its name, class, articles, and the sentences behind it
    grep -q "<title>Alexandr Lukashenko (persona, 1 artículo)" "$work/dom.html" || fail "node tooltip"
    grep -q "El presidente de Bielorrusia, Alexandr Lukashenko" "$work/dom.html" || fail "claim in tooltip"
    grep -q "<title>Alexandr Lukashenko → presidente de → Bielorrusia" "$work/dom.html" || fail "edge tooltip"
    [ -n "${NG_KEEP_SCREENSHOT:-}" ] && cp "$work/shot.png" "$NG_KEEP_SCREENSHOT"
    ;;
sparql_query)
    # SPARQL answered locally (Rasqal): tables with a header, CSV, JSON, ASK,
    # and a one-line error for a query that does not parse
    db=$work/q.db
    "$tool" add -q --store "$db" "$fx/es-alianza.txt" "$fx/en-summit.txt" || fail "add"
    q='SELECT ?label WHERE { <https://newsgraph.example/id/country/ru> <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label'
    "$tool" query --store "$db" "$q" >"$work/t" || fail "query"
    [ "$(head -1 "$work/t")" = "label" ] && grep -q '^"Rusia"@es$' "$work/t" && grep -q '^(2 rows)$' "$work/t" || fail "table: $(cat "$work/t")"
    "$tool" query --store "$db" -f csv "$q" | grep -q '^Rusia' || fail "csv"
    "$tool" query --store "$db" -f json "$q" | python3 -c 'import json,sys; b=json.load(sys.stdin)["results"]["bindings"]; sys.exit(len(b) != 2)' || fail "json"
    [ "$("$tool" query --store "$db" 'ASK { ?s a <https://newsgraph.example/ontology#Claim> }')" = true ] || fail "ask"
    # the exports' prefixes are declared for the user
    [ "$("$tool" query --store "$db" 'ASK { ?c a ng:Claim ; prov:wasDerivedFrom ?a . ?a dct:title ?t }')" = true ] || fail "prefixes"
    printf '%s' "$q" >"$work/q.rq"
    "$tool" query --store "$db" --file "$work/q.rq" -f tsv | grep -q '"Russia"@en' || fail "--file"
    "$tool" query --store "$db" 'SELECT ?x WHERE { ?x ?y }' 2>"$work/err"
    [ $? -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q "syntax error" "$work/err" || fail "syntax error: $(cat "$work/err")"
    "$tool" query --store "$db" -f yaml "$q" 2>/dev/null; [ $? -eq 1 ] || fail "unknown format"
    "$tool" query --store "$db" 2>/dev/null; [ $? -eq 2 ] || fail "no query"
    ;;
store_crash)
    # kill -9 in the middle of adds leaves a readable store holding whole articles
    dir=$shared/corpus/es-news/articles
    [ -d "$dir" ] || dir=$fx
    db=$work/crash.db
    "$tool" add -q --store "$db" "$fx/es-alianza.txt" || fail "first add"
    for delay in 0.2 0.5; do
        "$tool" add -q --store "$db" "$dir" 2>/dev/null &
        pid=$!
        sleep $delay
        kill -9 $pid 2>/dev/null
        wait $pid 2>/dev/null
        "$tool" stats --store "$db" >"$work/s" || fail "store unreadable after kill -9"
        note "after kill -9 at ${delay}s: $(grep articles "$work/s")"
    done
    # two writers at once: both finish, nothing is lost
    "$tool" add -q --store "$work/two.db" "$fx/es-alianza.txt" "$fx/en-summit.txt" &
    p1=$!
    "$tool" add -q --store "$work/two.db" "$fx/en-business.txt" "$fx/en-conflict.txt" &
    p2=$!
    wait $p1 || fail "first writer failed"
    wait $p2 || fail "second writer failed"
    "$tool" stats --store "$work/two.db" | grep -q "^articles	4$" || fail "two writers lost articles"
    ;;
parse_text)
    # CoNLL-U of articles: well-formed trees, TokenRange offsets into the
    # article's text, Spanish contractions as multiword tokens; with and
    # without --lang, several files, and standard input
    need_models
    es=$fx/parse/es-articulo.txt en=$fx/parse/en-article.txt
    "$tool" parse --lang es -o "$work/es.conllu" "$es" || fail "parse --lang es"
    "$tool" parse "$en" "$es" >"$work/both.conllu" || fail "parse with detected languages"
    "$tool" parse --lang en - <"$en" >"$work/stdin.conllu" || fail "parse - (stdin)"
    "$tool" parse --lang en "$en" >"$work/en.conllu" || fail "parse --lang en"
    cmp -s "$work/stdin.conllu" "$work/en.conllu" || fail "stdin and file parse differently"
    check_parsed() { # conllu article... (one document per article, in order)
        python3 - "$@" <<'EOF'
import re, sys
UPOS = set("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())
path, articles = sys.argv[1], sys.argv[2:]
docs = open(path, encoding="utf-8").read().split("# newdoc id = ")
if docs[0] != "" or len(docs) - 1 != len(articles):
    sys.exit(f"{path}: {len(docs) - 1} documents for {len(articles)} articles")
def rng(misc):
    m = re.search(r"(?:^|\|)TokenRange=(\d+):(\d+)(?:\||$)", misc)
    if not m: raise SystemExit(f"{path}: no TokenRange in '{misc}'")
    return int(m.group(1)), int(m.group(2))
mwts = {}
nsent = nwords = 0
for doc, art in zip(docs[1:], articles):
    text = open(art, encoding="utf-8").read()
    doc_id, doc = doc.split("\n", 1)
    if not re.fullmatch(r"[0-9a-f]+", doc_id): sys.exit(f"{path}: newdoc id '{doc_id}'")
    blocks = [b for b in doc.split("\n\n") if b.strip()]
    for b in blocks:
        lines = b.split("\n")
        if not lines[0].startswith(f"# sent_id = {doc_id}-"):
            sys.exit(f"{path}: a sentence without sent_id:\n{b[:200]}")
        said = [l[9:] for l in lines if l.startswith("# text = ")]
        if len(said) != 1: sys.exit(f"{path}: want one '# text' line:\n{b[:200]}")
        rows = [l.split("\t") for l in lines if not l.startswith("#")]
        words, pending, first, last = [], None, None, None
        for r in rows:
            if len(r) != 10: sys.exit(f"{path}: {len(r)} fields: {r}")
            if "-" in r[0]:
                a, z = map(int, r[0].split("-"))
                if a != len(words) + 1 or z <= a: sys.exit(f"{path}: range {r[0]} after word {len(words)}")
                s, e = rng(r[9])
                if text[s:e] != r[1]: sys.exit(f"{path}: multiword '{r[1]}' at {s}:{e} is '{text[s:e]}'")
                pending = (a, z, r[1], [])
                first = s if first is None else first
                last = e
                continue
            if not r[0].isdigit() or int(r[0]) != len(words) + 1: sys.exit(f"{path}: word id {r[0]} after {len(words)}")
            words.append(r)
            if pending and int(r[0]) <= pending[1]:
                if r[9] != "_": sys.exit(f"{path}: a word of a multiword token has MISC {r[9]}")
                pending[3].append(r[1])
                if int(r[0]) == pending[1]:
                    mwts.setdefault(pending[2].lower(), []).append(" ".join(pending[3]).lower())
                    pending = None
                continue
            s, e = rng(r[9])
            if text[s:e] != r[1]: sys.exit(f"{path}: word '{r[1]}' at {s}:{e} is '{text[s:e]}'")
            first = s if first is None else first
            last = e
        if pending: sys.exit(f"{path}: multiword token {pending[2]} short of words")
        n = len(words)
        if n == 0: sys.exit(f"{path}: a sentence without words")
        heads = [int(w[6]) for w in words]
        if any(h < 0 or h > n for h in heads): sys.exit(f"{path}: head out of 0..{n}: {heads}")
        if heads.count(0) != 1: sys.exit(f"{path}: {heads.count(0)} roots in '{said[0]}'")
        for w in words:
            if w[3] not in UPOS: sys.exit(f"{path}: UPOS {w[3]}")
            if (w[6] == "0") != (w[7] == "root"): sys.exit(f"{path}: head {w[6]} with relation {w[7]}")
            if not w[2] or not w[5] or not w[7] or w[4] != "_" or w[8] != "_": sys.exit(f"{path}: fields {w}")
        for d in range(1, n + 1):
            k, seen = d, set()
            while k:
                if k in seen: sys.exit(f"{path}: cycle in '{said[0]}'")
                seen.add(k)
                k = heads[k - 1]
        if re.sub(r"\s", " ", text[first:last]) != said[0]:
            sys.exit(f"{path}: '# text = {said[0]}' but the ranges cover '{text[first:last]}'")
        nsent += 1
        nwords += n
print(f"  {path.split('/')[-1]}: {nsent} sentences, {nwords} words, multiword tokens: "
      + ", ".join(f"{k}={'+'.join(sorted(set(v)))}" for k, v in sorted(mwts.items())))
es = any("articulo" in a for a in articles)
if es and "de el" not in mwts.get("del", []): sys.exit(f"{path}: 'del' is not split into de + el")
if es and "a el" not in mwts.get("al", []): sys.exit(f"{path}: 'al' is not split into a + el")
if not es and mwts: sys.exit(f"{path}: multiword tokens in English: {mwts}")
EOF
    }
    check_parsed "$work/es.conllu" "$es" || fail "es.conllu"
    check_parsed "$work/en.conllu" "$en" || fail "en.conllu"
    check_parsed "$work/both.conllu" "$en" "$es" || fail "both.conllu"
    # "del" is a multiword line followed by its two words
    grep -A2 $'^[0-9]*-[0-9]*\tdel\t' "$work/es.conllu" | head -3 | cut -f2 | tr '\n' ' ' | grep -qx 'del de el ' || fail "del: $(grep -A2 $'\tdel\t' "$work/es.conllu" | head -3)"
    # the article parsed alone and among others gives the same sentences
    awk '/^# newdoc/{n++} n==2' "$work/both.conllu" | cmp -s - "$work/es.conllu" || fail "es article parses differently after another one"
    ;;
parse_conllu)
    # a treebank re-parsed on its own words: lines kept, predictions scored
    need_models
    gold=$fx/parse/es-mini.conllu
    "$tool" parse --lang es --conllu "$gold" >"$work/pred.conllu" 2>"$work/err" || fail "parse --conllu: $(cat "$work/err")"
    python3 - "$gold" "$work/pred.conllu" <<'EOF' || fail "parse --conllu output"
import sys
UPOS = set("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())
g = open(sys.argv[1], encoding="utf-8").read().split("\n")
p = open(sys.argv[2], encoding="utf-8").read().split("\n")
if len(g) != len(p): sys.exit(f"{len(g)} lines in, {len(p)} out")
words = 0
for i, (a, b) in enumerate(zip(g, p), 1):
    if a.startswith("#") or a == "" or "-" in a.split("\t")[0]:
        if a != b: sys.exit(f"line {i}: '{a}' became '{b}'")
        continue
    x, y = a.split("\t"), b.split("\t")
    if len(y) != 10: sys.exit(f"line {i}: {len(y)} fields")
    if (y[0], y[1], y[9]) != (x[0], x[1], x[9]): sys.exit(f"line {i}: id, form or misc changed: {y}")
    if y[3] not in UPOS or not y[2] or not y[5] or not y[7] or not y[6].isdigit(): sys.exit(f"line {i}: {y}")
    words += 1
print(f"  {words} words, every line in place")
EOF
    if [ -f "$shared/eval/conllu_eval.py" ]; then
        python3 "$shared/eval/conllu_eval.py" "$gold" "$work/pred.conllu" >"$work/score" || fail "conllu_eval.py: $(cat "$work/score")"
        tail -1 "$work/score" | grep -Eq '^upos [0-9.]+ uas [0-9.]+ las [0-9.]+ words [0-9]+$' || fail "score line: $(cat "$work/score")"
        note "es-mini with models/es.ngm: $(tail -1 "$work/score")"
    else
        note "../shared absent: conllu_eval.py not run"
    fi
    # standard input, and the English treebank
    "$tool" parse --lang es --conllu - <"$gold" | cmp -s - "$work/pred.conllu" || fail "--conllu - (stdin)"
    "$tool" parse --lang en --conllu "$fx/parse/en-mini.conllu" >"$work/en.conllu" || fail "parse --lang en --conllu"
    [ "$(grep -c $'^[0-9]*\t' "$work/en.conllu")" -eq "$(grep -c $'^[0-9]*\t' "$fx/parse/en-mini.conllu")" ] || fail "en word count"
    # --conllu needs --lang; a missing or broken treebank is one line naming it
    "$tool" parse --conllu "$gold" >"$work/out" 2>"$work/err"; rc=$?
    [ $rc -eq 2 ] || fail "--conllu without --lang: exit $rc, want 2"
    grep -q -- "--lang" "$work/err" || fail "--conllu without --lang: $(cat "$work/err")"
    "$tool" parse --lang es --conllu "$work/none.conllu" >"$work/out" 2>"$work/err"; rc=$?
    [ $rc -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -qF "$work/none.conllu" "$work/err" || fail "missing treebank: exit $rc: $(cat "$work/err")"
    printf '1\tEl\tel\tDET\n' >"$work/short.conllu"
    "$tool" parse --lang es --conllu "$work/short.conllu" >"$work/out" 2>"$work/err"; rc=$?
    [ $rc -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -qF "$work/short.conllu:1" "$work/err" || fail "bad treebank: exit $rc: $(cat "$work/err")"
    ;;
parse_bad_model)
    # a model that cannot be used: exit 1, one line naming the file, and the
    # output file is neither created nor replaced
    es=$fx/parse/es-articulo.txt
    mkdir "$work/good" "$work/trunc" "$work/garbage" "$work/empty" "$work/foreign"
    "$tool" train --lang es -o "$work/good/es.ngm" --tagger-epochs 2 --parser-epochs 2 --min-count 1 "$fx/parse/es-mini.conllu" 2>"$work/err" || fail "train: $(tail -3 "$work/err")"
    grep -q "wrote $work/good/es.ngm" "$work/err" || fail "train: $(tail -1 "$work/err")"
    "$tool" train --lang en -o "$work/foreign/es.ngm" --tagger-epochs 2 --parser-epochs 2 --min-count 1 "$fx/parse/en-mini.conllu" 2>/dev/null || fail "train en"
    size=$(stat -c %s "$work/good/es.ngm")
    head -c $((size / 2)) "$work/good/es.ngm" >"$work/trunc/es.ngm"
    printf 'This is not a model, only some text.\n%.0s' 1 2 3 4 5 6 7 8 >"$work/garbage/es.ngm"
    "$tool" parse --lang es --models "$work/good" -o "$work/good.conllu" "$es" || fail "parse with a model trained here"
    grep -q $'^[0-9]*-[0-9]*\tdel\t' "$work/good.conllu" || fail "the small model does not split del"
    for d in trunc garbage empty foreign; do
        modes=("--lang es")
        [ $d = trunc ] && modes+=("--lang es --conllu" "") # every way in to the model, once
        for mode in "${modes[@]}"; do
            input=$es
            case "$mode" in *conllu*) input=$fx/parse/es-mini.conllu ;; esac
            echo "precious" >"$work/keep.conllu"
            # shellcheck disable=SC2086
            "$tool" parse $mode --models "$work/$d" -o "$work/keep.conllu" "$input" 2>"$work/err"; rc=$?
            [ $rc -eq 1 ] || fail "$d ($mode): exit $rc, want 1: $(cat "$work/err")"
            [ "$(wc -l <"$work/err")" -eq 1 ] || fail "$d ($mode): want one line on stderr, got: $(cat "$work/err")"
            grep -qF "$work/$d/es.ngm" "$work/err" || fail "$d ($mode): message does not name the model: $(cat "$work/err")"
            [ "$(cat "$work/keep.conllu")" = "precious" ] || fail "$d ($mode): a failed run clobbered the output"
        done
        "$tool" parse --lang es --models "$work/$d" -o "$work/new.conllu" "$es" 2>/dev/null
        [ ! -e "$work/new.conllu" ] || fail "$d: a failed run created the output"
        note "$d: $(cat "$work/err")"
    done
    find "$work" -name '*.tmp*' | grep -q . && fail "temporary file left behind"
    grep -q "'en'" "$work/err" || fail "a foreign model is not called one: $(cat "$work/err")"
    "$tool" parse --lang fr "$es" 2>/dev/null; [ $? -eq 2 ] || fail "--lang fr must exit 2"
    # an entity model that cannot be used: extract fails naming it (and
    # --name-rules, which does not need it, works); the output is not made
    md=${NEWSGRAPH_MODELS:-$fx/../../models}
    if [ -f "$md/es.ngm" ] && [ -f "$md/es.ner.ngm" ]; then
        mkdir "$work/ner"
        cp "$md/es.ngm" "$work/ner/"
        head -c 1000 "$md/es.ner.ngm" >"$work/ner/es.ner.ngm"
        "$tool" extract --lang es --models "$work/ner" -o "$work/ner.ttl" "$es" 2>"$work/err"; rc=$?
        [ $rc -eq 1 ] || fail "truncated entity model: exit $rc, want 1"
        [ "$(wc -l <"$work/err")" -eq 1 ] && grep -qF "$work/ner/es.ner.ngm: truncated" "$work/err" ||
            fail "truncated entity model: $(cat "$work/err")"
        [ ! -e "$work/ner.ttl" ] || fail "a failed run created the output"
        "$tool" extract --lang es --models "$work/ner" --name-rules -o "$work/ner.ttl" "$es" ||
            fail "--name-rules needs no entity model"
    fi
    ;;
es_news_corpus)
    dir=$shared/corpus/es-news/articles
    [ -d "$dir" ] || { echo "../shared absent: skipped"; exit 77; }
    "$tool" extract -f ntriples -o "$work/news.nt" "$dir"/*.txt 2>"$work/err" || fail "corpus: $(head -5 "$work/err")"
    rapper_nt "$work/news.nt" ntriples | wc -l | sed 's/^/  triples: /'
    ;;
entity_headlines|entity_bodies)
    # The entity tagger on our own articles (tests/fixtures/entities/).
    # entity_headlines: a headline in capitals (or Title Case) is read without
    # case; its names stand where the gazetteer knows them, the body names
    # them or no word of theirs is a dictionary word, so its common words
    # never become names. entity_bodies: one-word bodies ("el Gobierno", "the
    # Army"), companies named by a word ("Shell") and surnames that are words
    # ("Blanco", "White") inside full names.
    need_models
    md=${NEWSGRAPH_MODELS:-$fx/../../models}
    [ -f "$md/es.ner.ngm" ] && [ -f "$md/en.ner.ngm" ] || { echo "no entity models in $md: skipped"; exit 77; }
    ent=$fx/entities
    mentions_of() { # LANG NAME: mentions of $ent/NAME.txt into $work/NAME.tsv
        "$tool" mentions --lang "$1" -o "$work/$2.tsv" "$ent/$2.txt" || fail "mentions $2"
        head -1 "$work/$2.tsv" | grep -q "^file	start	end	text	class	kind	iri$" || fail "$2: TSV header"
    }
    found() { # NAME: the mentions found, for messages
        tail -n +2 "$work/$1.tsv" | cut -f4,5 | tr '\t\n' ':,'
    }
    # has NAME TEXT CLASS [IRI-TAIL [BEFORE]]: a name mention with exactly this
    # text and class (CLASS '*': any class but the bare Entity), this IRI's
    # last step, starting before code point BEFORE
    has() {
        awk -F'\t' -v t="$2" -v c="$3" -v i="${4:-}" -v b="${5:-}" '
            NR > 1 && $4 == t && $6 == "name" && (c == "*" ? $5 != "Entity" : $5 == c) &&
            (i == "" || substr($7, length($7) - length(i)) == "/" i) && (b == "" || $2 + 0 < b + 0) { f = 1 }
            END { exit !f }' "$work/$1.tsv" ||
            fail "$1: no ${3/\*/typed} mention '$2'${4:+ -> $4}${5:+ in the headline}; found: $(found "$1")"
    }
    hasnt() { # NAME TEXT: no mention with exactly this text
        ! cut -f4 "$work/$1.tsv" | grep -qxF "$2" || fail "$1: a mention '$2'; found: $(found "$1")"
    }
    headline_end() { # NAME: code points in the article's first line (UTF-8 less continuation bytes)
        head -1 "$ent/$1.txt" | LC_ALL=C tr -d '\n\200-\277' | wc -c
    }
    # headline_words NAME WORD...: no mention on the headline line holds one of
    # these (common) words, in any case
    headline_words() {
        python3 - "$ent/$1.txt" "$work/$1.tsv" "${@:2}" <<'PY' || fail "$1: a common headline word in a name; found: $(found "$1")"
import re, sys
end = open(sys.argv[1], encoding="utf-8").read().index("\n")
words = {w.casefold() for w in sys.argv[3:]}
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")][1:]
bad = [r for r in rows if int(r[1]) < end and words & {w.casefold() for w in re.findall(r"\w+", r[3])}]
for r in bad: print(f"  headline mention '{r[3]}' ({r[4]})", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
    }
    rdf_ok() { # LANG NAME: extract -f ntriples, which rapper parses
        "$tool" extract -f ntriples --lang "$1" -o "$work/$2.nt" "$ent/$2.txt" || fail "extract $2"
        rapper -i ntriples -c "$work/$2.nt" 2>"$work/rapper.err" || { cat "$work/rapper.err" >&2; fail "rapper rejects $2.nt"; }
        grep -q "returned [1-9][0-9]* triples" "$work/rapper.err" || fail "$2.nt: no triples"
    }
    typed() { # NAME IRI-TAIL CLASS: the graph types the entity so
        grep -q "^<https://newsgraph.example/id/$2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://newsgraph.example/ontology#$3> \.$" "$work/$1.nt" ||
            fail "$1.nt: $2 is not a $3"
    }
    # typed_body NAME IRI-TAIL CLASS: as typed, for a bare body ("Gobierno"),
    # whose IRI carries its article's id
    typed_body() {
        grep -q "^<https://newsgraph.example/id/$2-[0-9a-f]\{16\}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://newsgraph.example/ontology#$3> \.$" "$work/$1.nt" ||
            fail "$1.nt: no $2-<article> that is a $3"
    }
    # bare_iris FILE.nt: the distinct IRIs of bare "Gobierno" entities
    bare_iris() { grep -o '<https://newsgraph.example/id/entity/gobierno-[0-9a-f]\{16\}>' "$1" | sort -u; }
    if [ "$test_name" = entity_headlines ]; then
        # "OCUPAN LAS CAMAS DE HOSPITAL EN MADRID TRAS LA OLA DE VIRUS, SEGÚN GALINDO"
        f=es-titular
        mentions_of es $f
        h=$(headline_end $f)
        headline_words $f OCUPAN LAS CAMAS DE HOSPITAL EN TRAS LA OLA VIRUS SEGÚN
        has $f MADRID City city/madrid "$h"             # the gazetteer knows it
        has $f GALINDO Person entity/marta-galindo "$h" # the body says "Marta Galindo"
        has $f "Marta Galindo" Person entity/marta-galindo
        rdf_ok es $f
        typed $f entity/marta-galindo Person
        # the same English headline in capitals and in Title Case
        for f in en-headline en-headline-title; do
            mentions_of en $f
            h=$(headline_end $f)
            headline_words $f WOMEN AND DATA BEDS RUN SHORT IN AS NURSES WARN OF WINTER SAYS
            if [ $f = en-headline ]; then c=CHICAGO o=OKAFOR; else c=Chicago o=Okafor; fi
            has $f $c City city/chicago "$h"
            has $f $o Person entity/helen-okafor "$h" # the body says "Dr. Helen Okafor"
            has $f "Helen Okafor" Person entity/helen-okafor
            rdf_ok en $f
            typed $f entity/helen-okafor Person
        done
        # both versions of the headline give the body the same names
        # (a bare body's IRI carries its article: the two files are two articles)
        body_names() {
            cut -f2- "$work/$1.tsv" | awk -F'\t' -v h="$h" 'NR > 1 && $1 >= h' |
                sed 's/-[0-9a-f]\{16\}$//'
        }
        cmp -s <(body_names en-headline) <(body_names en-headline-title) ||
            fail "the headline's case changes the body's names"
    else
        f=es-organismos
        mentions_of es $f
        for b in Gobierno Junta Ayuntamiento "Ayuntamiento de Écija" Diputación Policía Apple; do
            has $f "$b" Organization
        done
        # companies named by a word: found as names (their class is not checked
        # yet: "Shell" comes out a Person, "Orange" a Place)
        for b in Shell Orange Mercadona; do has $f $b '*'; done
        # surnames that are words stay in the person's name
        has $f "Carmen Blanco" Person entity/carmen-blanco
        has $f "Tomás Rosales" Person entity/tomas-rosales
        for w in Carmen Blanco Tomás Rosales; do hasnt $f $w; done
        rdf_ok es $f
        typed_body $f entity/gobierno Organization
        typed_body $f entity/policia Organization
        typed $f entity/carmen-blanco Person
        # "el Ayuntamiento" is the article's one fuller Ayuntamiento, de Écija
        awk -F'\t' '$4 == "Ayuntamiento" { n++; if ($7 !~ /\/entity\/ayuntamiento-ecija$/) bad = 1 }
            END { exit !(n && !bad) }' "$work/$f.tsv" ||
            fail "$f: the bare Ayuntamiento is not the Ayuntamiento de Écija; found: $(found $f)"
        # two articles' bare "Gobierno" are two governments, in one extract run
        # and in a store, whichever article comes first
        "$tool" extract -f ntriples -o "$work/two.nt" "$ent/es-organismos.txt" "$ent/es-gobierno.txt" ||
            fail "extract two articles"
        [ "$(bare_iris "$work/two.nt" | wc -l)" = 2 ] ||
            fail "extract: the two articles' Gobierno are $(bare_iris "$work/two.nt" | wc -l) entities, not 2"
        for order in "es-organismos es-gobierno" "es-gobierno es-organismos"; do
            rm -f "$work/bodies.db"
            set -- $order
            "$tool" add -q --store "$work/bodies.db" "$ent/$1.txt" "$ent/$2.txt" || fail "add $order"
            "$tool" export --store "$work/bodies.db" -f ntriples -o "$work/bodies-$1.nt" || fail "export"
            bare_iris "$work/bodies-$1.nt" | cmp -s - <(bare_iris "$work/two.nt") ||
                fail "add $order: the store's Gobierno are not extract's two"
        done
        cmp -s "$work/bodies-es-organismos.nt" "$work/bodies-es-gobierno.nt" ||
            fail "the store's export depends on the order the articles came in"
        f=en-bodies
        mentions_of en $f
        for b in Government Parliament Army Navy Council Apple; do has $f $b Organization; done
        has $f Shell '*' # a Person today: its class is not checked yet
        for p in "Rachel Stone" "Arthur Rich" "Emma White"; do has $f "$p" Person; done
        for w in Stone Rich White; do hasnt $f $w; done
        rdf_ok en $f
        typed_body $f entity/government Organization
        typed $f entity/emma-white Person
    fi
    ;;
*) fail "unknown test $test_name" ;;
esac
echo "ok: $test_name"
