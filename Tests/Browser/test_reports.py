"""Every HTML report Salama writes, opened in a real browser the width of a phone (390 CSS
pixels): nothing scrolls sideways, nothing sticks out of its box, no word is cut in two, text
is at least 16 px and tap targets at least 44 px. The printed inspection report (A4 PDF) ends
with its conclusion and signatures on one page, numbered "x / y"."""
import base64
import pathlib
import shutil
import subprocess

import pytest

from conftest import PHONE_WIDTH

SELF = "Samples/nakhil-erfoud-self.xml"
INSPECTION = "Samples/nakhil-erfoud-inspection.xml"
CHECKLIST = "Checklists/onssa-hygiene.xml"
# A visit with three samples, one with a long id and a long laboratory name.
SAMPLES = ["Tests/Fixtures/reports/inspection.xml", "--checklist", "Tests/Fixtures/reports/checklist.xml"]

# name: the salama arguments writing that report (the output file is added).
REPORTS = {
    "check-fr": ["check", SELF, "--format", "html", "--lang", "fr"],
    "check-ar": ["check", SELF, "--format", "html", "--lang", "ar"],
    "check-en": ["check", SELF, "--format", "html", "--lang", "en"],
    "inspection-fr": ["check", INSPECTION, "--format", "html", "--lang", "fr"],
    "inspection-ar": ["check", INSPECTION, "--format", "html", "--lang", "ar"],
    "audit-fr": ["check", SELF, "--format", "html", "--lang", "fr", "--audit"],
    "samples-fr": ["check", *SAMPLES, "--format", "html", "--lang", "fr"],
    "samples-ar": ["check", *SAMPLES, "--format", "html", "--lang", "ar"],
    "samples-en": ["check", *SAMPLES, "--format", "html", "--lang", "en"],
    "summary-fr": ["summary", "Samples", "--format", "html", "--lang", "fr"],
    "summary-ar": ["summary", "Samples", "--format", "html", "--lang", "ar", "--by", "province"],
    "compare-fr": ["compare", SELF, INSPECTION, "--format", "html", "--lang", "fr"],
    "compare-ar": ["compare", SELF, INSPECTION, "--format", "html", "--lang", "ar"],
    "workbook-fr": ["template", "--checklist", CHECKLIST, "--products", "honey,dates", "--format", "html", "--lang", "fr"],
    "workbook-ar": ["template", "--checklist", CHECKLIST, "--products", "honey,dates", "--format", "html", "--lang", "ar"],
    "workbook-inspection-fr": ["template", "--checklist", CHECKLIST, "--products", "honey,dates", "--kind", "inspection",
                               "--format", "html", "--lang", "fr"],
}

# What the page says about itself, measured by the browser. Scroll boxes (overflow-x auto or
# scroll) may hold wider content: that is what they are for.
MEASURE = r"""
const inScrollBox = (element) => {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return true;
  }
  return false;
};
const describe = (element) => element.tagName.toLowerCase()
  + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '')
  + ' "' + (element.textContent || '').trim().slice(0, 40) + '"';
const overflowing = [];
for (const element of document.body.querySelectorAll('*')) {
  const parent = element.parentElement;
  if (!parent || element.closest('svg') && element.tagName.toLowerCase() !== 'svg' || inScrollBox(element)) continue;
  const box = element.getBoundingClientRect(), outer = parent.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  const parentClips = getComputedStyle(parent).overflowX !== 'visible';
  if (box.right > innerWidth + 0.5 || box.left < -0.5
      || (!parentClips && (box.right > outer.right + 1 || box.left < outer.left - 1))) {
    overflowing.push(describe(element));
  }
}
// Words cut across two lines: each run of letters and digits must sit on one line.
const cutWords = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || parent.closest('svg, .sha, style, title')) continue;
  for (const match of node.data.matchAll(/[\p{L}\p{N}\p{M}]{2,}/gu)) {
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    if (tops.size > 1) cutWords.push(match[0]);
  }
}
// Text smaller than 16 px, outside drawings.
const smallText = new Set();
const walker2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker2.nextNode(); node; node = walker2.nextNode()) {
  const parent = node.parentElement;
  if (!parent || !node.data.trim() || parent.closest('svg, style, title')) continue;
  const size = parseFloat(getComputedStyle(parent).fontSize);
  if (size < 15.5) smallText.add(describe(parent) + ' ' + size + 'px');
}
// Things to tap: links, buttons, form fields, disclosure summaries.
const smallTargets = [];
for (const element of document.querySelectorAll('a[href], button, input, select, textarea, summary, label[for]')) {
  const box = element.getBoundingClientRect();
  if (box.width < 44 || box.height < 44) smallTargets.push(describe(element) + ` ${box.width}x${box.height}`);
}
return {
  scrollWidth: document.scrollingElement.scrollWidth,
  innerWidth: innerWidth,
  overflowing: overflowing.slice(0, 20),
  cutWords: cutWords.slice(0, 20),
  smallText: [...smallText].slice(0, 20),
  smallTargets: smallTargets.slice(0, 20),
};
"""


@pytest.fixture(scope="module")
def reports(salama, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    paths = {}
    for name, arguments in REPORTS.items():
        path = folder / f"{name}.html"
        salama(*arguments, "--output", str(path))
        paths[name] = path
    return paths


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_fits_a_phone(name, reports, phone):
    phone.get(reports[name].as_uri())
    page = phone.execute_script(MEASURE)
    # A page wider than the phone makes the browser zoom out: the viewport grows past 390 px.
    assert (page["innerWidth"], page["scrollWidth"] <= page["innerWidth"]) == (PHONE_WIDTH, True), f"the page scrolls sideways: {page}"
    assert page["overflowing"] == [], "elements stick out of their box"
    assert page["cutWords"] == [], "words cut across two lines"
    assert page["smallText"] == [], "text smaller than 16 px"
    assert page["smallTargets"] == [], "tap targets smaller than 44 px"


def print_pdf(driver, path: pathlib.Path) -> pathlib.Path:
    """Prints the page as Chromium does on A4 with the page's own @page rules, to a PDF file."""
    driver.get(path.as_uri())
    result = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    pdf = path.with_suffix(".pdf")
    pdf.write_bytes(base64.b64decode(result["data"]))
    return pdf


def pdf_pages(pdf: pathlib.Path) -> list[str]:
    """The text of each page of a PDF (poppler's pdftotext)."""
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@pytest.mark.parametrize("name", ["inspection-fr", "audit-fr", "check-fr", "summary-fr", "workbook-fr"])
def test_printed_pages_are_numbered(name, reports, phone):
    pages = pdf_pages(print_pdf(phone, reports[name]))
    assert len(pages) >= 1
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page, f"page {number} has no 'page {number} / {len(pages)}'"


@pytest.mark.parametrize("name", ["workbook-fr", "workbook-ar"])
def test_the_honey_and_dates_workbook_prints_on_twelve_pages(name, reports, phone):
    """A workshop prints it for every cooperative: every field, on at most 12 A4 pages, none of
    them left half empty but the last."""
    pages = pdf_pages(print_pdf(phone, reports[name]))
    assert len(pages) <= 12, f"{len(pages)} pages"
    lines = [len([line for line in page.splitlines() if line.strip()]) for page in pages]
    fullest = max(lines)
    assert all(count >= fullest / 2 for count in lines[:-1]), f"lines per page: {lines}"


@pytest.mark.parametrize("name", ["inspection-fr", "inspection-ar", "audit-fr"])
def test_the_visit_report_closes_with_conclusion_and_signatures_on_its_last_page(name, reports, phone):
    """Printed on A4, the visit report's last page holds the conclusion, the signature blocks and
    the stamp box together, nothing of them on an earlier page."""
    pages = pdf_pages(print_pdf(phone, reports[name]))
    words = {"fr": ("Conclusion", "Signatures", "Cachet de l'établissement"),
             "ar": ("الخلاصة", "التوقيعات", "ختم المؤسسة")}[name.rsplit("-", 1)[1]]
    last = pages[-1]
    for word in words:
        assert word in last, f"'{word}' is not on the last page"
    for page in pages[:-1]:
        assert words[1] not in page and words[2] not in page


def test_a_self_assessment_in_the_visit_layout_is_not_an_onssa_visit(reports, phone):
    phone.get(reports["audit-fr"].as_uri())
    kicker = phone.execute_script("return document.querySelector('.kicker').textContent")
    assert kicker == "Auto-évaluation au format du rapport de visite"
    assert "Rapport de visite" not in phone.execute_script("return document.body.innerText")


@pytest.mark.parametrize("name", ["check-fr", "check-ar", "inspection-fr", "audit-fr", "summary-fr", "summary-ar", "compare-fr"])
def test_no_printed_page_is_left_nearly_empty(name, reports, phone):
    """A forced break or a table's tail must not leave a page with a few lines on it (the last
    page aside): each holds at least a quarter of the fullest page's lines."""
    pages = pdf_pages(print_pdf(phone, reports[name]))
    lines = [len([line for line in page.splitlines() if line.strip()]) for page in pages]
    assert all(count >= max(lines) / 4 for count in lines[:-1]), f"lines per page: {lines}"
