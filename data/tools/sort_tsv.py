#!/usr/bin/env python3
"""Sorts a data/*.tsv file in place: header comments first, then the other
lines sorted by their UTF-8 bytes, duplicates removed (the order the unit test
test_lexicon_data checks).  usage: sort_tsv.py FILE..."""
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    header = [l for l in lines if l.startswith("#")]
    body = sorted({l.rstrip() for l in lines if l.strip() and not l.startswith("#")},
                  key=lambda s: s.encode("utf-8"))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(header + body) + "\n")
