"""Screenshot the pull-request comment as GitHub shows it, to look at it as a reviewer would.

Builds the golden revision (tests/history/test_golden.py: the Sóc Trăng plan revised and
renamed on a branch), runs `planctl --lang LANG diff --format markdown main...dieu-chinh`,
renders the Markdown with cmark-gfm (GitHub's library, through cmarkgfm), wraps it in
GitHub-like CSS and takes a screenshot with headless Chromium. Not a test: run it by hand.

    apt-get install -y chromium   # once
    .venv/bin/python tests/bench/screenshot_diff.py [--lang vi|en] [--out tests/bench/out]

Writes OUT/diff-comment.LANG.{md,html,png} and prints the PNG's path.
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CSS = """
body { margin: 0; background: #fff; }
.comment { box-sizing: border-box; max-width: 1012px; margin: 16px auto; border: 1px solid #d0d7de;
  border-radius: 6px; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans",
  Helvetica, Arial, sans-serif; color: #1f2328; }
.comment-header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px;
  border-radius: 6px 6px 0 0; color: #59636e; }
.markdown-body { padding: 16px; word-wrap: break-word; }
.markdown-body h3 { font-size: 1.25em; margin: 24px 0 16px; font-weight: 600; }
.markdown-body h4 { font-size: 1em; margin: 24px 0 16px; font-weight: 600; }
.markdown-body p, .markdown-body ul, .markdown-body table, .markdown-body details { margin: 0 0 16px; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content;
  max-width: 100%; overflow: auto; }
.markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d0d7de; }
.markdown-body th { font-weight: 600; }
.markdown-body tr { background: #fff; border-top: 1px solid #d1d9e0; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { padding: .2em .4em; font-size: 85%; background: rgba(129,139,152,.12); border-radius: 6px;
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; }
.markdown-body sub { font-size: 75%; color: #59636e; }
.markdown-body summary { cursor: pointer; }
"""


def comment_html(markdown: str, title: str, offset: int = 0) -> str:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    body = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{CSS} body {{ margin-top: -{offset}px; }}</style></head><body>"
            "<div class='comment'><div class='comment-header'>"
            f"<strong>github-actions</strong> bot commented</div><div class='markdown-body'>{body}</div></div>"
            "</body></html>")


def screenshot(page: Path, png: Path, height: int) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("no Chromium: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size=1200,{height}",
                        page.as_uri()], check=True, capture_output=True, timeout=120)


def main() -> None:
    from planctl import __version__
    from tests.history.test_golden import revision_repo

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "bench" / "out")
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--offset", type=int, default=0, help="scroll down this many pixels (a second screen)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        repo = revision_repo(Path(tmp) / "repo")
        run = repo.planctl("--lang", args.lang, "diff", "--format", "markdown", "main...dieu-chinh")
    if run.code != 0:
        raise SystemExit(run.stderr)
    stem = f"diff-comment.{args.lang}"
    markdown = run.stdout.replace(f"planctl {__version__}", "planctl")
    (args.out / f"{stem}.md").write_text(markdown, encoding="utf-8")
    page = args.out / f"{stem}.html"
    page.write_text(comment_html(markdown, "planctl diff", args.offset), encoding="utf-8")
    png = args.out / (f"{stem}.png" if not args.offset else f"{stem}.{args.offset}.png")
    screenshot(page, png, args.height)
    print(png)


if __name__ == "__main__":
    main()
