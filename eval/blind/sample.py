"""Draw the blind evaluation set: a seeded, stratified sample of both archives in ../shared that
no labelled set holds, written out for readers who see only LABELS.md and the article.

    python eval/blind/sample.py [--shared ../shared] [--out /tmp/blind] [--set near-foreign]

Writes eval/blind/sample.jsonl (url, archive, stratum: what is committed) and one text file per
article under --out (what the readers read; the archives are not ours to commit). Strata, per
archive: "agreement+foreign" (an agreement word and a foreign country's name), "agreement" (an
agreement word only), "neither"; sizes in PER_ARCHIVE. Economy items published on or after
2026-02-15 are never drawn: they are kept for the project's external evaluation.

``--set near-foreign`` draws the second, foreign-dense set after the first: every remaining
unlabelled article in which a foreign country's name stands at most 60 characters before an
agreement word (the first set holds only 16 articles with a foreign counterpart, too few to
measure country recall). Its files are near-foreign-sample.jsonl, ids n001...

The strata use the project's gazetteer of Korean country names, which grows: to draw a set again
exactly, check out the commit that added its sample file.

``--set train`` draws 400 training articles (eval/train/, ids t001...) from what remains: the
extractor may be tuned on them, never on the blind sets.

``--set fresh`` (third round of issue 9) draws a fresh blind set after the first was spent (its
misses were read once after scoring, so it became training data): 200 articles from what no
set holds yet, sizes in FRESH (eval/blind/fresh-sample.jsonl, ids f001...). ``--set train2`` then
takes every remaining unlabelled article with an agreement word for training
(eval/train/more-sample.jsonl, ids u001...).

``--set fresh2`` (seventh round) draws the third blind set: after train2 no unlabelled article
with an agreement word is left, so it samples articles that tell a deal with another word and no
agreement noun (맞손, 손잡고, 제휴, 파트너십; `DEAL_WORD`), outside every labelled set, both
blind samples and every source a black-box set's writer rewrote (eval/blind/fresh2-sample.jsonl,
ids d001..., sizes in FRESH2).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extractors.cleaning import article_text, strip_tags
from extractors.gazetteer import korean_names

SEED = 20261207
# Sizes per archive and stratum. The economy archive before the cutoff has only ~100 unlabelled
# items with an agreement word and a foreign name, so it gives 90 of them and more of the rest.
PER_ARCHIVE = {
    "chosun": {"agreement+foreign": 120, "agreement": 70, "neither": 30},
    "tera": {"agreement+foreign": 90, "agreement": 90, "neither": 30},
}
# The fresh blind set: what remains has no economy item with a foreign name before the cutoff,
# and only ~80 national-news articles with one, so it takes half of those.
FRESH = {
    "chosun": {"agreement+foreign": 40, "agreement": 80, "neither": 10},
    "tera": {"agreement": 60, "neither": 10},
}
ECONOMY_CUTOFF = "2026-02-15"
AGREEMENT = re.compile(r"MOU|양해각서|업무협약|협약|협정|약정|의향서|LOI")
HERE = Path(__file__).resolve().parent
NEAR_WINDOW = 60


def _foreign_names() -> re.Pattern[str]:
    names = sorted((n for n, c in korean_names().items() if c != "KR" and len(n) >= 2), key=len)
    return re.compile("|".join(re.escape(n) for n in reversed(names)))


def _labelled_urls(corpus: Path) -> set[str]:
    urls: set[str] = set()
    for gold in corpus.rglob("*gold.jsonl"):
        for line in gold.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                urls |= {row[k] for k in ("url", "source") if row.get(k)}
    return urls


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _candidates(corpus: Path, taken: set[str]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(archive, row, title and text) of every article a set may draw: not in `taken`, and for
    the economy feed published before the cutoff."""
    archives = (("chosun", "chosun-national.jsonl.gz"), ("tera", "tera-economy.jsonl.gz"))
    for archive, file in archives:
        for row in _rows(corpus / file):
            if row["url"] in taken:
                continue
            if archive == "tera" and str(row.get("published", "")) >= ECONOMY_CUTOFF:
                continue
            yield (
                archive,
                row,
                f"{row.get('title', '')}\n{row.get('html') or row.get('text') or ''}",
            )


def _urls_of(*names: str) -> set[str]:
    return {
        json.loads(line)["url"]
        for name in names
        for line in (HERE / name).read_text("utf-8").splitlines()
    }


STRATA = ("agreement+foreign", "agreement", "neither")


def _taken_before_fresh(shared: Path) -> set[str]:
    taken = _labelled_urls(shared / "corpus")
    return taken | _urls_of("sample.jsonl", "near-foreign-sample.jsonl", "../train/sample.jsonl")


def draw_fresh(shared: Path) -> list[dict[str, Any]]:
    return draw(shared, FRESH, _taken_before_fresh(shared), SEED + 2)


def draw_training_rest(shared: Path) -> list[dict[str, Any]]:
    """Every article no set holds after the fresh blind set that has an agreement word."""
    taken = _taken_before_fresh(shared) | _urls_of("fresh-sample.jsonl")
    foreign = _foreign_names()
    sample = [
        {"url": row["url"], "archive": archive, "stratum": name, "row": row}
        for archive, row, text in _candidates(shared / "corpus", taken)
        if (name := stratum("", text, foreign)) != "neither"
    ]
    random.Random(SEED + 3).shuffle(sample)
    return sample


# Deals told without an agreement noun ("A사, B사와 맞손", "손잡고", "전략적 제휴", "파트너십"):
# the seventh round found every unlabelled article with an agreement word already drawn.
DEAL_WORD = re.compile(r"맞손|손(?:을)?\s?잡(?!이)|제휴|파트너십|협력\s?각서|MOA")
FRESH2 = {"chosun": 80, "tera": 120}


def _sweep_sources() -> set[str]:
    """Urls the black-box sets' writers rewrote (eval/sweeps/round*/*/sources.txt)."""
    urls: set[str] = set()
    for path in (HERE.parent / "sweeps").glob("round*/*/sources.txt"):
        for line in path.read_text("utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) >= 2 and fields[1].startswith("http"):
                urls.add(fields[1].strip())
    return urls


def draw_fresh2(shared: Path) -> list[dict[str, Any]]:
    """The seventh round's blind set: articles with a deal word and no agreement noun, outside
    every labelled set, both blind sets' samples and every rewrite's source (sizes in FRESH2)."""
    taken = _taken_before_fresh(shared) | _urls_of(
        "fresh-sample.jsonl", "../train/more-sample.jsonl"
    )
    taken |= _sweep_sources()
    foreign = _foreign_names()
    pools: dict[str, list[dict[str, Any]]] = {"chosun": [], "tera": []}
    for archive, row, text in _candidates(shared / "corpus", taken):
        plain = strip_tags(text)
        if stratum("", text, foreign) == "neither" and DEAL_WORD.search(plain):
            pools[archive].append(
                {"url": row["url"], "archive": archive, "stratum": "deal-word", "row": row}
            )
    rng = random.Random(SEED + 4)
    sample: list[dict[str, Any]] = []
    for archive, n in FRESH2.items():
        pool = sorted(pools[archive], key=lambda item: item["url"])
        sample += rng.sample(pool, min(n, len(pool)))
    rng.shuffle(sample)
    return sample


def stratum(title: str, body: str, foreign: re.Pattern[str]) -> str:
    text = f"{title}\n{strip_tags(body)}"
    if not AGREEMENT.search(text):
        return "neither"
    return "agreement+foreign" if foreign.search(text) else "agreement"


def draw(
    shared: Path,
    sizes_by_archive: dict[str, dict[str, int]] = PER_ARCHIVE,
    taken: set[str] | None = None,
    seed: int = SEED,
) -> list[dict[str, Any]]:
    foreign = _foreign_names()
    rng = random.Random(seed)
    pools: dict[tuple[str, str], list[dict[str, Any]]] = {
        (archive, name): [] for archive in ("chosun", "tera") for name in STRATA
    }
    taken = _labelled_urls(shared / "corpus") if taken is None else taken
    for archive, row, text in _candidates(shared / "corpus", taken):
        pools[archive, stratum("", text, foreign)].append(row)
    sample: list[dict[str, Any]] = []
    for archive, sizes in sizes_by_archive.items():
        for name, n in sizes.items():
            pool = sorted(pools[archive, name], key=lambda r: r["url"])
            for row in rng.sample(pool, n):
                sample.append({"url": row["url"], "archive": archive, "stratum": name, "row": row})
    rng.shuffle(sample)
    return sample


def draw_near_foreign(shared: Path) -> list[dict[str, Any]]:
    taken = _labelled_urls(shared / "corpus") | _urls_of("sample.jsonl")
    foreign = _foreign_names()
    near = re.compile(rf"(?:{foreign.pattern}).{{0,{NEAR_WINDOW}}}(?:{AGREEMENT.pattern})", re.S)
    sample = [
        {"url": row["url"], "archive": archive, "stratum": "near-foreign", "row": row}
        for archive, row, text in _candidates(shared / "corpus", taken)
        if near.search(strip_tags(text))
    ]
    random.Random(SEED).shuffle(sample)
    return sample


def draw_training(shared: Path, size: int = 400) -> list[dict[str, Any]]:
    """Training articles (never blind): a seeded draw of the remaining unlabelled articles with
    an agreement word, half with a foreign name, outside both blind sets and every gold set."""
    taken = _labelled_urls(shared / "corpus")
    taken |= _urls_of("sample.jsonl", "near-foreign-sample.jsonl")
    foreign = _foreign_names()
    pools: dict[str, list[dict[str, Any]]] = {"agreement+foreign": [], "agreement": []}
    for archive, row, text in _candidates(shared / "corpus", taken):
        name = stratum("", text, foreign)
        if name in pools:
            pools[name].append({"url": row["url"], "archive": archive, "stratum": name, "row": row})
    rng = random.Random(SEED + 1)
    sample: list[dict[str, Any]] = []
    for pool in pools.values():
        pool.sort(key=lambda item: item["url"])
        sample += rng.sample(pool, min(len(pool), size // 2))
    rng.shuffle(sample)
    return sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[2] / "shared")
    parser.add_argument("--out", type=Path, default=Path("/tmp/blind"))
    sets = ["stratified", "near-foreign", "train", "fresh", "train2", "fresh2"]
    parser.add_argument("--set", choices=sets, default="stratified")
    args = parser.parse_args()
    if args.set == "stratified":
        sample, index_name, prefix = draw(args.shared), "sample.jsonl", "b"
    elif args.set == "near-foreign":
        sample, index_name = draw_near_foreign(args.shared), "near-foreign-sample.jsonl"
        prefix = "n"
    elif args.set == "train":
        sample, index_name, prefix = draw_training(args.shared), "../train/sample.jsonl", "t"
    elif args.set == "fresh":
        sample, index_name, prefix = draw_fresh(args.shared), "fresh-sample.jsonl", "f"
    elif args.set == "fresh2":
        sample, index_name, prefix = draw_fresh2(args.shared), "fresh2-sample.jsonl", "d"
    else:
        sample, index_name = draw_training_rest(args.shared), "../train/more-sample.jsonl"
        prefix = "u"
    args.out.mkdir(parents=True, exist_ok=True)
    with (HERE / index_name).open("w", encoding="utf-8") as index:
        for i, item in enumerate(sample, 1):
            row = item.pop("row")
            item = {"id": f"{prefix}{i:03d}", **item}
            index.write(json.dumps(item, ensure_ascii=False) + "\n")
            text = article_text(row.get("html") or row.get("text") or "")
            page = f"url: {row['url']}\npublished: {row.get('published', '')}\n"
            page += f"title: {row.get('title', '')}\n\n{text}\n"
            (args.out / f"{item['id']}.txt").write_text(page, "utf-8")
    print(f"{len(sample)} articles -> {args.out}, index {HERE / index_name}")


if __name__ == "__main__":
    main()
