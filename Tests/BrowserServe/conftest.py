"""Fixtures of the workshop server's browser tests: `salama-serve` on 127.0.0.1 (a free port,
a fresh data folder, stopped at the end), and headless Chromium windows driven by Selenium
(Debian's `chromium` and `chromium-driver`).

The binary is $SALAMA_SERVE_BIN, else the debug build of the repository (`swift build` first)."""
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
PHONE_WIDTH = 390
PASSPHRASE = "atelier-erfoud-2026"


def serve_binary() -> pathlib.Path:
    given = os.environ.get("SALAMA_SERVE_BIN")
    binary = pathlib.Path(given) if given else REPOSITORY / ".build" / "debug" / "salama-serve"
    if not binary.is_file():
        pytest.exit(f"no salama-serve binary at {binary}: run `swift build` or set SALAMA_SERVE_BIN", returncode=2)
    return binary


class Server:
    """`salama-serve` on 127.0.0.1; `stop()` and `start()` keep the data folder and the port."""

    def __init__(self, folder: pathlib.Path):
        self.folder = folder
        self.data = folder / "data"
        (folder / "passphrase.txt").write_text(PASSPHRASE + "\n")
        self.port = 0
        self.process = None

    def start(self) -> None:
        arguments = [str(serve_binary()), "--data", str(self.data), "--checklists", str(REPOSITORY / "Checklists"),
                     "--port", str(self.port), "--passphrase-file", str(self.folder / "passphrase.txt")]
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("salama-serve stopped before listening")
            found = re.search(r"Listening on http://127\.0\.0\.1:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                return
        raise RuntimeError("salama-serve did not listen within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def server():
    with tempfile.TemporaryDirectory(prefix="salama-serve-") as folder:
        running = Server(pathlib.Path(folder))
        running.start()
        yield running
        running.stop()


def chrome(width: int, height: int, mobile: bool) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", f"--window-size={width},{height}"):
        options.add_argument(argument)
    if mobile:
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": True},
        })
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def phone():
    """A headless Chromium the width of a phone (390 CSS pixels)."""
    driver = chrome(PHONE_WIDTH, 844, mobile=True)
    yield driver
    driver.quit()


@pytest.fixture
def laptop():
    """The trainer's laptop."""
    driver = chrome(1280, 900, mobile=False)
    yield driver
    driver.quit()
