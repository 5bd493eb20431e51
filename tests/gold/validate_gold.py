import glob, os, re, sys, yaml
GOLD = os.path.dirname(os.path.abspath(__file__))
SCOPE = {"PROVIDES_BANKING_TO","SUBSIDIARY_OF","CONTROLLED_BY","OWNS","FOUNDED_BY","OPERATES",
         "LICENSED_BY","REGULATED_BY","HOLDS_ROLE","CHAIRS","PARTNERS_WITH","MEMBER_OF",
         "LAUNCHED","ISSUES","SPOKE_AT"}
reg = {}
for line in open("/tmp/registry-ids.tsv"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 2: reg[parts[0]] = parts[1]
# kinds of entities not in the registry (what the text implies)
NEW = {"xiao-feng":"Person","yat-siu":"Person","mary-huen":"Person","susanna-hui":"Person",
       "simon-loong":"Person","financial-services-and-the-treasury-bureau":"GovernmentBody",
       "cyberport":"Company","hong-kong-exchanges-and-clearing":"Company","hsbc":"Bank",
       "hang-seng-bank":"Bank","beijing":"Place","bitcoin":"Product","ether":"Product"}
schema = yaml.safe_load(open("/work/main/graph/schema.yaml"))
kinds = schema["node_kinds"]
def ancestors(k):
    out=[k]
    while "extends" in kinds.get(k,{}): k=kinds[k]["extends"]; out.append(k)
    return out
errors=[]; tot_e=tot_r=0; newseen=set(); per=[]
mds = sorted(glob.glob(f"{GOLD}/[0-9][0-9]-*.md"))
for md in mds:
    base = md[:-3]; gy = base + ".gold.yaml"; name=os.path.basename(base)
    text = open(md).read()
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m: errors.append(f"{name}: bad front matter"); continue
    fm = yaml.safe_load(m.group(1))
    for k in ("title","outlet","url","published"):
        if k not in fm: errors.append(f"{name}: front matter missing {k}")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", str(fm.get("published"))): errors.append(f"{name}: bad date")
    words = len(m.group(2).split())
    if not 120 <= words <= 300: errors.append(f"{name}: {words} words")
    if not os.path.exists(gy): errors.append(f"{name}: no gold.yaml"); continue
    g = yaml.safe_load(open(gy))
    ents = g.get("entities") or []; rels = g.get("relations") or []
    if len(set(ents)) != len(ents): errors.append(f"{name}: duplicate entities")
    for e in ents:
        if e not in reg:
            if e not in NEW: errors.append(f"{name}: unknown id {e}")
            elif not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", e): errors.append(f"{name}: bad slug {e}")
            else: newseen.add(e)
    seen=set()
    for r in rels:
        if not (isinstance(r,list) and len(r)==3): errors.append(f"{name}: bad relation {r}"); continue
        s,t,o = r
        if t not in SCOPE: errors.append(f"{name}: type out of scope {r}")
        for x in (s,o):
            if x not in ents: errors.append(f"{name}: endpoint {x} not in entities")
        key = (min(s,o),t,max(s,o)) if t=="PARTNERS_WITH" else (s,t,o)
        if key in seen: errors.append(f"{name}: duplicate relation {r}")
        seen.add(key)
        ks = reg.get(s) or NEW.get(s); ko = reg.get(o) or NEW.get(o)
        et = schema["edge_types"][t]
        if not set(ancestors(ks)) & set(et["source"]): errors.append(f"{name}: {s}({ks}) not allowed as source of {t}")
        if not set(ancestors(ko)) & set(et["target"]): errors.append(f"{name}: {o}({ko}) not allowed as target of {t}")
    per.append((name, words, len(ents), len(rels)))
    tot_e += len(ents); tot_r += len(rels)
for p in per: print("%-40s words=%3d entities=%2d relations=%2d" % p)
from collections import Counter
c = Counter(r[1] for md in mds for r in (yaml.safe_load(open(md[:-3]+".gold.yaml"))["relations"]))
print("documents:", len(per), "entity mentions:", tot_e, "relations:", tot_r)
print("relation types:", dict(c))
print("non-registry entities:", sorted(newseen))
print("ERRORS:" if errors else "OK", *errors, sep="\n")
sys.exit(1 if errors else 0)
