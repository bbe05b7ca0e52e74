#!/usr/bin/env python3
"""Report on a newsgraph store: counts, the most connected entities, and
names that look like the same entity stored twice (same name once folded:
case, accents, punctuation and connector words removed).

usage: store-report.py STORE [--top N]
"""
import argparse
import re
import sqlite3
import sys
import unicodedata

CONNECTORS = {"de", "del", "la", "las", "los", "el", "of", "the", "y", "and"}


def fold(name):
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    words = [w for w in re.split(r"[^0-9a-z]+", s) if w and w not in CONNECTORS]
    return " ".join(words)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--top", type=int, default=20)
    a = ap.parse_args()
    db = sqlite3.connect(f"file:{a.store}?mode=ro", uri=True)
    q = lambda sql: db.execute(sql).fetchall()
    print("articles %d, entities %d, claims %d" % (q("SELECT count(*) FROM articles")[0][0],
          q("SELECT count(*) FROM entities")[0][0], q("SELECT count(*) FROM claims")[0][0]))
    print("\nmost connected (claims as subject or object, articles):")
    rows = q("""SELECT e.name, e.type, count(c.id),
                (SELECT count(DISTINCT article_id) FROM links l WHERE l.entity_id = e.id)
                FROM entities e JOIN claims c ON c.subject_id = e.id OR c.object_id = e.id
                GROUP BY e.id ORDER BY count(c.id) DESC, e.name LIMIT ?""".replace("?", str(a.top)))
    for name, typ, n, arts in rows:
        print(f"  {n:4d} {arts:4d}  {name} ({typ})")
    groups = {}
    for eid, name, typ in q("SELECT id, name, type FROM entities"):
        groups.setdefault(fold(name), []).append((name, typ))
    dups = {k: v for k, v in groups.items() if len(v) > 1}
    print(f"\nnames stored more than once after folding: {len(dups)}")
    for k, v in sorted(dups.items()):
        print("  " + " | ".join(f"{n} ({t})" for n, t in v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
