#!/usr/bin/env python3
"""kill -9 during saves, in a loop: starts salama-serve on one data folder, lets four phones
save answers as fast as they can, kills the server with SIGKILL at a random moment, and checks
that every file is whole (each assessment parses as XML and each record as JSON) and that every
answer the server acknowledged before dying is in the file once it has restarted. Repeats.

Usage: serve-kill-loop.py SALAMA_SERVE_BINARY CHECKLISTS_FOLDER [ROUNDS]
Exits 1 at the first file found broken or acknowledged answer found lost."""
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ElementTree

BINARY, CHECKLISTS = sys.argv[1], sys.argv[2]
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 20
NS = {"a": "urn:salama:assessment:1"}


def start(folder, port):
    process = subprocess.Popen([BINARY, "--data", f"{folder}/data", "--checklists", CHECKLISTS, "--port", str(port),
                                "--passphrase-file", f"{folder}/passphrase"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    while True:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("salama-serve stopped before listening")
        found = re.search(r"Listening on http://127\.0\.0\.1:(\d+)", line)
        if found:
            return process, int(found.group(1))


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    result = response.status, dict(response.getheaders()), response.read().decode()
    conn.close()
    return result


def setup(port, passphrase, count):
    _, headers, page = request(port, "GET", "/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    form = {"Cookie": headers["Set-Cookie"].split(";")[0], "Content-Type": "application/x-www-form-urlencoded"}
    _, headers, _ = request(port, "POST", "/login", urllib.parse.urlencode({"passphrase": passphrase, "csrf": token}), form)
    session = headers["Set-Cookie"].split(";")[0]
    _, _, page = request(port, "GET", "/trainer", headers={"Cookie": session})
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    for number in range(count):
        body = urllib.parse.urlencode([("csrf", csrf), ("name", f"Coop {number}"), ("products[]", "dates")])
        request(port, "POST", "/trainer/cooperatives", body, {"Cookie": session, "Content-Type": "application/x-www-form-urlencoded"})
    _, _, page = request(port, "GET", "/trainer", headers={"Cookie": session})
    links = []
    for key in re.findall(r'data-key="([^"]+)"', page):
        _, _, handout = request(port, "GET", f"/trainer/a/{key}/handout", headers={"Cookie": session})
        links.append((key, re.search(r"(/c/[A-Za-z0-9_-]+)", handout).group(1)))
    return links


def check_files(data):
    for name in os.listdir(f"{data}/assessments"):
        if name.endswith(".xml"):
            ElementTree.parse(f"{data}/assessments/{name}")  # raises on a torn file
    for name in os.listdir(f"{data}/server/records"):
        if name.endswith(".json"):
            with open(f"{data}/server/records/{name}") as record:
                json.load(record)


def statuses(data, key):
    root = ElementTree.parse(f"{data}/assessments/{key}.xml").getroot()
    return {answer.get("ref"): answer.get("status") for answer in root.findall("a:answer", NS)}


def main():
    with tempfile.TemporaryDirectory(prefix="salama-kill-") as folder:
        with open(f"{folder}/passphrase", "w") as file:
            file.write("kill-loop-passphrase\n")
        process, port = start(folder, 0)
        links = setup(port, "kill-loop-passphrase", 4)
        acknowledged = {key: {} for key, _ in links}
        # The save each phone had sent when the server died: it may or may not have reached the disk.
        in_flight = {key: {} for key, _ in links}
        total = [0]
        for round_number in range(ROUNDS):
            stop = threading.Event()
            lock = threading.Lock()

            def phone(key, link):
                rng = random.Random()
                _, _, page = request(port, "GET", f"{link}/fr/r/1")
                cards = re.findall(r'data-ref="([^"]+)">\s*<input type="hidden" name="a\[[^\]]+\]\[rev\]" value="(\d+)"', page)
                revisions = {ref: rev for ref, rev in cards}
                while not stop.is_set():
                    ref = rng.choice(list(revisions))
                    status = rng.choice(["yes", "partial", "no"])
                    body = urllib.parse.urlencode({f"a[{ref}][status]": status, f"a[{ref}][rev]": revisions[ref]})
                    with lock:
                        in_flight[key] = {ref: status}
                    try:
                        code, _, reply = request(port, "POST", f"{link}/fr/r/1", body,
                                                 {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
                    except OSError:
                        return
                    answer = json.loads(reply) if code in (200, 409) else {}
                    if ref in answer.get("saved", {}):
                        revisions[ref] = str(answer["saved"][ref])
                        with lock:
                            acknowledged[key][ref] = status
                            in_flight[key] = {}
                            total[0] += 1
                    elif ref in answer.get("conflicts", {}):
                        revisions[ref] = str(answer["conflicts"][ref]["revision"])

            threads = [threading.Thread(target=phone, args=link) for link in links]
            for thread in threads:
                thread.start()
            time.sleep(random.uniform(0.3, 1.5))
            process.send_signal(signal.SIGKILL)
            process.wait()
            stop.set()
            for thread in threads:
                thread.join()
            try:
                check_files(f"{folder}/data")
            except Exception as error:
                print(f"round {round_number}: a file is broken after kill -9: {error}")
                return 1
            process, port = start(folder, port)
            for key, answers in acknowledged.items():
                on_disk = statuses(f"{folder}/data", key)
                lost = {ref: status for ref, status in answers.items()
                        if on_disk.get(ref) != status and on_disk.get(ref) != in_flight[key].get(ref)}
                for ref, status in in_flight[key].items():
                    if on_disk.get(ref) == status:
                        answers[ref] = status  # it did reach the disk: the phone will see it at its next revision
                in_flight[key] = {}
                if lost:
                    print(f"round {round_number}: acknowledged answers lost in {key}: {lost}")
                    return 1
            print(f"round {round_number}: killed, every file whole; {total[0]} saves acknowledged so far, the latest of each answer on disk")
        process.send_signal(signal.SIGINT)
        process.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
