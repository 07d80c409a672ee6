"""Reads the sample graph's GraphML with networkx and checks it against what
the library says it wrote (expected.json) and against the contract's
Gephi-safe rules.

usage: /usr/bin/python3 check_graphml.py MAKE_GRAPH_EXE WORK_DIR
Fails (exit 1) with a clear message when networkx is missing.
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEPHI_TYPES = {"string", "int", "double", "boolean"}
GEPHI_RESERVED = {"d3", "d7", "id"}
# Characters XML 1.0 forbids or discourages; the writer must never emit them.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def make_graph(exe, work_dir):
    os.makedirs(work_dir, exist_ok=True)
    subprocess.run([exe, work_dir], check=True)
    with open(os.path.join(work_dir, "expected.json"), encoding="utf-8") as fh:
        return json.load(fh)


def check_raw_file(path):
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as err:
        check(False, f"{path} is not valid UTF-8: {err}")
        return
    bad = FORBIDDEN.search(text)
    check(bad is None, f"{path} holds a character XML 1.0 forbids: {bad.group(0)!r}" if bad else "")


def check_keys(path):
    root = ET.parse(path).getroot()
    keys = root.findall(GRAPHML + "key")
    check(keys, "no <key> declared")
    ids = [k.get("id") for k in keys]
    check(len(ids) == len(set(ids)), f"duplicate key ids: {ids}")
    for k in keys:
        kid, name, typ = k.get("id"), k.get("attr.name"), k.get("attr.type")
        check(name, f"key {kid} has no attr.name")
        check(typ in GEPHI_TYPES, f"key {kid} has attr.type {typ!r}, not one Gephi knows")
        check(kid not in GEPHI_RESERVED and name not in GEPHI_RESERVED,
              f"key {kid} ({name}) uses a name Gephi reserves")
    declared = {(k.get("for"), k.get("attr.name")) for k in keys}
    for name in ["label", "type", "level", "aliases", "mentions", "documents"]:
        check(("node", name) in declared, f"node key {name} not declared")
    for name in ["type", "weight", "evidence", "document", "role"]:
        check(("edge", name) in declared, f"edge key {name} not declared")
    # GraphML 1.0 order: <key>s, then the <graph>; nodes and edges hold only <data>.
    tags = [child.tag for child in root]
    check(tags == sorted(tags, key=lambda t: t != GRAPHML + "key"), f"keys do not all come before the graph: {tags}")
    for el in root.iter():
        if el.tag in (GRAPHML + "node", GRAPHML + "edge"):
            for child in el:
                check(child.tag == GRAPHML + "data", f"a {el.tag} holds {child.tag}")
                check(child.get("key") in ids, f"data refers to an undeclared key {child.get('key')}")
    graphs = root.findall(GRAPHML + "graph")
    check(len(graphs) == 1, f"{len(graphs)} <graph> elements, expected 1")
    if graphs:
        check(graphs[0].get("edgedefault") == "directed", "edgedefault is not directed")
        for el in graphs[0].iter():
            if el.tag in (GRAPHML + "node", GRAPHML + "edge"):
                check(el.get("id"), f"a {el.tag} has an empty id")


def check_with_networkx(path, expected):
    import networkx as nx

    g = nx.read_graphml(path)
    check(g.is_directed(), "networkx reads the graph as undirected")
    check(g.number_of_nodes() == len(expected["nodes"]),
          f"{g.number_of_nodes()} nodes, expected {len(expected['nodes'])}")
    check(g.number_of_edges() == len(expected["edges"]),
          f"{g.number_of_edges()} edges, expected {len(expected['edges'])}")
    for node in expected["nodes"]:
        nid = node["id"]
        if nid not in g:
            check(False, f"node {nid} ({node['label']}) missing")
            continue
        data = g.nodes[nid]
        check(data.get("label") == node["label"], f"{nid}: label {data.get('label')!r} != {node['label']!r}")
        check(data.get("type") == node["type"], f"{nid}: type {data.get('type')!r} != {node['type']!r}")
        check(sorted(data.get("aliases", "").split("|")) == sorted(node["aliases"]),
              f"{nid}: aliases {data.get('aliases')!r} != {node['aliases']!r}")
        check(data.get("mentions") == node["mentions"] and isinstance(data.get("mentions"), int),
              f"{nid}: mentions {data.get('mentions')!r} != {node['mentions']}")
        check(data.get("documents") == node["documents"] and isinstance(data.get("documents"), int),
              f"{nid}: documents {data.get('documents')!r} != {node['documents']}")
        if node["type"] == "Place":
            check(data.get("level") == node["level"], f"{nid}: level {data.get('level')!r} != {node['level']!r}")
        else:
            check("level" not in data, f"{nid}: a {node['type']} has a level")

    def edge_tuple(s, t, d):
        return (s, t, d.get("type"), d.get("weight"), d.get("role", ""), d.get("evidence_count"))

    got = sorted(edge_tuple(s, t, d) for s, t, d in g.edges(data=True))
    want = sorted((e["source"], e["target"], e["type"], float(e["weight"]), e["role"], e["evidence_count"])
                  for e in expected["edges"])
    check(got == want, f"edges differ:\n got  {got}\n want {want}")
    for s, t, d in g.edges(data=True):
        check(isinstance(d.get("weight"), float), f"edge {s}->{t}: weight is not a double")
        if d.get("evidence_count", 0) > 0:
            check(d.get("evidence") and d.get("document"), f"edge {s}->{t}: evidence or document missing")
        if d.get("type") == "coOccurs":
            check((t, s) not in {(a, b) for a, b, dd in g.edges(data=True) if dd.get("type") == "coOccurs"},
                  f"symmetric edge {s}-{t} written twice")
    nasty = [n for n in expected["nodes"] if "&" in n["label"]]
    check(nasty and "🚀" in nasty[0]["label"] and "<" in nasty[0]["label"],
          "the sample's label with markup characters and an emoji did not survive")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check_graphml.py MAKE_GRAPH_EXE WORK_DIR")
    try:
        import networkx  # noqa: F401
    except ImportError:
        sys.exit("check_graphml.py: FAIL: networkx is not installed for " + sys.executable +
                 " (apt-get install python3-networkx)")
    exe, work_dir = sys.argv[1], sys.argv[2]
    expected = make_graph(exe, work_dir)
    path = os.path.join(work_dir, "graph.graphml")
    check_raw_file(path)
    check_keys(path)
    check_with_networkx(path, expected)
    again = make_graph(exe, work_dir + "-again")
    with open(path, "rb") as a, open(os.path.join(work_dir + "-again", "graph.graphml"), "rb") as b:
        check(a.read() == b.read(), "two runs wrote different GraphML")
    del again
    if failures:
        for f in failures:
            print("FAIL:", f)
        sys.exit(1)
    print(f"ok: networkx {sys.modules['networkx'].__version__} read {len(expected['nodes'])} nodes, "
          f"{len(expected['edges'])} edges")


main()
