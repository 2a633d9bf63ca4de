"""The report index a reviewer opens first: every claim, figure and link present, and no
broken image when a real browser renders it."""
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.imgs, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "img":
            self.imgs.append(attrs.get("src", ""))


@pytest.fixture(scope="module", params=["index.html", "index.id.html"])
def index(pipeline_run, request):
    """The report page in each language (both are always built)."""
    dest = pipeline_run[0]
    path = dest / "build" / request.param
    parser = _Links()
    parser.feed(path.read_text())
    return dest, path, parser


def test_index_lists_claims_figures_notebooks(index):
    dest, path, parser = index
    text = path.read_text()
    for claim in ("C1", "C2", "C3a", "C3b", "C4", "C5", "C6", "C7"):
        assert f"<b>{claim}</b>" in text
    lang = "id" if path.name == "index.id.html" else "en"
    assert f'<html lang="{lang}">' in text
    figures = sorted((dest / "figures").glob(f"*_{lang}.png"))
    assert len(parser.imgs) == len(figures) > 0
    assert all(src.startswith("data:image/png;base64,") for src in parser.imgs)  # self-contained
    for notebook in (dest / "build" / "html").glob("*.html"):
        assert f'href="html/{notebook.name}"' in text


def test_indonesian_page_speaks_indonesian(pipeline_run):
    text = (pipeline_run[0] / "build" / "index.id.html").read_text()
    for word in ("Laporan reproduksi", "Klaim", "tereproduksi dengan catatan", "tidak dapat diperiksa", "Ringkasan"):
        assert word in text
    for english in ("Reproduction report", "reproduced with caveat", "not checkable", "How to rerun"):
        assert english not in text


def test_every_link_resolves(index):
    _, path, parser = index
    for href in parser.hrefs:
        if href.startswith("#"):
            assert href[1:] in parser.ids, f"broken anchor {href}"
        else:
            assert not re.match(r"^[a-z]+://", href), f"external link {href} would not work offline"
            assert (path.parent / href).resolve().is_file(), f"broken link {href}"


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed: `apt-get install chromium` enables the browser test")
def test_browser_renders_without_broken_images(index, tmp_path):
    _, path, parser = index
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=10000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    images = re.search(r'data-images="(\d+)"', out.stdout)
    broken = re.search(r'data-broken-images="(\d+)"', out.stdout)
    assert images and broken, "the page's check script did not run"
    assert int(images.group(1)) == len(parser.imgs) and int(broken.group(1)) == 0


def test_notebook_pages_load_nothing_from_the_network(pipeline_run):
    pages = sorted((pipeline_run[0] / "build" / "html").glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text()
        assert not re.search(r'src="https?://|import\("https?://', text), f"{page.name} loads a script from the network"
        assert "<table" in text or "<img" in text  # the content is still there
