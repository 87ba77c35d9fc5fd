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
# 100 MB (refused by size) and 60 MB (under the 64 MiB limit: one huge note).
with open("big-100mb.xml", "w") as f:
    f.write(assessment(extra='<answer ref="BIG"><note>' + "x" * (100 * 1024 * 1024) + "</note></answer>"))
with open("big-60mb.xml", "w") as f:
    f.write(assessment(extra='<answer ref="BIG"><note>' + "x" * (60 * 1024 * 1024) + "</note></answer>"))
# Many children: one answer with 300,000 evidence records; 300,000 answers; checklists with
# 200,000 sources and with 20,000 targets in one includes chain.
write("many-evidence.xml", assessment(answers='<answer ref="LOC-01" status="yes">' + "".join(f'<evidence ref="e{i}"/>' for i in range(300000)) + "</answer>"))
write("many-answers.xml", assessment(answers="\n".join(f'<answer ref="R-{i}" status="yes"/>' for i in range(300000))))
write("many-sources.xml", checklist(sources="".join(f'<source id="s{i}">Source {i}</source>\n' for i in range(200000))))
write("many-titles.xml", checklist().replace("<title>Hostile</title>", "".join(f'<title xml:lang="x-{i}">T</title>' for i in range(100000))))
write("many-source-languages.xml", checklist(sources="".join(f'<source id="s" xml:lang="x-{i}">S</source>\n' for i in range(100000))))
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
run big-60mb                 "$SALAMA" check --checklist "$CHECKLIST" --format json big-60mb.xml
run dev-zero                 "$SALAMA" validate /dev/zero
run fifo-no-writer           "$SALAMA" validate fifo.xml
run many-evidence            "$SALAMA" check --checklist "$CHECKLIST" --format json many-evidence.xml
run many-answers             "$SALAMA" check --checklist "$CHECKLIST" --format json many-answers.xml
run many-sources             "$SALAMA" validate many-sources.xml
run many-attributes          "$SALAMA" check --checklist "$CHECKLIST" many-attributes.xml
run many-attributes-utf16    "$SALAMA" check --checklist "$CHECKLIST" many-attributes-utf16.xml
run namespace-bomb           "$SALAMA" validate namespace-bomb.xml
run many-titles              "$SALAMA" validate many-titles.xml
run many-source-languages    "$SALAMA" validate many-source-languages.xml
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

# A folder of many files: three are broken; every other one must still be counted.
if [ -z "$filter" ] || [[ summary-many-files == *"$filter"* ]]; then
  run summary-many-files "$SALAMA" summary --checklist "$CHECKLIST" many
  echo "    summary-many-files: $(grep -o '"assessments" *: *[0-9]*' out/summary-many-files.out | head -1) of $many valid files; $(grep -o '^[^:]*: *error\|^[^:]*:[0-9]*:[0-9]*: error' out/summary-many-files.err | cut -d: -f1 | sort -u | wc -l) files reported invalid (3 expected)"
fi
# Files that vanish while the summary runs: the last 5,000 of 20,000 are removed after 1 s.
if [ -z "$filter" ] || [[ summary-vanishing == *"$filter"* ]]; then
  (sleep 1; rm -f vanish/v1[5-9]*.xml vanish/v20000.xml) &
  run summary-vanishing "$SALAMA" summary --checklist "$CHECKLIST" vanish
  wait
  counted=$(grep -o '"assessments" *: *[0-9]*' out/summary-vanishing.out | grep -o '[0-9]*$')
  gone=$(grep -c 'no such file' out/summary-vanishing.err)
  echo "    summary-vanishing: ${counted:-?} counted + $gone reported 'no such file' = $(( ${counted:-0} + gone )) of 20000 listed"
fi
