#!/usr/bin/env bash
# Renders the HTML reports of a sample assessment in a real browser (headless Chromium), to see
# how they read and print: the French and the Arabic report of the sample, and an inspection
# report (the visit report), each as a PNG screenshot and an A4 PDF, into docs/; and the French
# and Arabic reports as a phone shows them (390 CSS pixels wide), docs/report-fr-phone.png and
# docs/report-ar-phone.png.
#
# usage: scripts/render-reports.sh [SAMPLE] [--inspection FILE] [--checklist FILE] [--out DIR]
#   SAMPLE            the assessment to report on (default: Samples/nakhil-erfoud-self.xml)
#   --inspection FILE an inspection to render as the visit report (default: the sample's
#                     sibling NAME-inspection.xml when SAMPLE is NAME-self.xml, else SAMPLE --audit)
#   --checklist FILE  the checklist to use (default: found by id in ./Checklists)
#   --out DIR         where the PNG and PDF files go (default: docs)
#
# Environment: SALAMA_SCRATCH (SwiftPM scratch folder, default .build-reports),
#   RENDER_WIDTH (screenshot width in CSS pixels, default 900), RENDER_HEIGHT (default 1400),
#   PHONE_WIDTH (default 390), PHONE_HEIGHT (default 1600).
# Installs Chromium (Debian package `chromium`) and Noto fonts with apt-get when missing.
set -euo pipefail

cd "$(dirname "$0")/.."

sample="Samples/nakhil-erfoud-self.xml"
inspection=""
checklist=()
out="docs"
while [ $# -gt 0 ]; do
    case "$1" in
        --inspection) inspection="$2"; shift 2 ;;
        --checklist) checklist=(--checklist "$2"); shift 2 ;;
        --out) out="$2"; shift 2 ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
        -*) echo "render-reports: unknown option $1" >&2; exit 64 ;;
        *) sample="$1"; shift ;;
    esac
done
if [ ! -f "$sample" ]; then
    echo "render-reports: no sample at $sample (give an assessment file as the first argument)" >&2
    exit 1
fi
if [ -z "$inspection" ] && [ "${sample%-self.xml}" != "$sample" ] && [ -f "${sample%-self.xml}-inspection.xml" ]; then
    inspection="${sample%-self.xml}-inspection.xml"
fi
if [ -n "$inspection" ] && [ ! -f "$inspection" ]; then
    echo "render-reports: no inspection at $inspection" >&2
    exit 1
fi

# The browser and fonts that can write Arabic (Noto Naskh Arabic) and Latin with accents.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
fc-list : family 2>/dev/null | grep -i "Noto Naskh Arabic" >/dev/null || packages+=(fonts-noto-core)
if [ ${#packages[@]} -gt 0 ]; then
    echo "render-reports: installing ${packages[*]}" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

scratch="${SALAMA_SCRATCH:-.build-reports}"
swift build --scratch-path "$scratch" --product salama >&2
salama="$(swift build --scratch-path "$scratch" --show-bin-path)/salama"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
width="${RENDER_WIDTH:-900}"
height="${RENDER_HEIGHT:-1400}"

phone_width="${PHONE_WIDTH:-390}"
phone_height="${PHONE_HEIGHT:-1600}"
browser=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
         --disable-extensions --user-data-dir="$work/profile")

# render NAME ASSESSMENT SALAMA-OPTIONS...: docs/NAME.png (the first screen) and docs/NAME.pdf.
render() {
    local name="$1" assessment="$2"
    shift 2
    local html="$work/$name.html"
    "$salama" check "$assessment" ${checklist[@]+"${checklist[@]}"} --format html --output "$html" "$@"
    "${browser[@]}" "--screen-info={0,0 ${width}x$((height * 4))}" --window-size="$width,$height" \
        --screenshot="$out/$name.png" "file://$html" 2>/dev/null
    # The page's own footer numbers the pages ("Page x / y"): no browser header or footer.
    "${browser[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$html" 2>/dev/null
    echo "$out/$name.png $out/$name.pdf"
}

# render_phone NAME ASSESSMENT SALAMA-OPTIONS...: docs/NAME-phone.png, the top of the report on
# a phone-wide screen (the report's phone layout applies under 640 CSS pixels).
render_phone() {
    local name="$1" assessment="$2"
    shift 2
    local html="$work/$name-phone.html"
    "$salama" check "$assessment" ${checklist[@]+"${checklist[@]}"} --format html --output "$html" "$@"
    "${browser[@]}" "--screen-info={0,0 ${phone_width}x$((phone_height * 4))}" --window-size="$phone_width,$phone_height" \
        --screenshot="$out/$name-phone.png" "file://$html" 2>/dev/null
    echo "$out/$name-phone.png"
}

render report-fr "$sample" --lang fr
render report-ar "$sample" --lang ar
render_phone report-fr "$sample" --lang fr
render_phone report-ar "$sample" --lang ar
if [ -n "$inspection" ]; then
    render report-inspection-fr "$inspection" --lang fr
else
    render report-inspection-fr "$sample" --lang fr --audit
fi
