"""A bounded load check of the web app, on loopback only.

    python benchmarks/bench_web.py [--requests 200] [--concurrency 200] [--store stories.db --story ID]

Without --store it builds a throwaway SQLite store of three hand-written articles (two
on one story), briefs that story, serves it with `storyline serve` (a subprocess) on a
free 127.0.0.1 port, and fires N story-page requests at once (httpx AsyncClient, all
in flight together). It prints the error count, the median and the 95th-percentile
latency, and the wall time; it exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from storyline.settings import load_options
from storyline.store.store import ArticleRecord, Store
from storyline.stream.cluster import StreamSettings
from storyline.stream.run import RunStats, restore
from storyline.web import create_app

ARTICLES = [
    ("a1", "ferry", "Ferry Service Resumes on the Lake\n\nThe ferry between Eastport and Westholm ran again on Monday after a week of repairs "
     "to its engine, the operator Lakeline said. \u201cPassengers can book as usual,\u201d said Lakeline spokesman Tom Berg. About 2,000 people "
     "use the crossing every day.", "Eastport Echo"),
    ("a2", "ferry", "Lakeline Ferry Back After Engine Repairs\n\nLakeline restored its Eastport-Westholm ferry on Monday, spokesman Tom Berg said, "
     "after engineers replaced a damaged engine part. The company said it would refund tickets for the cancelled week.", "Westholm Daily"),
    ("a3", "fair", "County Fair Draws Record Crowd\n\nA record 45,000 visitors came to the Ashford county fair over the weekend, its organisers "
     "said on Sunday, up from 38,000 last year.", "Ashford Herald"),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(port: int, proc: subprocess.Popen[str], timeout: float = 60) -> bool:
    end = time.time() + timeout
    while time.time() < end and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            time.sleep(0.2)
    return False


def _fill(store: Store) -> str:
    clusterer, seq = restore(store, StreamSettings(), RunStats())
    recs = [ArticleRecord(seq=seq + i, id=aid, text=text, clean_text=text, story=sid, title=text.split("\n", 1)[0], source=src,
                          published=1_700_000_000.0 + 60 * i) for i, (aid, sid, text, src) in enumerate(ARTICLES)]  # fmt: skip
    store.write_batch(recs, (seq + len(recs) - 1, clusterer.state()))
    return "ferry"


async def _fire(url: str, n: int, concurrency: int) -> tuple[list[float], list[str]]:
    sem = asyncio.Semaphore(concurrency)
    times: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:

        async def one() -> None:
            async with sem:
                t0 = time.perf_counter()
                try:
                    r = await client.get(url, headers={"accept": "text/html"})
                    if r.status_code != 200 or 'id="sources"' not in r.text:
                        errors.append(f"HTTP {r.status_code}")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__}: {exc}")
                times.append(time.perf_counter() - t0)

        await asyncio.gather(*(one() for _ in range(n)))
    return times, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--store", help="an existing store (default: a throwaway one)")
    ap.add_argument("--story", help="the story to request (must be briefed; with --store)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        store = Store(args.store or str(Path(tmp) / "bench.db"))
        if args.store:
            if not args.story:
                ap.error("--store needs --story")
            sid = args.story
        else:
            sid = _fill(store)
            app = create_app(store, load_options())
            app.state.desk.build(sid)
            app.state.jobs.close()
            store.close()
        port = _free_port()
        # the server runs in its own process (`storyline serve`), as a user would start it; this one only sends requests
        cmd = [sys.executable, "-m", "storyline", "serve", "--store", args.store or str(Path(tmp) / "bench.db"), "--port", str(port)]
        server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            if not _wait_up(port, server):
                print("the server did not start:", server.stderr.read() if server.stderr else "", file=sys.stderr)
                return 1
            t0 = time.perf_counter()
            times, errors = asyncio.run(_fire(f"http://127.0.0.1:{port}/stories/{sid}", args.requests, args.concurrency))
            wall = time.perf_counter() - t0
        finally:
            server.terminate()
            server.wait(20)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f"story page /stories/{sid}: {len(times)} requests, {args.concurrency} concurrent, errors {len(errors)}")
    print(f"latency median {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms; wall {wall:.1f} s ({len(times) / wall:.0f} req/s)")
    for e in sorted(set(errors))[:5]:
        print("  error:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
