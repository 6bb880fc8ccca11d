"""The Extractor contract other parts rely on: lazy Kiwi, batches in order, the default."""

from __future__ import annotations

import extractors
from extractors import Article, Extraction, Extractor
from extractors.model import NOT_MOU

NEWS = Article(
    title="A시, 독일 B사와 수소 협력 MOU 체결",
    body="A시는 14일 시청에서 독일 B사와 수소 충전소 구축을 위한 업무협약(MOU)을 체결했다.",
)
WEATHER = Article(title="내일 전국 맑음", body="전국이 대체로 맑겠고 낮 최고기온은 25도다.")


def test_a_gated_out_batch_never_loads_kiwi() -> None:
    extractor = Extractor()
    results = extractor.extract_many([WEATHER, WEATHER])
    assert results == [NOT_MOU, NOT_MOU]
    assert all(r.gated_out and not r.is_mou for r in results)
    assert not extractor.analyzer.loaded


def test_batch_keeps_order_and_matches_single_calls(kiwi_extractor: Extractor) -> None:
    batch = kiwi_extractor.extract_many([WEATHER, NEWS, WEATHER, NEWS])
    assert [r.is_mou for r in batch] == [False, True, False, True]
    assert batch[1] == kiwi_extractor.extract(NEWS)
    assert batch[1].countries == ("DE",)
    assert "energy" in batch[1].sectors


def test_gate_on_the_raw_body_keeps_what_markup_hides(kiwi_extractor: Extractor) -> None:
    """The gate reads the raw body before cleaning; words behind numeric character references
    ("&#54801;&#50557;" is 협약) are still seen, so such an article is not gated out."""
    encoded = "".join(f"&#{ord(c)};" if c in "협약체결" else c for c in NEWS.body)
    result = kiwi_extractor.extract(Article(title="A시 소식", body=f"<p>{encoded}</p>"))
    assert not result.gated_out and result.is_mou


def test_empty_batch() -> None:
    assert Extractor().extract_many([]) == []


def test_default_extract_is_one_shared_extractor() -> None:
    assert extractors.default_extractor() is extractors.default_extractor()
    result = extractors.extract(WEATHER)
    assert isinstance(result, Extraction) and result.gated_out


def test_to_json_round_trip_shape(kiwi_extractor: Extractor) -> None:
    data = kiwi_extractor.extract(NEWS).to_json()
    assert data["is_mou"] is True and data["countries"] == ["DE"]
    assert isinstance(data["parties"], list) and isinstance(data["summary"], str)
