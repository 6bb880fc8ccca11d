"""How well ``subscriptions.stories`` groups real reprints of one MOU into one story.

Reads ../shared/corpus/tera-economy.jsonl.gz (nine outlets' economy feeds, Jan-Feb 2026, the
feed's lead paragraph per item: what the poller sees before fetching a page) and the labels in
corpus/dev/tera-gold.jsonl. Three measurements:

1. gold clusters: labelled MOU items grouped by hand-checkable rules (shared signing party,
   same countries, dates within 3 days); pairwise precision/recall of the story grouping on
   them, with the labelled facts as input (the grouping function alone) and with the extractor's
   facts (the pipeline as it runs), for the rules before and as each was added (``Rules``);
2. the whole corpus through the extractor and the grouping, in publication order, as the
   repository does it (candidates: stories first seen in the last 7 days sharing a country):
   how many stories, how many with several items and outlets;
3. the multi-item stories and the closest unmerged pairs, printed for a reader to check.

    .venv/bin/python bench/stories.py [--show 25] [--new 30] [--threshold 0.6]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import os
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from extractors.extractor import Extractor
from extractors.gate import passes_gate
from extractors.model import Article, Extraction
from subscriptions import stories
from subscriptions.stories import StoryFacts, best_match

ROOT = Path(__file__).resolve().parents[1]

SHARED = Path(os.environ.get("MOU_ALERT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "tera-economy.jsonl.gz"
GOLD = SHARED / "corpus" / "dev" / "tera-gold.jsonl"
WINDOW = dt.timedelta(days=7)
_PAREN = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True)
class Item:
    url: str
    title: str
    text: str
    published: dt.datetime
    outlet: str


def load() -> tuple[list[Item], dict[str, dict]]:
    items = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            published = dt.datetime.fromisoformat(r["published"].replace("Z", "+00:00"))
            items.append(Item(r["url"], r["title"], r.get("text") or "", published, r["publisher"]))
    gold = {g["url"]: g for g in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())}
    return items, gold


# --- grouping as the repository does it ---------------------------------------------------------

Score = Callable[[StoryFacts, StoryFacts], float]


def group(facts: Sequence[tuple[dt.datetime, StoryFacts]], score: Score | None = None) -> list[int]:
    """Story index per report, in the given (publication) order, like ``record_item``:
    candidates are stories first seen within 7 days that share a country (or, for a report
    with no country, have none); the report joins the best-scoring one or starts a story.
    ``score`` None: ``stories.best_match``, exactly as the repository runs it."""
    story_facts: list[StoryFacts] = []
    story_seen: list[dt.datetime] = []
    assigned = []
    for seen, new in facts:
        candidates = [
            (i, f)
            for i, f in enumerate(story_facts)
            if story_seen[i] >= seen - WINDOW
            and (bool(f.countries & new.countries) if new.countries else not f.countries)
        ]
        if score is None:
            match = best_match(candidates, new)
        else:
            scored = [(score(f, new), i) for i, f in candidates]
            good = [(s, i) for s, i in scored if s >= stories.SAME_STORY_THRESHOLD]
            match = max(good)[1] if good else None
        if match is None:
            story_facts.append(new)
            story_seen.append(seen)
            match = len(story_facts) - 1
        assigned.append(match)
    return assigned


@dataclass(frozen=True)
class Rules:
    """Which of the grouping rules to apply: the repository runs all three
    (``stories.story_score``); with none, the rules before they were measured here."""

    aliases: bool = True
    """A bracketed name is an alias ("KAI(한국항공우주산업)" matches either name)."""
    publication_dates: bool = True
    """Dates gate on signing dates when both reports give one, else on publication dates
    (without: the signing date, else the publication date, of each side)."""
    text_carries: bool = True
    """A close enough text merges on its own, whatever the parties..."""
    unless_contradicted: bool = True
    """... unless no party of either side is named by the other (parties or text)."""


BEFORE = Rules(aliases=False, publication_dates=False, text_carries=False)


def _plain_party_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float | None:
    """The party comparison before aliases: each name normalized as a whole."""
    left = {n for n in map(stories.normalize_party, a) if n}
    right = {n for n in map(stories.normalize_party, b) if n}
    if not left or not right:
        return None
    small, big = (left, right) if len(left) <= len(right) else (right, left)
    found = sum(max(stories._party_ratio(x, y) for y in big) >= stories.PARTY_MATCH for x in small)
    return found / len(small)


def scorer(rules: Rules) -> Score:
    def score(candidate: StoryFacts, new: StoryFacts) -> float:
        if candidate.countries != new.countries:
            return 0.0
        if rules.publication_dates:
            days = candidate.days_apart(new)
        else:
            a = candidate.signed or candidate.published
            b = new.signed or new.published
            days = abs((a - b).days) if a and b else None
        if days is not None and days > stories.MAX_DAYS_APART:
            return 0.0
        text = stories.text_similarity(candidate.text, new.text)
        by_text = min(1.0, text * stories.SAME_STORY_THRESHOLD / stories.TEXT_ONLY_THRESHOLD)
        similarity = stories.party_similarity if rules.aliases else _plain_party_similarity
        parties = similarity(candidate.parties, new.parties)
        if parties is None:
            return by_text
        both = stories.W_PARTIES * parties + stories.W_TEXT * text
        if not rules.text_carries:
            return both
        contradicted = parties == 0 and not stories._parties_overlap(candidate, new)
        if rules.unless_contradicted and by_text > both and contradicted:
            return both
        return max(both, by_text)

    return score


# --- gold clusters -------------------------------------------------------------------------------


def _parties(partners: list[list[str]]) -> list[set[str]]:
    """Each named party as a set of aliases: as written and inside/outside its brackets,
    without spaces ("한국항공우주산업(KAI)" -> {"한국항공우주산업", "KAI"})."""
    parties = []
    for party in dict.fromkeys(itertools.chain.from_iterable(partners)):
        aliases = {re.sub(r"\s+", "", p) for p in [_PAREN.sub("", party), *_PAREN.findall(party)]}
        parties.append({a for a in aliases if len(a) >= 2})
    return parties


def _same_parties(a: list[list[str]], b: list[list[str]]) -> bool:
    """Every party of the side naming fewer is named on the other side."""
    left, right = _parties(a), _parties(b)
    small, big = (left, right) if len(left) <= len(right) else (right, left)
    return bool(small) and all(any(p & q for q in big) for p in small)


# Same MOU, checked by reading, that the rules below cannot see: a lead naming no party, and
# a parent company named where the other reports name its two subsidiaries.
MANUAL_SAME = [
    ("https://www.asiae.co.kr/article/2026020909212653526", "https://biz.heraldcorp.com/article/10672312"),
    ("http://www.edaily.co.kr/news/newspath.asp?newsid=02955286645349864", "https://biz.heraldcorp.com/article/10675136"),
]  # fmt: skip


def gold_clusters(urls: list[str], gold: dict[str, dict], items: dict[str, Item]) -> list[int]:
    """Same MOU: the same countries, every party of one side named by the other, signing
    dates (else publication dates) within 3 days."""
    parent = list(range(len(urls)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(urls)), 2):
        a, b = gold[urls[i]], gold[urls[j]]
        if set(a["countries"]) != set(b["countries"]) or not _same_parties(
            a["partners"], b["partners"]
        ):
            continue
        if a["date"] and b["date"]:
            days = (dt.date.fromisoformat(a["date"]) - dt.date.fromisoformat(b["date"])).days
        else:  # one lead gives no signing day: compare when they were published
            days = (items[urls[i]].published - items[urls[j]].published).days
        if abs(days) <= 3:
            parent[find(i)] = find(j)
    index = {u: i for i, u in enumerate(urls)}
    for a_url, b_url in MANUAL_SAME:
        if a_url in index and b_url in index:
            parent[find(index[a_url])] = find(index[b_url])
    return [find(i) for i in range(len(urls))]


def pairs(labels: Sequence[int | None]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(labels)), 2)
        if labels[i] is not None and labels[i] == labels[j]
    }


def precision_recall(truth: set[tuple[int, int]], got: set[tuple[int, int]]) -> str:
    tp = len(truth & got)
    p = tp / len(got) if got else 1.0
    r = tp / len(truth) if truth else 1.0
    return f"precision {p:.2f} ({tp}/{len(got)}), recall {r:.2f} ({tp}/{len(truth)})"


def facts_of(item: Item, ex: Extraction) -> StoryFacts:
    return StoryFacts.of(ex.countries, ex.parties, ex.date, item.published, item.title, ex.summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=25, help="multi-item stories to print")
    parser.add_argument(
        "--new", type=int, default=30, help="stories merged only by the new rules to print"
    )
    parser.add_argument("--threshold", type=float, default=stories.SAME_STORY_THRESHOLD)
    args = parser.parse_args()
    if not CORPUS.exists() or not GOLD.exists():
        raise SystemExit(f"needs {CORPUS} and {GOLD} (../shared is not part of a clone)")
    stories.SAME_STORY_THRESHOLD = args.threshold

    items, gold = load()
    by_url = {i.url: i for i in items}
    candidates = [i for i in items if passes_gate(i.title, i.text)]
    extracted = Extractor(num_workers=1).extract_many(
        Article(i.title, i.text, i.url, i.published) for i in candidates
    )
    mous = sorted(
        ((i, e) for i, e in zip(candidates, extracted, strict=True) if e.is_mou),
        key=lambda p: p[0].published,
    )
    print(
        f"corpus: {len(items)} items, {len(candidates)} pass the gate, {len(mous)} MOUs extracted"
    )
    print(f"story threshold {stories.SAME_STORY_THRESHOLD}, window {WINDOW.days} days\n")

    # 1. gold clusters ---------------------------------------------------------------------
    gold_urls = sorted(
        (u for u, g in gold.items() if g["is_mou"] and u in by_url),
        key=lambda u: by_url[u].published,
    )
    truth_labels = gold_clusters(gold_urls, gold, by_url)
    truth = pairs(truth_labels)
    multi = [c for c, n in Counter(truth_labels).items() if n > 1]
    print(
        f"gold: {len(gold_urls)} labelled MOU items, {len(multi)} reprint clusters,"
        f" {len(truth)} pairs"
    )
    extraction_of = {i.url: e for i, e in mous}
    found = sum(u in extraction_of for u in gold_urls)
    print(f"  {found}/{len(gold_urls)} labelled MOUs are extracted as MOUs\n")

    def labelled(u: str) -> StoryFacts:
        g, item = gold[u], by_url[u]
        signed = dt.date.fromisoformat(g["date"]) if g["date"] else None
        return StoryFacts.of(
            g["countries"], g["partners"], signed, item.published, item.title, item.text
        )

    variants: list[tuple[str, Score | None]] = [
        ("before (no rule below)", scorer(BEFORE)),
        ("bracketed names as aliases", scorer(replace(BEFORE, aliases=True))),
        ("+ publication dates for the gate", scorer(Rules(text_carries=False))),
        ("+ text alone can carry", scorer(Rules(unless_contradicted=False))),
        ("  ... unless the parties contradict", scorer(Rules())),
        ("stories.story_score (the repository)", None),
    ]
    print(f"  {'grouping (pairwise on gold)':38} {'labelled facts in':46} extractor facts in")
    labels_of: dict[str, list[int | None]] = {}
    corpus_stories: dict[str, int] = {}
    for name, score in variants:
        oracle = group([(by_url[u].published, labelled(u)) for u in gold_urls], score)
        grouped = group([(i.published, facts_of(i, e)) for i, e in mous], score)
        corpus_stories[name.strip(" .+")] = len(set(grouped))
        stories_of = dict(zip([i.url for i, _ in mous], grouped, strict=True))
        labels_of[name] = [stories_of.get(u) for u in gold_urls]
        print(
            f"  {name:38} {precision_recall(truth, pairs(oracle)):46} "
            f"{precision_recall(truth, pairs(labels_of[name]))}"
        )
    pipeline_labels = labels_of["stories.story_score (the repository)"]
    print(
        "  stories formed from the whole corpus: "
        + ", ".join(f"{name}: {n}" for name, n in corpus_stories.items())
    )
    missed = sorted(truth - pairs(pipeline_labels))
    if missed:
        print("\n  missed gold pairs (the repository's rules, extractor facts):")
        for i, j in missed[:12]:
            a, b = gold_urls[i], gold_urls[j]
            print(f"    - {by_url[a].outlet}: {by_url[a].title[:60]}")
            print(f"      {_facts_line(extraction_of.get(a))}")
            print(f"    + {by_url[b].outlet}: {by_url[b].title[:60]}")
            print(f"      {_facts_line(extraction_of.get(b))}")
    wrong = sorted(pairs(pipeline_labels) - truth)
    if wrong:
        print("  merged but not the same gold MOU (the repository's rules, extractor facts):")
        for i, j in wrong[:12]:
            print(
                f"    = {by_url[gold_urls[i]].title[:70]}\n      {by_url[gold_urls[j]].title[:70]}"
            )
    story_of_url = dict(
        zip(
            [i.url for i, _ in mous],
            group([(i.published, facts_of(i, e)) for i, e in mous]),
            strict=True,
        )
    )

    # 2. the whole corpus -------------------------------------------------------------------
    labels = [story_of_url[i.url] for i, _ in mous]
    sizes = Counter(labels)
    members: dict[int, list[tuple[Item, Extraction]]] = defaultdict(list)
    for (item, ex), story in zip(mous, labels, strict=True):
        members[story].append((item, ex))
    several = {s: m for s, m in members.items() if len(m) > 1}
    outlets = {s: len({i.outlet for i, _ in m}) for s, m in several.items()}
    print(f"\nwhole corpus: {len(mous)} MOU reports -> {len(sizes)} stories")
    print(
        f"  {len(several)} stories with several reports ({sum(map(len, several.values()))} reports)"
    )
    print(f"  {sum(n > 1 for n in outlets.values())} of them from several outlets")
    print(f"  reports per story: {sorted(Counter(sizes.values()).items())}")
    same_outlet = sum(len(m) - len({i.outlet for i, _ in m}) for m in several.values())
    print(f"  reports attached to a story of their own outlet: {same_outlet}")

    # 3. for a reader ----------------------------------------------------------------------
    before = dict(
        zip(
            [i.url for i, _ in mous],
            group([(i.published, facts_of(i, e)) for i, e in mous], scorer(BEFORE)),
            strict=True,
        )
    )
    changed = sorted(s for s, m in several.items() if len({before[i.url] for i, _ in m}) > 1)
    new_pairs = sum(
        before[a.url] != before[b.url]
        for m in several.values()
        for (a, _), (b, _) in itertools.combinations(m, 2)
    )
    print(
        f"\n{len(changed)} stories hold reports the rules before kept apart ({new_pairs} new"
        f" pairs); {min(args.new, len(changed))} shown (check: one MOU each?), [n] = story before"
    )
    for s in rng_sample(changed, args.new):
        print(f"  story {s}:")
        for item, ex in members[s]:
            print(
                f"    [{before[item.url]}] [{item.outlet} {item.published:%m-%d %H:%M}]"
                f" {item.title[:70]}"
            )
            print(f"        {_facts_line(ex)}")

    rng = random.Random(4)
    shown = rng.sample(sorted(several), min(args.show, len(several)))
    print(f"\n{len(shown)} random multi-report stories (check: one MOU each?)")
    for s in sorted(shown):
        print(f"  story {s}:")
        for item, ex in members[s]:
            print(f"    [{item.outlet} {item.published:%m-%d %H:%M}] {item.title[:70]}")
            print(f"        {_facts_line(ex)}")


def rng_sample(values: list[int], n: int) -> list[int]:
    return sorted(random.Random(7).sample(values, min(n, len(values))))


def _facts_line(ex: Extraction | None) -> str:
    if ex is None:
        return "(not extracted as an MOU)"
    parties = "; ".join("/".join(p) for p in ex.parties)
    return f"countries={','.join(ex.countries) or '-'} parties={parties or '-'} date={ex.date}"


if __name__ == "__main__":
    main()
