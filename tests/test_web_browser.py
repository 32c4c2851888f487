"""End to end in a real browser: Debian's headless Chromium driven by Playwright, against
``gkreview serve`` started as the README starts it, with users made by ``gkreview users add``.

The officer logs in, uploads a docx made by python-docx, marks a missed piece by selecting
it, approves every finding, settles the attribute, signs and downloads the de-identified
copy; a drafter uploads but cannot approve.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from gkreview.ingest.reader import read_bytes
from tests.web_documents import ID_CARD, NAME, NICKNAME, PHONE, notice_docx

CHROMIUM = Path("/usr/bin/chromium")
# No network beyond localhost here: Chromium's own background traffic is switched off.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PASSWORD = "correct horse battery"
SLOW = 180_000  # ms: the first upload waits for the models to load


def gkreview(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gkreview", *args], input=stdin, capture_output=True, text=True,
        check=True, timeout=120,
    )  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("serve")
    db = str(folder / "gkreview.sqlite")
    gkreview("users", "add", "li", "--role", "officer", "--password-stdin", "--db", db,
             stdin=PASSWORD + "\n")  # fmt: skip
    gkreview("users", "add", "wang", "--role", "drafter", "--password-stdin", "--db", db,
             stdin=PASSWORD + "\n")  # fmt: skip
    port = free_port()
    log = (folder / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gkreview", "serve", "--db", db, "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy(),
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/login", timeout=2) as response:
                assert response.status == 200
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail("gkreview serve did not start:\n" + (folder / "serve.log").read_text())
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed: run `bash scripts/install.sh`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def log_in(browser: object, url: str, name: str) -> object:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(url)
    assert "/login" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login")
    page.wait_for_load_state()
    return page


def upload(page: object, url: str, path: Path) -> str:
    page.goto(f"{url}/upload")
    page.set_input_files("#file", str(path))
    page.click("#upload")
    page.wait_for_url("**/reviews/*", timeout=SLOW)
    return page.url.rsplit("/", 1)[1]


def select_text(page: object, text: str) -> None:
    """Select ``text`` in the document pane as a mouse would, then release the mouse."""
    page.evaluate(
        """(wanted) => {
            const pane = document.getElementById("doctext");
            const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(wanted);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + wanted.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                pane.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
                return;
            }
            throw new Error("text not found: " + wanted);
        }""",
        text,
    )


def test_browser_officer_uploads_approves_signs_downloads(
    server: str, browser: object, tmp_path: Path, review_schema: dict
) -> None:
    page = log_in(browser, server, "li")
    assert page.url.endswith("/queue")
    review_id = upload(page, server, notice_docx(tmp_path))
    assert page.locator("#doctext mark.t-PERSON").count() >= 1
    assert page.locator("#doctext mark.t-CN_ID_CARD").count() == 1

    # A missed piece: the officer selects it in the text and adds it.
    assert NICKNAME not in page.inner_text("#findings")
    select_text(page, NICKNAME)
    page.wait_for_selector("#add-finding:not([hidden])")
    assert page.inner_text("#add-text") == NICKNAME
    page.select_option("#add-type", "PERSON")
    page.click("#add-button")
    page.wait_for_selector("#row-m1.s-approved")
    assert page.inner_text("#mark-m1") == NICKNAME

    # Approve each proposal with its own button (htmx swaps the row in place).
    buttons = page.locator("tr.s-proposed [data-testid^=approve-]")
    proposals = buttons.count()
    assert proposals >= 3
    for _ in range(proposals):
        row_id = buttons.first.get_attribute("data-testid").removeprefix("approve-")
        buttons.first.click()
        page.wait_for_selector(f"#row-{row_id}.s-approved")
        page.wait_for_selector(f"#mark-{row_id}.s-approved")
    assert buttons.count() == 0
    assert "全部已决定" in page.inner_text("#pending")

    # Settle the attribute, with the explanation the audit trail keeps a hash of.
    page.click("#change-attribute summary")
    page.select_option("#attribute-select", "on_request")
    page.fill("#explanation", "仅涉及特定救助对象，依申请公开")
    page.click("#save-attribute")
    page.wait_for_load_state()
    assert page.locator("#attribute").get_attribute("data-code") == "on_request"

    page.click("#sign")
    page.wait_for_selector("#download-copy", timeout=SLOW)
    with page.expect_download() as info:
        page.click("#download-copy")
    copy = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename.endswith("_去标识化.docx")
    text = read_bytes(copy, "copy.docx").text
    assert NAME not in text and ID_CARD not in text and PHONE not in text
    assert NICKNAME not in text and "临时救助条件" in text

    with page.expect_download() as info:
        page.click("#download-review")
    import json

    review = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    jsonschema.validate(review, review_schema)
    assert review["review_id"] == review_id
    assert review["disclosure"]["attribute"] == "on_request"
    assert review["signature"]["signed_by"] == "li"


def test_browser_drafter_cannot_approve(server: str, browser: object, tmp_path: Path) -> None:
    page = log_in(browser, server, "wang")
    assert page.url.endswith("/mine")
    assert page.locator("#nav-queue").count() == 0
    review_id = upload(page, server, notice_docx(tmp_path, "草稿.docx"))
    assert page.locator("[data-testid^=approve-]").count() == 0
    assert page.locator("#sign").count() == 0
    assert "等待保密审查员" in page.inner_text("#sign-box")

    # Forging the officer's request from the drafter's own session is refused.
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    response = page.request.post(
        f"{server}/reviews/{review_id}/findings/f1",
        form={"csrf_token": token, "decision": "approved"},
    )
    assert response.status == 403
    response = page.request.post(f"{server}/reviews/{review_id}/sign", form={"csrf_token": token})
    assert response.status == 403
    page.goto(f"{server}/queue")
    assert "无权" in page.inner_text("main")

    officer = log_in(browser, server, "li")
    officer.goto(f"{server}/reviews/{review_id}")
    assert officer.locator("[data-testid^=approve-]").count() >= 1  # still open for the officer
