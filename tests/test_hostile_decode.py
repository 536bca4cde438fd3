"""Decoding lying, missing and mixed charsets without mojibake."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.inputs.decode import clean_text, decode_bytes, maybe_gunzip, sniff_utf16

FR = ("Le café de la gare a été rénové: crème brûlée, naïveté, où ça? Über Straße — "
      "«déjà vu» 20 €. Ils ont reçu une leçon.")
JA = ("港湾委員会は火曜日に会合を開き、新しいフェリーターミナルの計画を検討した。"
      "委員たちは古い桟橋を再建する必要があることで合意した。")
ZH = "港口委员会星期二开会，审查新渡轮码头的计划。委员们一致认为旧码头必须重建。"
TW = "港口委員會星期二開會，審查新渡輪碼頭的計劃。委員們一致認為舊碼頭必須重建。"
KO = ("항만 위원회는 화요일에 회의를 열어 새 여객선 터미널 계획을 검토했다. "
      "위원들은 오래된 부두를 재건해야 한다는 데 동의했다.")
RU = "Портовый комитет собрался во вторник, чтобы рассмотреть планы нового паромного терминала."
EL = "Η λιμενική επιτροπή συνεδρίασε την Τρίτη για να εξετάσει τα σχέδια του νέου τερματικού."
# What mis-decoding leaves behind: UTF-8 read as cp1252, replacement marks, C1.
MOJIBAKE = ("Ã", "â€", "\ufffd", "\x81", "\x8d", "\x9d")


def page(text: str, meta: str | None = None) -> str:
    declared = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{declared}<title>t</title></head><body><p>{text}</p></body></html>"


CASES: list[tuple[str, bytes, str | None, str]] = [
    ("utf8-declared-cp1252", page(FR, "windows-1252").encode("utf-8"), None, FR),
    ("utf8-declared-latin1", page(FR, "iso-8859-1").encode("utf-8"), None, FR),
    ("utf8-http-says-latin1", page(FR).encode("utf-8"), "iso-8859-1", FR),
    ("cp1252-declared-utf8", page(FR, "utf-8").encode("cp1252"), None, FR),
    ("cp1252-undeclared", page(FR).encode("cp1252"), None, FR),
    ("cp1252-http-says-utf8", page(FR).encode("cp1252"), "utf-8", FR),
    ("cp1252-declared-utf16", page(FR, "utf-16").encode("cp1252"), None, FR),
    ("sjis-declared", page(JA, "shift_jis").encode("shift_jis"), None, JA),
    ("sjis-undeclared", page(JA).encode("shift_jis"), None, JA),
    ("sjis-declared-latin1", page(JA, "iso-8859-1").encode("shift_jis"), None, JA),
    ("sjis-declared-utf8", page(JA, "utf-8").encode("shift_jis"), None, JA),
    ("eucjp-undeclared", page(JA).encode("euc_jp"), None, JA),
    ("gb18030-undeclared", page(ZH).encode("gb18030"), None, ZH),
    ("gbk-declared-gb2312", page(ZH, "gb2312").encode("gbk"), None, ZH),
    ("big5-declared", page(TW, "big5").encode("big5"), None, TW),
    ("euckr-undeclared", page(KO).encode("euc_kr"), None, KO),
    ("cp1251-declared", page(RU, "windows-1251").encode("cp1251"), None, RU),
    ("cp1251-undeclared", page(RU).encode("cp1251"), None, RU),
    ("koi8r-declared", page(RU, "koi8-r").encode("koi8_r"), None, RU),
    ("koi8r-undeclared", page(RU).encode("koi8_r"), None, RU),
    ("greek-cp1253-undeclared", page(EL).encode("cp1253"), None, EL),
    ("utf16le-bom", page(FR).encode("utf-16"), None, FR),
    ("utf16be-bom", b"\xfe\xff" + page(FR).encode("utf-16-be"), None, FR),
    ("utf16le-no-bom", page(FR).encode("utf-16-le"), None, FR),
    ("utf16be-no-bom", page(FR).encode("utf-16-be"), None, FR),
    ("utf16le-no-bom-japanese", page(JA).encode("utf-16-le"), None, JA),
    ("utf16-declared-but-utf8", page(FR, "utf-16").encode("utf-8"), None, FR),
    ("utf32-bom", page(FR).encode("utf-32"), None, FR),
    ("utf8-bom-declared-cp1252", b"\xef\xbb\xbf" + page(FR, "cp1252").encode("utf-8"), None, FR),
    ("bogus-charset-name", page(FR, "x-no-such-charset").encode("utf-8"), None, FR),
    ("xml-declaration-cp1251", b'<?xml version="1.0" encoding="windows-1251"?>'
     + page(RU).encode("cp1251"), None, RU),
    ("http-equiv-koi8r", ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
                          + page(RU)).encode("koi8_r"), None, RU),
]


@pytest.mark.parametrize(("name", "data", "http", "want"), CASES, ids=[c[0] for c in CASES])
def test_no_mojibake(name: str, data: bytes, http: str | None, want: str) -> None:
    decoded = decode_bytes(data, http)
    assert want in decoded.text, (name, decoded.encoding, decoded.text[-120:])
    for mark in MOJIBAKE:
        assert mark not in decoded.text, (name, decoded.encoding, mark)


def test_mixed_utf8_and_cp1252_in_one_page() -> None:
    utf8_part = page(FR).encode("utf-8")
    legacy = "<p>Ancien café, déjà vu, 20 € — “quoted”</p>".encode("cp1252")
    for data in (utf8_part + legacy, legacy + utf8_part, utf8_part + legacy + utf8_part):
        decoded = decode_bytes(data)
        assert FR in decoded.text and "Ancien café, déjà vu, 20 € — “quoted”" in decoded.text
        assert decoded.encoding == "utf-8+cp1252"


def test_mostly_cp1252_with_a_utf8_fragment() -> None:
    legacy = page(FR * 20).encode("cp1252")
    fragment = "<p>Ein Zitat: „Grüße“</p>".encode()
    decoded = decode_bytes(legacy + fragment)
    assert FR in decoded.text


def test_clean_end_to_end_reports_the_encoding() -> None:
    body = "".join(f"<p>{FR} Paragraphe {i} du récit.</p>" for i in range(4))
    doc = clean(page(body, "utf-8").encode("cp1252"))
    assert doc.encoding == "cp1252" and "crème brûlée" in doc.text


def test_utf16_sniff_needs_the_nul_pattern() -> None:
    assert sniff_utf16("<html>".encode("utf-16-le")) == "utf-16-le"
    assert sniff_utf16("<html>".encode("utf-16-be")) == "utf-16-be"
    assert sniff_utf16(b"<html><body>plain</body></html>") is None
    assert sniff_utf16(bytes(range(256)) * 4) is None  # binary: NULs at no fixed parity


def test_clean_text_controls_and_surrogates() -> None:
    assert clean_text("plain text") == "plain text"
    assert clean_text("har\x00bour") == "harbour"
    assert clean_text("a\x07b\x1b[31mc\x7fd\x85e") == "a b [31mc d e"
    assert clean_text("x\ud800y\udfffz") == "x\ufffdy\ufffdz"
    assert clean_text("tabs\tand\nlines\r\n") == "tabs\tand\nlines\r\n"
    assert clean_text("©\u00a0«»") == "©\u00a0«»"  # C2-prefixed but not controls


def test_nested_gzip_layers() -> None:
    import gzip

    data = b"<p>hello</p>"
    assert maybe_gunzip(gzip.compress(gzip.compress(data)), 1000) == data
    four = gzip.compress(gzip.compress(gzip.compress(gzip.compress(data))))
    assert maybe_gunzip(four, 1000)[:2] == b"\x1f\x8b"  # left for sniff_binary to refuse


def test_double_encoded_utf8_is_repaired() -> None:
    # A page some earlier tool decoded as windows-1252 and saved again as UTF-8.
    para = "The “iterator” module — it’s fast, and café prices are in €."
    # Bytes windows-1252 leaves undefined (0x9d in "”") pass through as latin-1 does.
    read_as_cp1252 = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                             for b in para.encode("utf-8"))
    broken = read_as_cp1252.encode("utf-8")
    html = b"<html><body><article><p>" + broken + b"</p><p>" + broken + b"</p></article></html>"
    doc = clean(html)
    assert "“iterator” module — it’s fast" in doc.text
    assert "â€" not in doc.text and "Ã" not in doc.text
    assert doc.encoding == "utf-8+mojibake-repaired"


def test_real_text_with_a_stray_pair_is_left_alone() -> None:
    # One quoted mojibake sample and real Portuguese capitals are not a broken page.
    text = ("<p>SÃO PAULO — A página mostrava “Ã©” em vez de é, um erro comum de codificação "
            "que o artigo explica com calma e em detalhe para os leitores.</p>")
    doc = clean(text)
    assert "SÃO PAULO" in doc.text and "“Ã©”" in doc.text
    assert doc.encoding is None


@pytest.mark.parametrize("label", [b"cp\x001252", b"utf-8\x00", b"\xff\xfe", b"a" * 300,
                                   b"windows 1252 or so"])
def test_garbage_charset_labels_are_ignored(label: bytes) -> None:
    # Found by the fuzz target: a NUL inside a declared label reached codecs.lookup.
    data = b'<meta charset="' + label + b'"><p>caf\xe9 cr\xe8me br\xfbl\xe9e</p>'
    decoded = decode_bytes(data)
    assert "caf" in decoded.text and "\x00" not in decoded.encoding
    clean(data)  # a Document, not a ValueError from codecs.lookup
