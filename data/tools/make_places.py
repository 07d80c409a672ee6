#!/usr/bin/env python3
"""Generates data/places.tsv, the gazetteer of China's administrative divisions.

usage: make_places.py DIVISIONS_DIR [CLUENER_TRAIN_JSON] > data/places.tsv

DIVISIONS_DIR holds pca-code.json (province/city/county with GB/T 2260 codes)
and HK-MO-TW.json from the public "Administrative-divisions-of-China" data
(WTFPL). Canonical names follow the gold convention of ../shared/spec: a
province or a city is named by its short form (广东, 广州) with the full name
as an alias; districts and counties keep their suffix (海珠区) and get their
short form (海珠) as an alias only where it is safe:

  * the stem has at least two characters;
  * no higher-level place has that name (长沙县 does not get 长沙);
  * no other division has the same stem (the alias would be ambiguous);
  * it is not in the list of common words below;
  * when CLUENER2020 train is given: the stem does not occur in train text
    mostly outside "address" spans (a data-driven check that it is used as a
    place name, not as an ordinary word).
"""
import json
import os
import sys
from collections import defaultdict

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Real district names that are also generic words (a city's 城区, 郊区, 矿区):
# left out, since text almost never means the division by them.
GENERIC_NAMES = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区"}

# The 55 minority nationalities' names as they appear in autonomous-area names.
ETHNIC = sorted("""蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯
阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴
珞巴 基诺 各""".split(), key=len, reverse=True)

# Stems that are ordinary words or better-known names of other things.
UNSAFE_STEMS = set("""和平 朝阳 新华 城关 城中 城东 城西 城南 城北 市中 郊区 矿区 高新 开发 新区 长安
向阳 红旗 前进 友好 胜利 新城 新市 平安 安全 文化 白云 金山 东城 西城 南山 北山 东山 西山
中山 宝山 青山 铁山 永定 新兴 兴业 光明 城厢 海港 开平 太平 和田 东方 江南 江北 河东 河西
河南 河北 山东 山西 湖南 湖北 海南 海北 黄山 双桥 龙华 龙岗 大通 通州 普陀 阿里 仁和 合作
共和 团结 民主 解放 建设 复兴 东风 红星 新民 安定 长寿 永安 吉安 泰安 西安 南京 北京 上海
天津 东区 西区 南区 北区 中区 中西 湾仔 永和 宁海 铁东 铁西 立新 新荣 城阳 市北 市南 路南 路北
桥东 桥西 郊 新建 文峰 龙泉 鼓楼 台江 秀英 青秀 兴宁 兴庆 金凤 永川 江津 大足 合川 东兴""".split())

CITY_SUFFIXES = ["市"]
PROVINCE_SUFFIXES = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"]


def province_short(name):
    for s in PROVINCE_SUFFIXES:
        if name.endswith(s) and len(name) > len(s) + 1:
            return name[: -len(s)]
    return name


def autonomous_stem(name):
    """恩施土家族苗族自治州 -> 恩施; 延边朝鲜族自治州 -> 延边."""
    for s in ["自治州", "自治县", "自治旗", "地区", "盟"]:
        if name.endswith(s):
            stem = name[: -len(s)]
            changed = True
            while changed:
                changed = False
                for e in ETHNIC:
                    for tail in (e + "族", e):
                        if stem.endswith(tail) and len(stem) - len(tail) >= 2:
                            stem = stem[: -len(tail)]
                            changed = True
                            break
                    if changed:
                        break
            return stem if len(stem) >= 2 else None
    return None


def county_stem(name):
    for s in ["新区", "区", "县", "市", "旗"]:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return autonomous_stem(name)


def load_train_usage(path):
    """Returns (texts, address surfaces) of CLUENER train (concatenated JSON)."""
    texts, addresses = [], defaultdict(int)
    dec = json.JSONDecoder()
    buf = open(path, encoding="utf-8").read()
    i = 0
    while True:
        while i < len(buf) and buf[i].isspace():
            i += 1
        if i >= len(buf):
            break
        obj, i = dec.raw_decode(buf, i)
        texts.append(obj["text"])
        for surface in obj.get("label", {}).get("address", {}):
            addresses[surface] += 1
    return "\n".join(texts), addresses


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    pca = json.load(open(os.path.join(root, "pca-code.json"), encoding="utf-8"))
    hmt = json.load(open(os.path.join(root, "HK-MO-TW.json"), encoding="utf-8"))
    corpus, address_counts = (None, None)
    if len(sys.argv) > 2:
        corpus, address_counts = load_train_usage(sys.argv[2])

    rows = []  # dicts: name, aliases(set), level, parent, code

    def add(name, aliases, level, parent, code):
        rows.append({"name": name, "aliases": set(a for a in aliases if a != name), "level": level,
                     "parent": parent, "code": code})
        return rows[-1]

    add("中国", ["中华人民共和国"], "country", "", "")
    for p in pca:
        pname = province_short(p["name"])
        add(pname, [p["name"]], "province", "中国", p["code"].ljust(6, "0"))
        for c in p.get("children", []):
            if c["name"] in PLACEHOLDERS:
                city_name = pname  # municipalities: districts hang off the province-level city
            else:
                short = c["name"][:-1] if c["name"].endswith("市") and len(c["name"]) > 2 else None
                if short:
                    add(short, [c["name"]], "city", pname, c["code"].ljust(6, "0"))
                    city_name = short
                else:
                    r = add(c["name"], [], "city", pname, c["code"].ljust(6, "0"))
                    r["stem"] = autonomous_stem(c["name"])
                    city_name = c["name"]
            for d in c.get("children", []):
                if d["name"].endswith("市") and len(d["name"]) > 2:  # county-level city
                    add(d["name"][:-1], [d["name"]], "city", city_name, d["code"])
                elif d["name"] not in GENERIC_NAMES:
                    r = add(d["name"], [], "district", city_name, d["code"])
                    r["stem"] = county_stem(d["name"])
    for prov, children in hmt.items():
        pname = province_short(prov)
        add(pname, [prov], "province", "中国", "")
        for c in children:
            if c.endswith("市") and len(c) > 2:
                add(c[:-1], [c], "city", pname, "")
            elif c not in GENERIC_NAMES:
                add(c, [], "district" if c.endswith(("县", "区")) else "region", pname, "")

    # Safe short forms for districts, counties and autonomous prefectures.
    taken = set()
    for r in rows:
        taken.add(r["name"])
        taken.update(r["aliases"])
    stem_count = defaultdict(int)
    for r in rows:
        if r.get("stem"):
            stem_count[r["stem"]] += 1
    for r in rows:
        stem = r.get("stem")
        if not stem or stem in taken or stem_count[stem] > 1 or stem in UNSAFE_STEMS:
            continue
        if corpus is not None:
            total = corpus.count(stem)
            as_address = sum(n * s.count(stem) for s, n in address_counts.items() if stem in s)
            if total >= 3 and as_address * 2 < total:
                continue
        r["aliases"].add(stem)

    # The same full name in two cities (朝阳区) stays two rows told apart by parent.
    lines = set()
    for r in rows:
        lines.add("\t".join([r["name"], "Place", "|".join(sorted(r["aliases"])), r["level"], r["parent"], r["code"]]))
    print("# places.tsv - China's administrative divisions (country, province, city, district/county).")
    print("# Generated by data/tools/make_places.py from ../shared/data/divisions (pca-code.json,")
    print("# HK-MO-TW.json; source: github.com/modood/Administrative-divisions-of-China, licence WTFPL)")
    print("# and, for the safety check of short forms, CLUENER2020 train. Do not edit by hand.")
    print("# Format: name<TAB>type<TAB>aliases(|)<TAB>level<TAB>parent<TAB>code (see data/README.md).")
    for line in sorted(lines, key=lambda s: s.encode("utf-8")):
        print(line)


if __name__ == "__main__":
    main()
