#!/usr/bin/env python3
"""Load client of scripts/benchmark-serve.sh: PHONES simulated phones on loopback, each filling
its own cooperative's whole self-assessment answer by answer, as the page's script does (one
POST per answer, JSON reply, the answer's revision sent back).

Usage: serve-load.py URL DATA_FOLDER PASSPHRASE PHONES SERVER_PID [THINK_MS]

THINK_MS (default 0) is each phone's pause between two answers: 0 saves as fast as the server
answers (a stress test: with every phone waiting on the server, latency is phones ÷ throughput);
a person reading and tapping takes several seconds.

Prints one JSON object: saves, seconds, saves per second, p50/p99/max latency (ms), errors,
answers checked in the files afterwards and how many differ from what was sent, and the
server's resident memory (MB) after the cooperatives were created, at its peak, and at the end.
"""
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ElementTree

URL, DATA, PASSPHRASE, PHONES, PID = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
THINK = (int(sys.argv[6]) if len(sys.argv) > 6 else 0) / 1000
HOST, PORT = urllib.parse.urlparse(URL).hostname, urllib.parse.urlparse(URL).port
NS = {"a": "urn:salama:assessment:1"}


def connection():
    return http.client.HTTPConnection(HOST, PORT, timeout=60)


def request(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode("utf-8")


def resident_mb():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def trainer_session(conn):
    status, headers, page = request(conn, "GET", "/login")
    form_cookie = headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"passphrase": PASSPHRASE, "csrf": token})
    status, headers, _ = request(conn, "POST", "/login", body, {"Cookie": form_cookie, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 303, status
    session = headers["Set-Cookie"].split(";")[0]
    _, _, page = request(conn, "GET", "/trainer", headers={"Cookie": session})
    return session, re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def create_cooperatives(count):
    conn = connection()
    session, csrf = trainer_session(conn)
    links = []
    for number in range(count):
        body = urllib.parse.urlencode([("csrf", csrf), ("name", f"Coopérative {number:03d}"), ("province", "Errachidia"),
                                       ("products[]", "dates"), ("products[]", "honey"), ("activities[]", "packaging")])
        status, headers, _ = request(conn, "POST", "/trainer/cooperatives", body, {"Cookie": session, "Content-Type": "application/x-www-form-urlencoded"})
        assert status == 303, status
    _, _, page = request(conn, "GET", "/trainer", headers={"Cookie": session})
    keys = re.findall(r'data-key="([^"]+)"', page)
    for key in keys:
        _, _, handout = request(conn, "GET", f"/trainer/a/{key}/handout", headers={"Cookie": session})
        links.append((key, re.search(r"(/c/[A-Za-z0-9_-]+)", handout).group(1)))
    conn.close()
    return links


def cards(conn, link):
    """Every card of every rubric page: (page path, ref, revision, evidence ids, measure ids)."""
    found = []
    number = 1
    while True:
        status, _, page = request(conn, "GET", f"{link}/fr/r/{number}")
        if status != 200:
            break
        for card in re.findall(r'<section class="card[^"]*" id="card-[^"]+" data-ref="([^"]+)">(.*?)</section>', page, re.S):
            ref, html = card
            rev = re.search(r'\[rev\]" value="(\d+)"', html).group(1)
            evidence = re.findall(r"\[ev\]\[([^\]]+)\]", html)
            measures = re.findall(r"\[m\]\[([^\]]+)\]", html)
            found.append((f"{link}/fr/r/{number}", ref, rev, evidence, measures))
        number += 1
    return found


latencies = []
errors = []
sent = {}
lock = threading.Lock()


def phone(key, link, seed):
    rng = random.Random(seed)
    conn = connection()
    mine = {}
    for path, ref, rev, evidence, measures in cards(conn, link):
        if THINK:
            time.sleep(rng.uniform(0.5 * THINK, 1.5 * THINK))
        status = rng.choice(["yes", "partial", "no"])
        fields = [(f"a[{ref}][rev]", rev), (f"a[{ref}][status]", status), (f"a[{ref}][note]", f"note {key} {ref}")]
        dates = {item: f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}" for item in evidence}
        values = {item: f"{rng.randint(0, 400) / 10}" for item in measures}
        fields += [(f"a[{ref}][ev][{item}]", date) for item, date in dates.items()]
        fields += [(f"a[{ref}][m][{item}]", value) for item, value in values.items()]
        body = urllib.parse.urlencode(fields)
        started = time.perf_counter()
        try:
            code, _, reply = request(conn, "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
            ok = code == 200 and ref in json.loads(reply).get("saved", {})
        except Exception as error:  # a dropped connection counts as an error
            ok, code = False, repr(error)
            conn.close()
            conn = connection()
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            latencies.append(elapsed)
            if not ok:
                errors.append((key, ref, code))
        mine[ref] = (status, f"note {key} {ref}", dates, {item: float(value) for item, value in values.items()})
    conn.close()
    with lock:
        sent[key] = mine


def check_files():
    checked = differing = 0
    for key, answers in sent.items():
        root = ElementTree.parse(f"{DATA}/assessments/{key}.xml").getroot()
        found = {}
        for answer in root.findall("a:answer", NS):
            note = answer.find("a:note", NS)
            found[answer.get("ref")] = (
                answer.get("status"), note.text if note is not None else None,
                {e.get("ref"): e.get("date") for e in answer.findall("a:evidence", NS) if e.get("date")},
                {m.get("ref"): float(m.get("value")) for m in answer.findall("a:measurement", NS) if m.get("value")},
            )
        for ref, expected in answers.items():
            checked += 1
            if found.get(ref) != expected:
                differing += 1
    return checked, differing


def main():
    links = create_cooperatives(PHONES)
    memory_after_setup = resident_mb()
    peak = [memory_after_setup]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], resident_mb())
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    threads = [threading.Thread(target=phone, args=(key, link, number)) for number, (key, link) in enumerate(links)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    ordered = sorted(latencies)
    checked, differing = check_files()

    def percentile(share):
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1) if ordered else None

    print(json.dumps({
        "phones": PHONES, "think_ms": int(THINK * 1000), "saves": len(latencies), "seconds": round(seconds, 1),
        "saves_per_second": round(len(latencies) / seconds, 1) if seconds else None,
        "p50_ms": percentile(0.50), "p99_ms": percentile(0.99), "max_ms": round(ordered[-1], 1) if ordered else None,
        "errors": len(errors), "first_errors": errors[:5],
        "answers_checked": checked, "answers_differing": differing,
        "memory_mb": {"after_setup": round(memory_after_setup, 1), "peak": round(peak[0], 1), "end": round(resident_mb(), 1)},
    }, indent=2))
    return 0 if not errors and differing == 0 and checked == len(latencies) else 1


if __name__ == "__main__":
    sys.exit(main())
