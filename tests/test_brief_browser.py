"""The HTML brief in a real browser: headless Chromium renders the sections, chart and citations.

Skipped when Chromium is not installed, unless ATTACHE_REQUIRE_BROWSER=1 (CI) makes that a
failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from attache.brief.render import to_html
from attache.evidence import EvidenceBase
from tests.brief_checks import build_brief

pytestmark = pytest.mark.slow


def chromium() -> str:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("ATTACHE_REQUIRE_BROWSER") == "1":
        pytest.fail("ATTACHE_REQUIRE_BROWSER=1 but chromium is not installed "
                    "(apt-get install -y chromium)")
    pytest.skip("chromium is not installed")


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def page(loaded: EvidenceBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "brief.html"
    out.write_text(to_html(build_brief(loaded, "Japan Kazakhstan", "en")), "utf-8")
    return out


def test_dom_has_sections_chart_and_citations(page: Path, tmp_path: Path) -> None:
    binary = chromium()
    res = run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    dom = res.stdout
    for key in ("summary", "background", "analysis", "figures", "timeline", "actors",
                "coverage", "conclusions", "limitations", "data", "references"):
        assert f'id="sec-{key}"' in dom, key
    assert "<svg" in dom and "<circle" in dom
    assert dom.count('class="cite"') > 20
    assert "<script" not in dom


def test_screenshot(page: Path, tmp_path: Path) -> None:
    binary = chromium()
    shot = tmp_path / "brief.png"
    res = run_chromium(binary, tmp_path / "profile", f"--screenshot={shot}",
                       "--window-size=1280,2000", "--hide-scrollbars", page.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
