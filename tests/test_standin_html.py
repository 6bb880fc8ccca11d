"""The stand-in's Telegram HTML check: what Telegram accepts, what it rejects and how it says so."""

from __future__ import annotations

import pytest

from devtools.standin.html import EntityError, parse_html, strip_text


def kinds(source: str) -> list[tuple[str, str]]:
    parsed = parse_html(source)
    return [(e.type, parsed.text[e.start : e.end]) for e in parsed.entities]


@pytest.mark.parametrize(
    ("source", "text", "entities"),
    [
        ("<b>bold</b> <strong>s</strong>", "bold s", [("bold", "bold"), ("bold", "s")]),
        ("<i>i</i><em>e</em>", "ie", [("italic", "i"), ("italic", "e")]),
        ("<u>u</u><ins>n</ins>", "un", [("underline", "u"), ("underline", "n")]),
        ("<s>a</s><strike>b</strike><del>c</del>", "abc", [("strikethrough", c) for c in "abc"]),
        (
            '<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>',
            "xy",
            [("spoiler", "x"), ("spoiler", "y")],
        ),
        ("<code>x = 1</code>", "x = 1", [("code", "x = 1")]),
        ("<pre>block</pre>", "block", [("pre", "block")]),
        ("<blockquote>q</blockquote>", "q", [("blockquote", "q")]),
        ("<blockquote expandable>q</blockquote>", "q", [("expandable_blockquote", "q")]),
        ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍", [("custom_emoji", "👍")]),
        ("<b>a <i>b</i></b>", "a b", [("bold", "a b"), ("italic", "b")]),
        ("&lt;tag&gt; &amp; &quot;q&quot; &#39; &#x1F1EB;", '<tag> & "q" \' 🇫', []),
        ("1 > 0", "1 > 0", []),
        ("<B>caps</B>", "caps", [("bold", "caps")]),
        ("<b>x</>", "x", [("bold", "x")]),
        ("<b></b>empty", "empty", []),
    ],
)
def test_valid_html(source: str, text: str, entities: list[tuple[str, str]]) -> None:
    assert parse_html(source).text == text
    assert kinds(source) == entities


def test_links_keep_their_url_and_decode_attribute_entities() -> None:
    parsed = parse_html('<a href="https://x.kr/a?b=1&amp;c=2">기사</a>')
    [link] = parsed.entities
    assert (link.type, link.url) == ("text_link", "https://x.kr/a?b=1&c=2")
    assert parse_html("<a href='tg://user?id=42'>him</a>").entities[0].type == "text_mention"


def test_pre_with_code_language_becomes_one_pre_entity() -> None:
    parsed = parse_html('<pre><code class="language-python">print(1)</code></pre>')
    assert [(e.type, e.language) for e in parsed.entities] == [("pre", "python")]
    assert parse_html('<code class="language-go">x</code>').entities[0].language is None


def test_offsets_are_utf16_units_for_telegram() -> None:
    parsed = parse_html("🇫🇷 <b>프랑스</b> AI")
    assert parsed.telegram_entities() == [{"type": "bold", "offset": 5, "length": 3}]


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("line<br>break", 'Unsupported start tag "br" at byte offset 4'),
        ("<script>alert(1)</script>", 'Unsupported start tag "script" at byte offset 0'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("x <b", "Unclosed start tag at byte offset 2"),
        ("</b>", "Unexpected end tag at byte offset 0"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a href>x</a>", "Expected equal sign in declaration of an attribute of the tag "
         '"a" at byte offset 0'),
        ('<a href="x', "Unclosed start tag at byte offset 0"),
        ("<tg-emoji emoji-id=abc>x</tg-emoji>", "Invalid custom emoji identifier specified"),
        ("한국 <p>", 'Unsupported start tag "p" at byte offset 7'),
        ("AT&T", 'Character "&" at byte offset 2 must be escaped as &amp;'),
        ("a &nbsp; b", 'Character "&" at byte offset 2 must be escaped as &amp;'),
        ("&amp without semicolon", 'Character "&" at byte offset 0 must be escaped as &amp;'),
        ("&#xD800;", "Text contains invalid Unicode characters after decoding HTML entities, "
         "check for unmatched surrogate code units"),
    ],
)  # fmt: skip
def test_invalid_html_is_rejected_with_telegrams_words(source: str, why: str) -> None:
    with pytest.raises(EntityError) as err:
        parse_html(source)
    assert str(err.value) == why


def test_lenient_mode_shows_a_stray_ampersand_as_telegram_does() -> None:
    assert parse_html("AT&T &nbsp; &amp", strict=False).text == "AT&T &nbsp; &"


def test_whitespace_is_trimmed_and_entities_clipped() -> None:
    parsed = strip_text(parse_html("  <b> hi </b>\n"))
    assert parsed.text == "hi"
    assert parsed.telegram_entities() == [{"type": "bold", "offset": 0, "length": 2}]
