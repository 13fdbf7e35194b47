# Charts of the statistics workbook (export stats, export all): the chart parts of the XLSX file, their
# kinds and titles, and series that refer to non-empty ranges of numbers on the right sheet.
source "$(dirname "$0")/lib.sh"

store_location STORE c.db
expect 0 "$DY" --db "$STORE" sample --members 300 --seed 5

# check_charts FILE.xlsx SHEETS... : the workbook has exactly the sheets named, in order, and the eight
# charts (see below). A Python program reads the zip: python3's zipfile is always there.
check_charts() {
    /usr/bin/python3 - "$@" <<'PY' || fail "the charts of $1 are not as expected"
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

path, sheets = sys.argv[1], sys.argv[2:]
NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
z = zipfile.ZipFile(path)
names = z.namelist()

def fail(message):
    print("FAIL:", message, file=sys.stderr)
    sys.exit(1)

# Sheet names -> worksheet parts.
wb = ET.fromstring(z.read("xl/workbook.xml"))
rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
target = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
part = {}
order = []
for s in wb.findall("m:sheets/m:sheet", NS):
    name = s.get("name")
    order.append(name)
    part[name] = "xl/" + target[s.get("{%s}id" % NS["r"])]
if order != sheets:
    fail(f"sheets {order}, expected {sheets}")

def cells(sheet):
    """The cells of a worksheet: reference -> ('n', float) or ('s', text)."""
    out = {}
    root = ET.fromstring(z.read(part[sheet]))
    for c in root.iter("{%s}c" % NS["m"]):
        v = c.find("m:v", NS)
        t = c.find("m:is/m:t", NS)
        if c.get("t") in (None, "n") and v is not None:
            out[c.get("r")] = ("n", float(v.text))
        elif t is not None:
            out[c.get("r")] = ("s", t.text or "")
    return out

sheet_cells = {name: cells(name) for name in order}

def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n

def col_letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(ord("A") + r) + s
    return s

def resolve(formula):
    """'统计'!$C$12:$C$20 -> (sheet, [cell references])"""
    m = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?", formula)
    if not m:
        fail(f"unexpected range {formula}")
    sheet, c1, r1 = m.group(1), m.group(2), int(m.group(3))
    c2, r2 = (m.group(4) or c1), int(m.group(5) or r1)
    if c1 != c2:
        fail(f"a series spans columns: {formula}")
    return sheet, [f"{c1}{r}" for r in range(r1, r2 + 1)]

# Which sheet's drawing holds which chart part.
chart_sheet = {}
for name in order:
    sheet_file = part[name].rsplit("/", 1)[1]
    rel_path = f"xl/worksheets/_rels/{sheet_file}.rels"
    if rel_path not in names:
        continue
    for r in ET.fromstring(z.read(rel_path)).findall("rel:Relationship", NS):
        if not r.get("Target").startswith("../drawings/"):
            continue
        drawing = "xl/drawings/" + r.get("Target").rsplit("/", 1)[1]
        drels = "xl/drawings/_rels/" + drawing.rsplit("/", 1)[1] + ".rels"
        for d in ET.fromstring(z.read(drels)).findall("rel:Relationship", NS):
            chart_sheet["xl/charts/" + d.get("Target").rsplit("/", 1)[1]] = name

charts = sorted((n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)),
                key=lambda n: int(re.search(r"\d+", n).group()))
expected = [
    # (sheet, kind, bar direction, title, series count)
    ("统计", "barChart", "col", "年龄结构 (members by age band)", 1),
    ("统计", "barChart", "col", "学历结构 (members by education)", 1),
    ("统计", "pieChart", None, "性别 (members by sex)", 1),
    ("统计", "pieChart", None, "民族 (members by ethnicity)", 1),
    ("统计", "barChart", "bar", "发展党员各阶段 (development pipeline by stage)", 1),
    ("统计", "barChart", "col", "民主评议等次 (democratic evaluation grades)", 1),
    ("组织生活", "barChart", "col", "组织生活: 已开与应开 (meetings held vs required)", 2),
    ("党费", "lineChart", None, "每月收缴党费 (dues collected per month)", 1),
]
if len(charts) != len(expected):
    fail(f"{len(charts)} charts, expected {len(expected)}: {charts}")
for chart, (sheet, kind, direction, title, nseries) in zip(charts, expected):
    root = ET.fromstring(z.read(chart))
    if chart_sheet.get(chart) != sheet:
        fail(f"{chart} is on sheet {chart_sheet.get(chart)}, expected {sheet}")
    plot = root.find("c:chart/c:plotArea/c:" + kind, NS)
    if plot is None:
        fail(f"{chart} has no {kind}")
    if direction and plot.find("c:barDir", NS).get("val") != direction:
        fail(f"{chart}: bar direction {plot.find('c:barDir', NS).get('val')}, expected {direction}")
    text = "".join(t.text or "" for t in root.findall("c:chart/c:title//a:t", NS))
    if text != title:
        fail(f"{chart}: title {text!r}, expected {title!r}")
    series = plot.findall("c:ser", NS)
    if len(series) != nseries:
        fail(f"{chart}: {len(series)} series, expected {nseries}")
    total = 0.0
    for ser in series:
        vsheet, vrefs = resolve(ser.find("c:val/c:numRef/c:f", NS).text)
        csheet, crefs = resolve(ser.find("c:cat//c:f", NS).text)
        if vsheet != sheet or csheet != sheet:
            fail(f"{chart}: series on {vsheet}/{csheet}, expected {sheet}")
        if not vrefs or len(vrefs) != len(crefs):
            fail(f"{chart}: {len(vrefs)} values for {len(crefs)} categories")
        for ref in vrefs:
            kind_value = sheet_cells[sheet].get(ref)
            if not kind_value or kind_value[0] != "n":
                fail(f"{chart}: cell {sheet}!{ref} holds no number: {kind_value}")
            total += kind_value[1]
        for ref in crefs:
            kind_value = sheet_cells[sheet].get(ref)
            if not kind_value or kind_value[0] != "s" or not kind_value[1]:
                fail(f"{chart}: category cell {sheet}!{ref} holds no label: {kind_value}")
    if total <= 0:
        fail(f"{chart} ({title}) draws nothing but zeros")
print(f"{path}: {len(charts)} charts checked")
PY
}

expect 0 "$DY" --db "$STORE" export stats --as-of 2026-11-26 -o stats.xlsx
has err "wrote stats.xlsx"
check_charts stats.xlsx 统计 组织生活 党费
expect 0 "$DY" --db "$STORE" export all --as-of 2026-11-26 -o 报表.xlsx
check_charts 报表.xlsx 统计 待办事项 名册 组织生活 党费
# --format xlsx chooses the workbook whatever the file is called; English headers keep the charts.
expect 0 "$DY" --db "$STORE" export stats --as-of 2026-11-26 --format xlsx --header en -o stats.data
check_charts stats.data 统计 组织生活 党费

# The other formats are the statistics table alone, without charts.
expect 0 "$DY" --db "$STORE" export stats --as-of 2026-11-26 --format json
has out '"title": "党员统计 (membership statistics)"'
lacks out "组织生活"
lacks out "chart"
expect 0 "$DY" --db "$STORE" export stats --as-of 2026-11-26 --format csv
has out "分组,项目,人数,占比%"
lacks out "党费"
expect 2 "$DY" --db "$STORE" export stats --format xlsx
has err "--format xlsx needs -o FILE.xlsx"

# The branch-per-row sheet is limited to the scope: one branch gives one row.
query "$STORE" "SELECT id FROM orgs WHERE kind = 'branch' ORDER BY id LIMIT 1" >branch &&
    [ -s branch ] || fail "cannot read a branch of the sample"
expect 0 "$DY" --db "$STORE" export stats --as-of 2026-11-26 --org "$(cat branch)" -o one.xlsx
/usr/bin/python3 - one.xlsx <<'PY' || fail "the 组织生活 sheet of one branch has not one row"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheet = z.read("xl/worksheets/sheet2.xml").decode()
rows = re.findall(r'<row r="(\d+)"', sheet)
body = sheet[sheet.index("组织编号"):]
assert len(re.findall(r"<row ", body)) == 1, body[:2000]
PY
