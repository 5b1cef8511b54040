#!/usr/bin/env python3
"""Renders a run's report.html with headless Chromium (Debian's package) and checks what a person sees.

    runners/report/check-report-html.py out/report.html [--screenshot out/report.png]

Checks, failing with a message on the first that does not hold:
  * the page is self-contained: no script, no external reference;
  * Chromium's own parse of it (--dump-dom) has every chart: the role distribution, samples per role
    through deduplication and balance, and a score histogram per role with scores, each an <svg>
    with bars;
  * Chromium's screenshot of it shows the bars: pixels in the chart colours of each series drawn;
  * "Look before you train" draws samples of every role with written samples as conversations
    (user and assistant turns, tool calls and replies folded in <details>).
Installs Debian's chromium with apt-get when it is missing (as root), and fails when it cannot.
"""
import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

# The series colours of SvgCharts.COLORS that every report draws: written/built, after deduplication, written.
SERIES = {"#4e79a7": (0x4E, 0x79, 0xA7), "#f28e2b": (0xF2, 0x8E, 0x2B), "#59a14f": (0x59, 0xA1, 0x4F)}
CHARTS = ("roles", "stages", "balance")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
]


def fail(message):
    print("check-report-html: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def chromium():
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("check-report-html: installing Debian's chromium", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
        if shutil.which("chromium"):
            return shutil.which("chromium")
    fail("no chromium: install Debian's package (apt-get install chromium)")


def run_chromium(browser, profile, *args):
    command = [browser, *FLAGS, "--user-data-dir=" + profile, *args]
    try:
        done = subprocess.run(command, capture_output=True, timeout=180)
    except subprocess.TimeoutExpired:
        fail("chromium did not finish in 180 s: " + " ".join(command))
    if done.returncode != 0:
        fail("chromium exited %d: %s" % (done.returncode, done.stderr.decode(errors="replace")[-2000:]))
    return done.stdout.decode("utf-8", errors="replace")


def png_pixels(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) into rows of bytes."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + " is not a PNG")
    offset, idat = 8, b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    if depth != 8 or colour not in (2, 6) or interlace:
        fail("unexpected PNG format depth=%d colour=%d interlace=%d" % (depth, colour, interlace))
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def colour_counts(path):
    width, height, channels, rows = png_pixels(path)
    wanted = {rgb: name for name, rgb in SERIES.items()}
    counts = {name: 0 for name in SERIES}
    blank = 0
    for row in rows:
        for x in range(0, width * channels, channels):
            rgb = (row[x], row[x + 1], row[x + 2])
            if rgb in wanted:
                counts[wanted[rgb]] += 1
            elif rgb == (255, 255, 255):
                blank += 1
    return counts, blank, width * height


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", help="a run's report.html")
    parser.add_argument("--screenshot", help="keep the screenshot here (default: a temporary file)")
    args = parser.parse_args()
    page = open(args.report, encoding="utf-8").read()

    if "<script" in page or re.search(r"""(src|href)\s*=|url\(""", page):
        fail(args.report + " is not self-contained: it has a script or an external reference")

    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="gt-report-check-") as work:
        url = "file://" + os.path.abspath(args.report)
        dom = run_chromium(browser, os.path.join(work, "profile"), "--dump-dom", url)
        sections = dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', dom, re.DOTALL))
        for chart in CHARTS:
            if chart not in sections:
                fail("chromium's DOM has no chart %r (it has %s)" % (chart, sorted(sections)))
        histograms = [s for s in sections if s.startswith("scores-")]
        if not histograms:
            fail("chromium's DOM has no score histogram")
        bars = 0
        for name, body in sorted(sections.items()):
            if "<svg" not in body or 'class="bar"' not in body:
                fail("chart %r has no svg bars in chromium's DOM" % name)
            bars += body.count('class="bar"')

        samples = dict(re.findall(r'<section class="samples" id="samples-([^"]+)">(.*?)</section>', dom, re.DOTALL))
        written = re.findall(r'<text[^>]*>([a-z]+)</text>', sections["roles"])
        if not samples or not set(samples) <= set(written) | {"unknown"}:
            fail("chromium's DOM has samples of %s, the roles chart %s" % (sorted(samples), sorted(set(written))))
        folds = 0
        for role, body in sorted(samples.items()):
            if '<article class="sample">' not in body or 'class="m user"' not in body or 'class="m assistant' not in body:
                fail("the samples of %r are not drawn as a conversation" % role)
            folds += body.count('<details class="fold')
        if folds == 0:
            fail("no tool call, reply or system prompt is folded in the samples")

        shot = args.screenshot or os.path.join(work, "report.png")
        # tall enough for every chart: two per row, bar charts grow with the roles
        roles = sections["roles"].count('class="bar"')
        height = 700 + 90 * roles + 150 * ((len(histograms) + 1) // 2)
        run_chromium(browser, os.path.join(work, "profile"), "--screenshot=" + os.path.abspath(shot),
                     "--window-size=1280,%d" % height, url)
        counts, white, pixels = colour_counts(shot)
        for name, count in counts.items():
            if count < 40:
                fail("the screenshot shows %d pixels of %s: the bars of that series were not drawn (%s)"
                     % (count, name, counts))
        if white == pixels:
            fail("the screenshot is blank")

    print("check-report-html: %s renders: %d charts (%d score histograms), %d bars in chromium's DOM; "
          "screenshot bar pixels %s; samples of %d roles, %d folds" % (
              args.report, len(sections), len(histograms), bars,
              ", ".join("%s %d" % kv for kv in sorted(counts.items())), len(samples), folds))


if __name__ == "__main__":
    main()
