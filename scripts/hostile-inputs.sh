#!/usr/bin/env bash
# Tries Salama's built binary on hostile inputs and prints, for each, the exit code, the first
# line of standard error, the wall time and the peak memory (GNU time -v), under a time limit.
# docs/hostile-inputs.md records what it printed and what each result means.
#
# Usage: scripts/hostile-inputs.sh [FILTER]      (FILTER: run only the cases whose name holds it)
# Environment: SALAMA (a built binary; default: a release build in .build-hostile),
#              HOSTILE_TIMEOUT (seconds per case, default 120), HOSTILE_FILES (files of the
#              big summary folder, default 100000).
#
# Inputs are generated under a private temporary folder, removed at exit. The unreadable-file
# cases run salama as the user nobody (with setpriv): root reads any file whatever its mode.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
filter=${1:-}
limit=${HOSTILE_TIMEOUT:-120}
many=${HOSTILE_FILES:-100000}

if [ -z "${SALAMA:-}" ]; then
  swift build -c release --scratch-path .build-hostile --product salama 2>&1 | grep -E "error|Build" >&2
  SALAMA="$(swift build -c release --scratch-path .build-hostile --show-bin-path)/salama"
fi
SALAMA=$(realpath "$SALAMA")
[ -x "$SALAMA" ] || { echo "hostile-inputs.sh: no binary at $SALAMA" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "hostile-inputs.sh: needs GNU time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d /tmp/salama-hostile-XXXXXX)
chmod 755 "$work"
cleanup() { chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
trap "exit 130" INT TERM
cd "$work"

# ---- inputs -------------------------------------------------------------------------------
cp -r "$repo/Checklists" Checklists
cp -r "$repo/Tests/Fixtures/hostile" hostile
CHECKLIST=Checklists/onssa-hygiene.xml

python3 - "$many" <<'PY'
import os, sys
many = int(sys.argv[1])
def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)

def assessment(coop="COOP-1", extra="", answers='<answer ref="LOC-01" status="yes"/>'):
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<assessment xmlns="urn:salama:assessment:1" checklist="onssa-hygiene" date="2026-11-20" kind="self">
  <cooperative id="{coop}" name="Coopérative {coop}">
    <region>Drâa-Tafilalet</region><province>Errachidia</province><product>dates</product>
  </cooperative>
  <assessor name="Assessor" role="member"/>
  {answers}{extra}
</assessment>
'''
ok = assessment()
write("ok.xml", ok)
write("ok2.xml", assessment("COOP-2"))
def checklist(body="", sources=""):
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<checklist xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="hostile" version="1" xml:lang="fr">
  <title>Hostile</title>
{sources}
  <target id="autorisation" level="1" min-score="70"><title>Autorisation</title></target>
{body}
</checklist>
'''
DOCTYPE_ASSESSMENT = '<?xml version="1.0"?>\n<!DOCTYPE assessment [\n{}\n]>\n'
# External entity and billion laughs in an assessment (the checklist ones are fixtures).
write("xxe-assessment.xml", DOCTYPE_ASSESSMENT.format('<!ENTITY secret SYSTEM "file:///etc/passwd">') + ok.split("?>", 1)[1].replace("Coopérative COOP-1", "&secret;"))
laughs = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
write("laughs-assessment.xml", DOCTYPE_ASSESSMENT.format(laughs) + ok.split("?>", 1)[1].replace("Coopérative COOP-1", "&a9;"))
# Quadratic blowup: one 50 KB entity referenced 50,000 times (2.5 GB once expanded).
write("quadratic.xml", DOCTYPE_ASSESSMENT.format('<!ENTITY e "' + "x" * 50000 + '">') + ok.split("?>", 1)[1].replace("<answer", "<answer><note>" + "&e;" * 50000 + "</note></answer><answer", 1))
# 100,000 nested elements, in an assessment and in a checklist.
write("deep-assessment.xml", assessment(extra='<answer ref="DEEP"><note>' + "<b>" * 100000 + "</b>" * 100000 + "</note></answer>"))
write("deep-checklist.xml", checklist('<section id="s">' * 100000 + "</section>" * 100000))
# 100 MB (refused by size) and 8 MB (just under the 8 MiB limit: one huge note).
with open("big-100mb.xml", "w") as f:
    f.write(assessment(extra='<answer ref="BIG"><note>' + "x" * (100 * 1024 * 1024) + "</note></answer>"))
with open("big-8mb.xml", "w") as f:
    f.write(assessment(extra='<answer ref="BIG"><note>' + "x" * (8 * 1024 * 1024 - 1024) + "</note></answer>"))
# Many children: one answer with 300,000 evidence records; 300,000 answers; checklists with
# 200,000 sources and with 20,000 targets in one includes chain: each over the 50,000
# elements a file may hold. The same just under the limit (49,000).
for n, suffix in ((300000, ""), (49000, "-49000")):
    write(f"many-evidence{suffix}.xml", assessment(answers='<answer ref="LOC-01" status="yes">' + "".join(f'<evidence ref="e{i}"/>' for i in range(n)) + "</answer>"))
    write(f"many-answers{suffix}.xml", assessment(answers="\n".join(f'<answer ref="R-{i}" status="yes"/>' for i in range(n))))
write("many-sources.xml", checklist(sources="".join(f'<source id="s{i}">Source {i}</source>\n' for i in range(200000))))
write("many-sources-49000.xml", checklist(sources="".join(f'<source id="s{i}">Source {i}</source>\n' for i in range(49000))))
write("many-titles.xml", checklist().replace("<title>Hostile</title>", "".join(f'<title xml:lang="x-{i}">T</title>' for i in range(100000))))
write("many-titles-49000.xml", checklist().replace("<title>Hostile</title>", "".join(f'<title xml:lang="x-{i}">T</title>' for i in range(49000))))
write("many-source-languages.xml", checklist(sources="".join(f'<source id="s" xml:lang="x-{i}">S</source>\n' for i in range(100000))))
write("many-source-languages-49000.xml", checklist(sources="".join(f'<source id="s" xml:lang="x-{i}">S</source>\n' for i in range(49000))))
chain = "".join(f'<target id="t{i}" level="{i + 2}" min-score="50" includes="{"t%d" % (i - 1) if i else "autorisation"}"><title>T</title></target>\n' for i in range(20000))
write("target-chain.xml", checklist(chain))
# libxml2 2.9's own quadratic corners: one start tag with 200,000 attributes; 62,500 namespace
# declarations in scope over a million elements (each prefix lookup scans them all); the
# same attributes in UTF-16.
attrs = " ".join(f'a{i}=""' for i in range(200000))
write("many-attributes.xml", ok.replace('kind="self"', 'kind="self" ' + attrs))
write("many-attributes-utf16.xml", ("\ufeff" + ok.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace('kind="self"', 'kind="self" ' + attrs)).encode("utf-16-le"))
opening = "".join(f'<e{d} ' + " ".join(f'xmlns:p{d}_{i}="u{d}_{i}"' for i in range(250)) + ">" for d in range(250))
write("namespace-bomb.xml", '<?xml version="1.0"?>\n<root xmlns:p="u">' + opening + "<p:x/>" * 1000000 + "".join(f"</e{d}>" for d in reversed(range(250))) + "</root>")
# Invalid UTF-8 in an assessment.
write("bad-utf8.xml", assessment().encode("utf-8").replace("Coopérative".encode(), b"Coop\xe9rative"))
# XInclude: symbolic links out of the folder, a percent-encoded ../, an xml:base redirection,
# and an inclusion bomb (each module includes the next ten times).
write("outside/secret-module.xml", '<section xmlns="urn:salama:checklist:1" id="stolen"><title>secret</title></section>\n')
write("inc/modules/ok.xml", '<section xmlns="urn:salama:checklist:1" id="ok"><title>ok</title></section>\n')
os.symlink("../../outside/secret-module.xml", "inc/modules/link.xml")
os.symlink("../../outside", "inc/modules/linkdir")
write("inc/symlink-file.xml", checklist('<xi:include href="modules/link.xml"/>'))
write("inc/symlink-dir.xml", checklist('<xi:include href="modules/linkdir/secret-module.xml"/>'))
write("inc/percent.xml", checklist('<xi:include href="%2e%2e/outside/secret-module.xml"/>'))
write("inc/base.xml", checklist('<section id="b" xml:base="../outside/"><title>b</title><xi:include href="secret-module.xml"/></section>'))
write("inc/base-ok.xml", checklist('<section id="b" xml:base="../outside/"><title>b</title><xi:include href="modules/ok.xml"/></section>'))
depth, fan = 8, 10
for level in range(depth):
    inner = "".join(f'<xi:include href="bomb{level + 1}.xml"/>' for _ in range(fan)) if level + 1 < depth else ""
    write(f"inc/modules/bomb{level}.xml", '<section xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2001/XInclude">'
          f'<title>bomb {level}</title>{inner}</section>\n')
write("inc/bomb.xml", checklist('<xi:include href="modules/bomb0.xml"/>'))
# The summary folder: many small valid assessments and three broken ones among them.
os.makedirs("many", exist_ok=True)
template = assessment("COOP-{:06d}")
for i in range(many):
    with open(f"many/a{i:06d}.xml", "w") as f:
        f.write(template.replace("COOP-{:06d}", f"COOP-{i:06d}"))
write("many/a000100-bad-utf8.xml", open("bad-utf8.xml", "rb").read())
write("many/a000200-malformed.xml", ok[:-30])
write("many/a000300-empty.xml", "")
os.makedirs("vanish", exist_ok=True)
for i in range(1, 20001):
    with open(f"vanish/v{i:05d}.xml", "w") as f:
        f.write(template.replace("COOP-{:06d}", f"COOP-{i:06d}"))
PY
mkfifo fifo.xml

# ---- issue 15 inputs (second round): outputs, summaries, encodings, numbers, CSV ------------
cp "$repo/Tests/Fixtures/workbook/checklist.xml" wb-checklist.xml
cp -r "$repo/Samples" samples
python3 - <<'PY'
import os, re
def write(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w", encoding=None if isinstance(data, bytes) else "utf-8") as f:
        f.write(data)
tamr = open("samples/tamr-draa-self.xml", encoding="utf-8").read()
ghris = open("samples/ghris-goulmima-self.xml", encoding="utf-8").read()
write("out-a.xml", tamr)
write("out-f.csv", "checklist,workbook-test\r\n")
# Summaries: a FIFO and a link to /dev/stdin in a folder; a name that is not UTF-8; one file
# reached three ways; one province spelt NFC and NFD; a folder too deep for 16 descriptors.
write("sum-special/a.xml", tamr)
os.symlink("/dev/stdin", "sum-special/stdin.xml")
os.mkfifo("sum-special/fifo.xml")
write(b"sum-latin1/caf\xe9.xml".decode("utf-8", "surrogateescape"), tamr)
write("sum-twice/a.xml", tamr)
os.link("sum-twice/a.xml", "sum-twice/hard.xml")
os.symlink("a.xml", "sum-twice/soft.xml")
for i in range(40):
    province = "T\u00e2ta" if i % 2 else "Ta\u0302ta"
    write(f"sum-nfd/{i:02d}.xml", tamr.replace("<province>Errachidia</province>", f"<province>{province}</province>").replace('id="COOP-ZAG-0015"', f'id="COOP-{i:02d}"'))
write("sum-deep/top.xml", tamr)
write("sum-deep/" + "/".join(["d"] * 40) + "/bottom.xml", tamr)
# Two checklists with one id in a --checklists folder.
wb = open("wb-checklist.xml", encoding="utf-8").read()
write("dup-lists/a.xml", wb)
write("dup-lists/b.xml", wb.replace('version="2026.1"', 'version="2026.2"'))
write("dup-assessment.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<assessment xmlns="urn:salama:assessment:1" checklist="workbook-test" date="2026-11-20" kind="self"><cooperative id="C1" name="C"><region>R</region><province>P</province><product>honey</product></cooperative><assessor name="A" role="member"/></assessment>\n')
# 50,000 attributes whose names hold U+013E (its UTF-16 bytes hold '>').
attrs = " ".join(f'a\u013e{i}=""' for i in range(50000))
write("utf16-letter-attributes.xml", ("\ufeff" + tamr.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace('kind="self"', 'kind="self" ' + attrs, 1)).encode("utf-16-le"))
# Numbers: decimals of 25 and 31 digits, 20-digit members and level.
def measure(value): return re.sub(r'(<measurement [^>]*value=")[^"]*(")', lambda m: m.group(1) + value + m.group(2), tamr, count=1)
write("decimal-25.xml", measure("1" + "0" * 24))
write("decimal-31.xml", measure("1" + "0" * 30))
write("members-20.xml", re.sub(r"<members>\d+</members>", "<members>99999999999999999999</members>", tamr))
write("level-20.xml", wb.replace('level="1"', 'level="99999999999999999999"'))
# Encodings and invisible characters.
write("utf32.xml", ("\ufeff" + tamr.replace('encoding="UTF-8"', 'encoding="UTF-32"')).encode("utf-32-le"))
write("utf16-no-bom.xml", tamr.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"))
write("nul-in-text.xml", tamr.replace("</note>", "\0</note>", 1).encode("utf-8"))
write("zwj-id.xml", ghris.replace('ref="IMP-01"', 'ref="IMP\u200d-01"'))
# Terminal controls: C1 CSI and bidi overrides in XML text; ESC in a CSV cell and in a file name.
write("controls.xml", tamr.replace('name="Coop', 'name="\u009b2J\u202eevil\u2066Coop', 1))
# CSV workbooks: an unclosed quote; tabs; UTF-16; Windows-1252; one row 10,000 cells wide;
# 50 MB; French habits; an ESC in a note; a version that is a formula; "'=x" round trip.
meta = "checklist,workbook-test\r\ndate,2026-11-20\r\ncooperative-id,COOP-1\r\nproducts,honey\r\n\r\n"
write("csv-unclosed.csv", meta + "reference,status,note\r\nGEN-01,oui,\"la citerne\r\nGEN-02,non,\r\nGEN-03,oui,\r\n")
tabbed = (meta + "reference,status\r\nGEN-01,oui\r\n").replace(",", "\t")
write("csv-tabs.csv", tabbed)
write("csv-utf16.csv", b"\xff\xfe" + tabbed.encode("utf-16-le"))
write("csv-cp1252.csv", (meta.replace("COOP-1\r\n", "COOP-1\r\ncooperative-name,Coopérative\r\n") + "reference,status,note\r\n" + "".join(f"GEN-{i},oui,café\r\n" for i in range(175))).encode("cp1252"))
write("csv-wide-row.csv", meta + "reference,status\r\nGEN-01,oui," + ",".join(["x"] * 10000) + "\r\n")
with open("csv-50mb.csv", "w", encoding="utf-8") as f:
    f.write(meta + "reference,status,note\r\n")
    row = 0
    while f.tell() < 50 * 1024 * 1024:
        f.write(f"R-{row},oui,{'remarque ' * 20}\r\n"); row += 1
write("csv-many-rows.csv", meta + "reference,status\r\n" + "".join(f"R-{i},oui\r\n" for i in range(100000)))
write("csv-french.csv", "checklist;workbook-test\r\ndate;25/11/2026\r\ncooperative-id;COOP-1\r\nproducts;honey\r\n\r\nreference;status;deadline;evidence;measurements;commentaire\r\nGEN-01;oui;31/01/2027;\"water-analysis: 02/03/2026 analyse.pdf\";\"free-chlorine: 18,5 %\";à revoir\r\n")
write("csv-limit.csv", meta + "reference,status,measurements\r\nGEN-01,oui,free-chlorine: <0.5\r\n")
write("csv-escape.csv", meta + "reference,status,note\r\nGEN-01,oui,\"\x1b]0;owned\x07\x1b[2J\u202eevil\"\r\n")
write("formula-checklist.xml", wb.replace('version="2026.1"', 'version="=1+1"'))
write("name\x1b[31m.xml", tamr)
PY
mkdir -p dir.xml
cp ok.xml unreadable.xml && chmod 000 unreadable.xml
mkdir -p locked && cp ok.xml locked/a.xml && cp ok.xml locked/b.xml && cp ok.xml locked/c.xml && chmod 000 locked/b.xml
chmod -R a+rX "$work" 2>/dev/null; chmod 000 unreadable.xml locked/b.xml

# ---- runs ---------------------------------------------------------------------------------
printf '%-26s | %-5s | %-8s | %-9s | %s\n' case exit "wall" "peak RSS" "first line of stderr"
run() { # NAME COMMAND...   (the command's own standard output goes to out/NAME)
  local name=$1; shift
  [ -n "$filter" ] && [[ $name != *"$filter"* ]] && return 0
  mkdir -p out
  timeout -k 5 "$limit" /usr/bin/time -v -o "out/$name.time" "$@" >"out/$name.out" 2>"out/$name.err"
  local code=$?
  [ $code -eq 124 ] && code="124 (timeout after ${limit}s: a hang)"
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "out/$name.time" 2>/dev/null)
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "out/$name.time" 2>/dev/null)
  [ -n "$rss" ] && rss="$((rss / 1024)) MB"
  printf '%-26s | %-5s | %-8s | %-9s | %s\n' "$name" "$code" "${wall:--}" "${rss:--}" "$(grep -v '^Command' "out/$name.err" | head -1 | cut -c1-220)"
}
nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups --)

run xxe-checklist            "$SALAMA" validate hostile/external-entity.xml
run xxe-assessment           "$SALAMA" check --checklist "$CHECKLIST" xxe-assessment.xml
run external-dtd             "$SALAMA" validate hostile/external-dtd.xml
run laughs-checklist         "$SALAMA" validate hostile/entity-bomb.xml
run laughs-assessment        "$SALAMA" check --checklist "$CHECKLIST" laughs-assessment.xml
run quadratic-blowup         "$SALAMA" check --checklist "$CHECKLIST" quadratic.xml
run deep-assessment          "$SALAMA" check --checklist "$CHECKLIST" deep-assessment.xml
run deep-checklist           "$SALAMA" validate deep-checklist.xml
run big-100mb                "$SALAMA" check --checklist "$CHECKLIST" big-100mb.xml
run big-8mb                  "$SALAMA" check --checklist "$CHECKLIST" --format json big-8mb.xml
run dev-zero                 "$SALAMA" validate /dev/zero
run fifo-no-writer           "$SALAMA" validate fifo.xml
run many-evidence            "$SALAMA" check --checklist "$CHECKLIST" --format json many-evidence.xml
run many-evidence-49000      "$SALAMA" check --checklist "$CHECKLIST" --format json many-evidence-49000.xml
run many-answers             "$SALAMA" check --checklist "$CHECKLIST" --format json many-answers.xml
run many-answers-49000       "$SALAMA" check --checklist "$CHECKLIST" --format json many-answers-49000.xml
run many-sources             "$SALAMA" validate many-sources.xml
run many-sources-49000       "$SALAMA" validate many-sources-49000.xml
run many-attributes          "$SALAMA" check --checklist "$CHECKLIST" many-attributes.xml
run many-attributes-utf16    "$SALAMA" check --checklist "$CHECKLIST" many-attributes-utf16.xml
run namespace-bomb           "$SALAMA" validate namespace-bomb.xml
run many-titles              "$SALAMA" validate many-titles.xml
run many-titles-49000        "$SALAMA" validate many-titles-49000.xml
run many-source-languages    "$SALAMA" validate many-source-languages.xml
run many-source-languages-49000 "$SALAMA" validate many-source-languages-49000.xml
run target-chain             "$SALAMA" validate target-chain.xml
run invalid-utf8-checklist   "$SALAMA" validate hostile/invalid-utf8.xml
run invalid-utf8-assessment  "$SALAMA" check --checklist "$CHECKLIST" bad-utf8.xml ok.xml
run unreadable-as-root       "$SALAMA" check --checklist "$CHECKLIST" unreadable.xml ok.xml
run unreadable-as-nobody     "${nobody[@]}" "$SALAMA" check --checklist "$CHECKLIST" unreadable.xml ok.xml
run unreadable-summary       "${nobody[@]}" "$SALAMA" summary --checklist "$CHECKLIST" locked
run directory-validate       "$SALAMA" validate dir.xml
run directory-check          "$SALAMA" check --checklist "$CHECKLIST" dir.xml ok.xml
run directory-as-checklist   "$SALAMA" check --checklist dir.xml ok.xml
run missing-file             "$SALAMA" check --checklist "$CHECKLIST" no-such-file.xml ok.xml
run include-parent-folder    "$SALAMA" validate hostile/include-parent-folder.xml
run include-nested-escape    "$SALAMA" validate hostile/include-nested-escape.xml
run include-absolute-path    "$SALAMA" validate hostile/include-absolute-path.xml
run include-http-url         "$SALAMA" validate hostile/include-http.xml
run include-file-url         "$SALAMA" validate hostile/include-file-url.xml
run include-parse-text       "$SALAMA" validate hostile/include-parse-text.xml
run include-cycle            "$SALAMA" validate hostile/include-cycle.xml
run include-symlink-file     "$SALAMA" validate inc/symlink-file.xml
run include-symlink-dir      "$SALAMA" validate inc/symlink-dir.xml
run include-percent-dotdot   "$SALAMA" validate inc/percent.xml
run include-xml-base         "$SALAMA" validate inc/base.xml
run include-xml-base-inside  "$SALAMA" validate inc/base-ok.xml
run include-bomb             "$SALAMA" validate inc/bomb.xml

# ---- issue 15 runs ------------------------------------------------------------------------
S="$SALAMA"
run output-is-input          "$S" check --checklist "$CHECKLIST" out-a.xml --output out-a.xml
run output-is-hard-link      bash -c 'ln -f out-a.xml out-hard.xml; "$0" check --checklist "$1" out-a.xml --output out-hard.xml' "$S" "$CHECKLIST"
run import-output-is-input   "$S" import out-f.csv --output out-f.csv
run template-output-is-input "$S" template --checklist wb-checklist.xml --products honey --output wb-checklist.xml
run output-is-a-folder       "$S" check --checklist "$CHECKLIST" out-a.xml --output samples
run output-missing-folder    "$S" check --checklist "$CHECKLIST" out-a.xml --output no/such/folder/r.txt
run output-dev-full          "$S" check --checklist "$CHECKLIST" out-a.xml --output /dev/full
run stdout-dev-full          bash -c '"$0" check --checklist "$1" out-a.xml > /dev/full' "$S" "$CHECKLIST"
run stdout-closed            bash -c '"$0" check --checklist "$1" out-a.xml >&-' "$S" "$CHECKLIST"
run stderr-dev-full          bash -c '"$0" check --checklist "$1" zwj-id.xml --output out/r.txt 2>/dev/full' "$S" "$CHECKLIST"
run stdout-pipe-closed       bash -c 'trap "" PIPE; "$0" check --checklist "$1" --format html samples/*.xml | (sleep 1; head -c 10 >/dev/null); exit ${PIPESTATUS[0]}' "$S" "$CHECKLIST"
run summary-fifo-and-stdin   "$S" summary --checklist "$CHECKLIST" sum-special
run summary-non-utf8-name    "$S" summary --checklist "$CHECKLIST" sum-latin1
run summary-same-file-thrice "$S" summary --checklist "$CHECKLIST" sum-twice sum-twice/a.xml samples samples
run summary-nfc-nfd          "$S" summary --checklist "$CHECKLIST" --by province --format text sum-nfd
run summary-folder-emfile    bash -c 'ulimit -n 16; "$0" summary --checklist "$1" sum-deep' "$S" "$CHECKLIST"
run duplicate-checklist-id   "$S" check --checklists dup-lists dup-assessment.xml
run utf16-letter-attributes  "$S" check --checklist "$CHECKLIST" utf16-letter-attributes.xml
run decimal-25-digits        "$S" check --checklist "$CHECKLIST" decimal-25.xml
run decimal-31-digits        "$S" validate decimal-31.xml
run members-20-digits        "$S" check --checklist "$CHECKLIST" members-20.xml
run level-20-digits          "$S" validate level-20.xml
run utf32                    "$S" validate utf32.xml
run utf16-without-bom        "$S" validate utf16-no-bom.xml
run nul-in-text              "$S" validate nul-in-text.xml
run zero-width-joiner-id     "$S" validate zwj-id.xml
run controls-in-text         "$S" check --checklist "$CHECKLIST" --format text controls.xml
run controls-in-markdown     "$S" check --checklist "$CHECKLIST" --format markdown controls.xml
run escape-in-file-name      "$S" validate $'name\e[31m.xml' $'missing\e]0;t\a.xml'
run csv-unclosed-quote       "$S" import csv-unclosed.csv
run csv-tabs                 "$S" import csv-tabs.csv
run csv-utf16                "$S" import csv-utf16.csv
run csv-cp1252               "$S" import csv-cp1252.csv
run csv-wide-row             "$S" import csv-wide-row.csv
run csv-50mb                 "$S" import csv-50mb.csv
run csv-100000-rows          "$S" import csv-many-rows.csv
run csv-french-habits        "$S" import csv-french.csv
run csv-detection-limit      "$S" import csv-limit.csv
run csv-escape-in-cell       "$S" check --checklist wb-checklist.xml --format text csv-escape.csv
run csv-formula-version      "$S" template --checklist formula-checklist.xml --products honey --format csv
run csv-apostrophe-roundtrip bash -c '"$0" template --checklist wb-checklist.xml --products honey --cooperative "'"'"'=x" --format csv --output out/rt.csv && "$0" import out/rt.csv | grep -F "name=\"&#39;=x\""' "$S"

# A folder of many files: three are broken; every other one must still be counted.
if [ -z "$filter" ] || [[ summary-many-files == *"$filter"* ]]; then
  run summary-many-files "$SALAMA" summary --checklist "$CHECKLIST" --format json many
  echo "    summary-many-files: $(grep -o '"assessments" *: *[0-9]*' out/summary-many-files.out | head -1) of $many valid files; $(grep -o '^[^:]*: *error\|^[^:]*:[0-9]*:[0-9]*: error' out/summary-many-files.err | cut -d: -f1 | sort -u | wc -l) files reported invalid (3 expected)"
fi
# Files that vanish while the summary runs: the last 5,000 of 20,000 are removed from 0.3 s
# on (the listing takes about 0.1 s; the whole summary well under a second).
if [ -z "$filter" ] || [[ summary-vanishing == *"$filter"* ]]; then
  (sleep 0.3; rm -f vanish/v1[5-9]*.xml vanish/v20000.xml) &
  run summary-vanishing "$SALAMA" summary --checklist "$CHECKLIST" --format json vanish
  wait
  counted=$(grep -o '"assessments" *: *[0-9]*' out/summary-vanishing.out | grep -o '[0-9]*$')
  # Counted by location, not by wording: the message is in the assessments' language.
  gone=$(grep -c '^vanish/v[0-9]*\.xml: error: ' out/summary-vanishing.err)
  echo "    summary-vanishing: ${counted:-?} counted + $gone reported unreadable = $(( ${counted:-0} + gone )) of 20000 listed"
fi
