"""Extractor speed over the 56,015-article Chosun feed corpus (a benchmark, not a test).

    .venv/bin/python bench/extract.py [--limit N] [--workers N] [--sample N] [--profile]

Reports articles/s over the whole corpus, the share the keyword gate rejects, the rate on the
articles that pass it, peak RSS, and, on a sample of gated-in articles, the extractor's rate as a
multiple of plain `Kiwi.tokenize` over the same texts in the same process. Targets (issue 2, on
2 cores): whole corpus < 180 s, >= 100 gated-in articles/s per core, peak RSS < 600 MB.
Needs ../shared (or $MOU_ALERT_SHARED); without it, says so and exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import os
import pstats
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.cli import Item, iter_jsonl  # noqa: E402
from extractors.extractor import Extractor  # noqa: E402
from extractors.model import Article, Extraction  # noqa: E402

TARGET_SECONDS = 180.0
TARGET_GATED_PER_CORE = 100.0
TARGET_RSS_MB = 600.0
BATCH = 256


def shared_dir() -> Path:
    env = os.environ.get("MOU_ALERT_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _ignore(_: str) -> None:
    pass


def run_corpus(
    extractor: Extractor, corpus: Path, limit: int | None
) -> tuple[int, float, list[Article]]:
    """Extract every article; returns (count, seconds, the articles the gate let through)."""
    items: Iterator[Item] = iter_jsonl(corpus, _ignore)
    if limit is not None:
        items = itertools.islice(items, limit)
    gated_in: list[Article] = []
    count = 0
    started = time.perf_counter()
    for batch in batches(items, BATCH):
        articles = [item.article for item in batch]
        results: list[Extraction] = extractor.extract_many(articles)
        count += len(batch)
        gated_in.extend(a for a, r in zip(articles, results, strict=True) if not r.gated_out)
    return count, time.perf_counter() - started, gated_in


def timed_extract(extractor: Extractor, articles: list[Article]) -> float:
    started = time.perf_counter()
    for start in range(0, len(articles), BATCH):
        extractor.extract_many(articles[start : start + BATCH])
    return time.perf_counter() - started


def kiwi_baseline(articles: list[Article]) -> float:
    """Seconds plain Kiwi takes to tokenize the same articles' title and cleaned text."""
    from kiwipiepy import Kiwi

    from extractors.cleaning import article_text

    texts = [f"{a.title}\n{article_text(a.body)}" for a in articles]
    kiwi = Kiwi()
    kiwi.tokenize("워밍업 문장이다.")
    started = time.perf_counter()
    for _ in kiwi.tokenize(texts):
        pass
    return time.perf_counter() - started


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=1, help="Kiwi worker threads")
    parser.add_argument(
        "--sample", type=int, default=500, help="gated-in articles for the baseline"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the gated-in pass")
    args = parser.parse_args(argv)

    corpus = shared_dir() / "corpus" / "chosun-national.jsonl.gz"
    if not corpus.exists():
        print(f"bench/extract.py: {corpus} not found (no ../shared here); nothing to measure.")
        return 0

    cores = os.cpu_count() or 1
    extractor = Extractor(num_workers=args.workers)
    started = time.perf_counter()
    extractor.extract(Article(title="한불 MOU 체결", body="양국은 업무협약을 체결했다."))
    load_seconds = time.perf_counter() - started

    count, seconds, gated_in = run_corpus(extractor, corpus, args.limit)
    gated_share = 1 - len(gated_in) / count if count else 0.0
    rss_after_corpus = peak_rss_mb()

    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    gated_seconds = timed_extract(extractor, gated_in)
    if profiler is not None:
        profiler.disable()
    gated_rate = len(gated_in) / gated_seconds if gated_seconds else float("inf")
    per_core = gated_rate / max(1, args.workers)

    sample = gated_in[: args.sample]
    sample_seconds = timed_extract(extractor, sample)
    kiwi_seconds = kiwi_baseline(sample)

    projected = seconds * (56_015 / count) if count else 0.0
    print(f"corpus: {corpus.name}, {count} articles, {cores} cores, Kiwi workers {args.workers}")
    print(f"extractor load (Kiwi build + first article): {load_seconds:.2f} s")
    print(
        f"whole corpus: {seconds:.1f} s, {count / seconds:.0f} articles/s"
        f" (all 56,015: ~{projected:.0f} s, target < {TARGET_SECONDS:.0f} s:"
        f" {verdict(projected < TARGET_SECONDS)})"
    )
    print(f"gated out: {gated_share:.1%} ({count - len(gated_in)} of {count})")
    print(
        f"gated-in articles: {len(gated_in)} in {gated_seconds:.1f} s = {gated_rate:.0f}/s,"
        f" {per_core:.0f}/s per core (target >= {TARGET_GATED_PER_CORE:.0f}:"
        f" {verdict(per_core >= TARGET_GATED_PER_CORE)})"
    )
    print(
        f"peak RSS: {rss_after_corpus:.0f} MB (target < {TARGET_RSS_MB:.0f}:"
        f" {verdict(rss_after_corpus < TARGET_RSS_MB)})"
    )
    if sample and sample_seconds and kiwi_seconds:
        print(
            f"baseline on {len(sample)} gated-in articles:"
            f" extractor {len(sample) / sample_seconds:.0f}/s,"
            f" plain Kiwi.tokenize of the whole text {len(sample) / kiwi_seconds:.0f}/s"
            f" -> extractor is {kiwi_seconds / sample_seconds:.2f}x Kiwi's rate"
        )
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
