"""A workshop in a real browser: an Arabic member on a 390 px phone fills a rubric, reloads and
finds her answers; the server stops while she types and comes back, and nothing typed is lost;
the trainer's dashboard shows her progress; another cooperative's link shows nothing of hers.

With $SALAMA_SCREENSHOTS set to a folder, the phone form and the dashboard are saved there as PNG
(the README's screenshots)."""
import os
import pathlib
import re
import xml.etree.ElementTree as ElementTree

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSPHRASE

NAMESPACE = {"a": "urn:salama:assessment:1"}


def login(laptop, server):
    laptop.get(server.url + "/login")
    laptop.find_element(By.NAME, "passphrase").send_keys(PASSPHRASE)
    laptop.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(laptop, 10).until(lambda driver: driver.current_url == server.url + "/trainer")


def add_cooperative(laptop, server, name, products, activities=()):
    laptop.get(server.url + "/trainer/new")
    laptop.find_element(By.NAME, "name").send_keys(name)
    laptop.find_element(By.NAME, "province").send_keys("Errachidia")
    for product in products:
        laptop.find_element(By.CSS_SELECTOR, f'input[name="products[]"][value="{product}"]').click()
    for activity in activities:
        laptop.find_element(By.CSS_SELECTOR, f'input[name="activities[]"][value="{activity}"]').click()
    laptop.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(laptop, 10).until(lambda driver: driver.current_url == server.url + "/trainer")
    key = laptop.find_elements(By.CSS_SELECTOR, "tr[data-key]")[-1].get_attribute("data-key")
    laptop.get(f"{server.url}/trainer/a/{key}/handout")
    link = re.search(r"/c/[A-Za-z0-9_-]+", laptop.find_element(By.CSS_SELECTOR, ".link-text code").text).group(0)
    assert laptop.find_element(By.CSS_SELECTOR, ".qr svg path").get_attribute("d")
    return key, link


def card(phone, position):
    return phone.find_elements(By.CSS_SELECTOR, "section.card")[position]


def choose(phone, position, status):
    element = card(phone, position)
    element.find_element(By.CSS_SELECTOR, f"label.choice-{status}").click()
    return element.get_attribute("data-ref")


def wait_saved(phone, refs, timeout=30):
    def all_saved(driver):
        return all("saved" in driver.find_element(By.ID, f"card-{ref}").find_element(By.CLASS_NAME, "card-status").get_attribute("class")
                   for ref in refs)
    WebDriverWait(phone, timeout).until(all_saved)


def checked(phone, ref):
    found = phone.find_elements(By.CSS_SELECTOR, f'#card-{ref} input[type=radio]:checked')
    return found[0].get_attribute("value") if found else None


def saved_answers(server, key):
    root = ElementTree.parse(server.data / "assessments" / f"{key}.xml").getroot()
    answers = {}
    for answer in root.findall("a:answer", NAMESPACE):
        note = answer.find("a:note", NAMESPACE)
        answers[answer.get("ref")] = (answer.get("status"), note.text if note is not None else None)
    return answers


def screenshot(driver, name):
    folder = os.environ.get("SALAMA_SCREENSHOTS")
    if folder:
        pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(pathlib.Path(folder) / name))


def test_arabic_member_on_a_phone(server, phone, laptop):
    login(laptop, server)
    key, link = add_cooperative(laptop, server, "تعاونية النخيل أرفود", ["dates"])
    other_key, other_link = add_cooperative(laptop, server, "Coopérative Tamr Draa", ["dates"])

    # The first screen: the language. She picks Arabic; the form is right to left.
    phone.get(server.url + link)
    phone.find_element(By.CSS_SELECTOR, 'a.language[lang="ar"]').click()
    assert phone.current_url == f"{server.url}{link}/ar/r/1"
    assert phone.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 390

    # She answers three questions and writes a note; each is saved as given.
    refs = [choose(phone, 0, "yes"), choose(phone, 1, "partial"), choose(phone, 2, "no")]
    note = card(phone, 1).find_element(By.CSS_SELECTOR, "textarea")
    note.send_keys("الساحة موحلة بعد المطر")
    wait_saved(phone, refs)
    screenshot(phone, "workshop-phone-ar.png")

    # A reload shows her answers, from the server.
    phone.execute_script("localStorage.clear()")
    phone.refresh()
    assert [checked(phone, ref) for ref in refs] == ["yes", "partial", "no"]
    assert card(phone, 1).find_element(By.CSS_SELECTOR, "textarea").get_attribute("value") == "الساحة موحلة بعد المطر"

    # The server stops while she goes on: the page says so and keeps what she gives.
    server.stop()
    more = [choose(phone, 3, "yes"), choose(phone, 4, "no")]
    card(phone, 4).find_element(By.CSS_SELECTOR, "textarea").send_keys("لا يوجد سجل")
    WebDriverWait(phone, 30).until(lambda driver: driver.find_element(By.ID, "connection").is_displayed())
    offline = phone.find_element(By.ID, "connection").text
    assert "لا يوجد اتصال" in offline

    # It comes back: the answers kept on the phone are sent, and the page says so.
    server.start()
    wait_saved(phone, more, timeout=60)
    answers = saved_answers(server, key)
    assert answers[refs[0]][0] == "yes" and answers[refs[1]] == ("partial", "الساحة موحلة بعد المطر") and answers[refs[2]][0] == "no"
    assert answers[more[0]][0] == "yes" and answers[more[1]] == ("no", "لا يوجد سجل")
    assert phone.execute_script("return Object.keys(JSON.parse(localStorage.getItem('salama:' + document.getElementById('rubric').getAttribute('action')) || '{}')).length") == 0
    phone.refresh()
    assert [checked(phone, ref) for ref in refs + more] == ["yes", "partial", "no", "yes", "no"]
    assert phone.find_element(By.ID, "answered").text == "5"

    # The trainer's dashboard shows her progress.
    laptop.get(server.url + "/trainer")
    row = laptop.find_element(By.CSS_SELECTOR, f'tr[data-key="{key}"]')
    assert re.search(r"\b5 / \d+", row.find_element(By.CSS_SELECTOR, ".count").text)
    other_row = laptop.find_element(By.CSS_SELECTOR, f'tr[data-key="{other_key}"]')
    assert other_row.find_element(By.CSS_SELECTOR, ".count").text.startswith("0 /")
    screenshot(laptop, "workshop-dashboard.png")

    # Another cooperative's link shows nothing of hers.
    phone.get(f"{server.url}{other_link}/ar/r/1")
    assert "تعاونية النخيل" not in phone.page_source
    assert "الساحة موحلة" not in phone.page_source
    assert phone.find_elements(By.CSS_SELECTOR, "input[type=radio]:checked") == []
    # And a guessed link gets the not-found page.
    phone.get(f"{server.url}/c/{'A' * 32}/ar/r/1")
    assert "404" in phone.find_element(By.TAG_NAME, "h1").text
