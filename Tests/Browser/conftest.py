"""Fixtures of the browser tests: the `salama` binary, the reports it writes, and a headless
Chromium driven by Selenium (Debian's `chromium` and `chromium-driver`).

The binary is $SALAMA_BIN, else the debug build of the repository (`swift build` first)."""
import os
import pathlib
import shutil
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
PHONE_WIDTH = 390


def salama_binary() -> pathlib.Path:
    given = os.environ.get("SALAMA_BIN")
    binary = pathlib.Path(given) if given else REPOSITORY / ".build" / "debug" / "salama"
    if not binary.is_file():
        pytest.exit(f"no salama binary at {binary}: run `swift build` or set SALAMA_BIN", returncode=2)
    return binary


@pytest.fixture(scope="session")
def salama():
    """Runs `salama ARGS` from the repository folder; fails the test on a non-zero exit."""
    binary = salama_binary()

    def run(*arguments: str) -> None:
        result = subprocess.run([str(binary), *arguments], cwd=REPOSITORY, capture_output=True, text=True)
        assert result.returncode == 0, f"salama {' '.join(arguments)} exited {result.returncode}: {result.stderr}"

    return run


def chrome_options(width: int) -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", f"--window-size={width},900"):
        options.add_argument(argument)
    # A phone: the layout viewport is the device width, as on a real handset.
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": width, "height": 844, "pixelRatio": 2, "touch": True},
    })
    return options


@pytest.fixture(scope="session")
def phone():
    """A headless Chromium the width of a phone (390 CSS pixels)."""
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=chrome_options(PHONE_WIDTH))
    yield driver
    driver.quit()
