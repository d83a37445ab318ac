"""Build the demo brief from the bundled sample corpus and save a screenshot of its HTML.

    python scripts/screenshot_brief.py [--out docs/brief.png] [--lang en|zh]

Needs headless Chromium (Debian: apt-get install -y chromium). Offline: the page has no
scripts and no network access, and Chromium runs with its background networking disabled.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from attache.brief import build_brief  # noqa: E402
from attache.brief.render import to_html  # noqa: E402
from attache.evidence import EvidenceBase  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "brief.png"))
    ap.add_argument("--lang", default="en", choices=("en", "zh", "ru"))
    ap.add_argument("--topic", default="Japan Kazakhstan")
    ap.add_argument("--size", default="1280,2000")
    args = ap.parse_args(argv)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        print("chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp, EvidenceBase(":memory:") as eb:
        report = eb.ingest([str(ROOT / "attache" / "data" / "sample")])
        if not report.ok:
            print(f"ingest failed: {report.failures}", file=sys.stderr)
            return 1
        page = Path(tmp) / "brief.html"
        page.write_text(to_html(build_brief(eb.store, eb.topic(args.topic), eb.kb, args.lang)),
                        "utf-8")
        out = Path(args.out).resolve()
        out.parent.mkdir(parents=True, exist_ok=True)
        cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--hide-scrollbars",
               f"--user-data-dir={Path(tmp) / 'profile'}", f"--screenshot={out}",
               f"--window-size={args.size}", page.as_uri()]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
        if res.returncode != 0 or not out.is_file():
            print(res.stderr[-2000:], file=sys.stderr)
            return 1
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
