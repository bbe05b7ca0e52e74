#!/usr/bin/env python3
"""Generate ontology/gazetteer/countries.tsv from Debian-packaged data.

Sources:
  - CLDR (package unicode-cldr-core):
      /usr/share/unicode/cldr/common/main/en.xml
      /usr/share/unicode/cldr/common/main/es.xml
    element //localeDisplayNames/territories/territory
  - iso-codes (package iso-codes):
      /usr/share/iso-codes/json/iso_3166-1.json

Only two-letter CLDR territory codes that are ISO 3166-1 alpha-2 codes are
kept (numeric macro-regions, EU, EZ, UN, QO, XA, XB, XK, ZZ ... are skipped).

Columns: id type wikidata label_en label_es aliases attributes
  id       = ISO 3166-1 alpha-2 code
  label_*  = plain CLDR territory name (no alt attribute)
  aliases  = CLDR alt="short" / alt="variant" forms in both languages plus
             iso-codes official_name and common_name (a leading "the "
             dropped), plus the English label spelled out when CLDR
             abbreviates it ("&" -> "and", "St." -> "Saint"), deduplicated
             (case-insensitively) and never equal to a label
  wikidata = from the WIKIDATA dict below (only QIDs known for certain)

Usage: python3 scripts/gen-countries.py [CLDR_MAIN_DIR] [ISO_JSON] [OUT]
Extra names belong in ontology/gazetteer/countries-extra.tsv, not here.
Standard library only.
"""

import json
import os
import sys
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

CLDR_MAIN = "/usr/share/unicode/cldr/common/main"
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
OUT = os.path.join(ROOT, "ontology", "gazetteer", "countries.tsv")

# Wikidata QIDs of countries/territories. Only IDs known for certain; any
# country not listed gets "-".
WIKIDATA = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AG": "Q781", "AL": "Q222",
    "AM": "Q399", "AO": "Q916", "AR": "Q414", "AT": "Q40", "AU": "Q408",
    "AZ": "Q227", "BA": "Q225", "BB": "Q244", "BD": "Q902", "BE": "Q31",
    "BF": "Q965", "BG": "Q219", "BH": "Q398", "BI": "Q967", "BJ": "Q962",
    "BN": "Q921", "BO": "Q750", "BR": "Q155", "BS": "Q778", "BT": "Q917",
    "BW": "Q963", "BY": "Q184", "BZ": "Q242", "CA": "Q16", "CD": "Q974",
    "CF": "Q929", "CG": "Q971", "CH": "Q39", "CI": "Q1008", "CL": "Q298",
    "CM": "Q1009", "CN": "Q148", "CO": "Q739", "CR": "Q800", "CU": "Q241",
    "CV": "Q1011", "CY": "Q229", "CZ": "Q213", "DE": "Q183", "DJ": "Q977",
    "DK": "Q35", "DM": "Q784", "DO": "Q786", "DZ": "Q262", "EC": "Q736",
    "EE": "Q191", "EG": "Q79", "ER": "Q986", "ES": "Q29", "ET": "Q115",
    "FI": "Q33", "FJ": "Q712", "FR": "Q142", "GA": "Q1000", "GB": "Q145",
    "GD": "Q769", "GE": "Q230", "GH": "Q117", "GI": "Q1410", "GL": "Q223",
    "GM": "Q1005", "GN": "Q1006", "GQ": "Q983", "GR": "Q41", "GT": "Q774",
    "GW": "Q1007", "GY": "Q734", "HK": "Q8646", "HN": "Q783", "HR": "Q224",
    "HT": "Q790", "HU": "Q28", "ID": "Q252", "IE": "Q27", "IL": "Q801",
    "IN": "Q668", "IQ": "Q796", "IR": "Q794", "IS": "Q189", "IT": "Q38",
    "JM": "Q766", "JO": "Q810", "JP": "Q17", "KE": "Q114", "KG": "Q813",
    "KH": "Q424", "KM": "Q970", "KN": "Q763", "KP": "Q423", "KR": "Q884",
    "KW": "Q817", "KZ": "Q232", "LA": "Q819", "LB": "Q822", "LC": "Q760",
    "LI": "Q347", "LK": "Q854", "LR": "Q1014", "LS": "Q1013", "LT": "Q37",
    "LU": "Q32", "LV": "Q211", "LY": "Q1016", "MA": "Q1028", "MC": "Q235",
    "MD": "Q217", "ME": "Q236", "MG": "Q1019", "MK": "Q221", "ML": "Q912",
    "MM": "Q836", "MN": "Q711", "MO": "Q14773", "MR": "Q1025", "MT": "Q233",
    "MU": "Q1027", "MV": "Q826", "MW": "Q1020", "MX": "Q96", "MY": "Q833",
    "MZ": "Q1029", "NA": "Q1030", "NE": "Q1032", "NG": "Q1033", "NI": "Q811",
    "NL": "Q55", "NO": "Q20", "NP": "Q837", "NZ": "Q664", "OM": "Q842",
    "PA": "Q804", "PE": "Q419", "PG": "Q691", "PH": "Q928", "PK": "Q843",
    "PL": "Q36", "PR": "Q1183", "PS": "Q219060", "PT": "Q45", "PY": "Q733",
    "QA": "Q846", "RO": "Q218", "RS": "Q403", "RU": "Q159", "RW": "Q1037",
    "SA": "Q851", "SC": "Q1042", "SD": "Q1049", "SE": "Q34", "SG": "Q334",
    "SI": "Q215", "SK": "Q214", "SL": "Q1044", "SM": "Q238", "SN": "Q1041",
    "SO": "Q1045", "SR": "Q730", "SS": "Q958", "ST": "Q1039", "SV": "Q792",
    "SY": "Q858", "SZ": "Q1050", "TD": "Q657", "TG": "Q945", "TH": "Q869",
    "TJ": "Q863", "TL": "Q574", "TM": "Q874", "TN": "Q948", "TR": "Q43",
    "TT": "Q754", "TW": "Q865", "TZ": "Q924", "UA": "Q212", "UG": "Q1036",
    "US": "Q30", "UY": "Q77", "UZ": "Q265", "VA": "Q237", "VC": "Q757",
    "VE": "Q717", "VN": "Q881", "YE": "Q805", "ZA": "Q258", "ZM": "Q953",
    "ZW": "Q954",
}


def fold(s):
    """Case- and accent-insensitive key (as the loader matches names)."""
    s = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def clean(s):
    s = " ".join(s.split())  # no TABs/newlines, single spaces
    s = s.replace("|", "/")
    if s.lower().startswith("the "):  # iso-codes "the State of Eritrea"
        s = s[4:]
    return s


def spelled_out(s):
    """CLDR English abbreviates: 'Antigua & Barbuda', 'St. Lucia'.  Return
    the spelled-out form news text uses, or None if it is the same."""
    t = s.replace(" & ", " and ")
    if t.startswith("St. "):
        t = "Saint " + t[4:]
    return t if t != s else None


def read_cldr(path):
    """Return {code: {"name": str, "alts": [str, ...]}} for 2-letter codes."""
    root = ET.parse(path).getroot()
    out = {}
    for t in root.findall("./localeDisplayNames/territories/territory"):
        code = t.get("type", "")
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            continue
        text = clean(t.text or "")
        if not text:
            continue
        ent = out.setdefault(code, {"name": None, "alts": []})
        alt = t.get("alt")
        if alt is None:
            ent["name"] = text
        elif alt in ("short", "variant"):
            ent["alts"].append(text)
    return out


def main(argv):
    cldr_main = argv[1] if len(argv) > 1 else CLDR_MAIN
    iso_json = argv[2] if len(argv) > 2 else ISO_JSON
    out_path = argv[3] if len(argv) > 3 else OUT

    with open(iso_json, encoding="utf-8") as f:
        iso = {e["alpha_2"]: e for e in json.load(f)["3166-1"]}
    en = read_cldr(os.path.join(cldr_main, "en.xml"))
    es = read_cldr(os.path.join(cldr_main, "es.xml"))

    rows = []
    for code in sorted(iso):
        e_en = en.get(code, {"name": None, "alts": []})
        e_es = es.get(code, {"name": None, "alts": []})
        label_en = e_en["name"] or clean(iso[code].get("common_name")
                                         or iso[code]["name"])
        label_es = e_es["name"] or "-"
        seen = {fold(label_en), fold(label_es)}
        aliases = []
        cands = ([spelled_out(label_en)] + e_en["alts"] + e_es["alts"] +
                 [clean(iso[code][k]) for k in ("official_name", "common_name")
                  if iso[code].get(k)])
        for a in cands:
            k = fold(a) if a else ""
            if k and k not in seen:
                seen.add(k)
                aliases.append(a)
        rows.append([code, "Country", WIKIDATA.get(code, "-"), label_en,
                     label_es, "|".join(aliases) or "-", "-"])

    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# countries.tsv: GENERATED by scripts/gen-countries.py; "
                "do not edit by hand (add names in countries-extra.tsv).\n")
        f.write("# Source: CLDR en.xml/es.xml territory names "
                "(/usr/share/unicode/cldr/common/main, Debian unicode-cldr-core) "
                "and iso-codes iso_3166-1.json official_name/common_name "
                "(Debian iso-codes); Wikidata QIDs from a dict in the script.\n")
        f.write("# Regenerate: python3 scripts/gen-countries.py\n")
        f.write("# id\ttype\twikidata\tlabel_en\tlabel_es\taliases\tattributes\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("wrote %d countries to %s" % (len(rows), out_path), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
