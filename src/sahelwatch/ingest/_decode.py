"""Bytes to text: UTF-8 (with or without a BOM), else the configured fallback encodings.

Binary content and text in another encoding become a ``Rejected`` whose detail names what
the bytes look like and how to convert them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from sahelwatch.ingest._draft import reject
from sahelwatch.model import Rejected

_SAMPLE = 64 * 1024
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_CONTROL = bytes(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F})
_MAX_CONTROL_SHARE = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_LINE_TEXT = re.compile(r"[^\n]*\n|[^\n]+\Z")
_LINE_BYTES = re.compile(rb"[^\n]*\n|[^\n]+\Z")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the encoding it was read with."""

    text: str
    encoding: str


@dataclass(frozen=True, slots=True)
class _Guess:
    label: str
    codec: str  # Python's name, for ingest.fallback_encodings
    iconv: str  # iconv's name, for the conversion command


def decode(
    data: bytes, source: str, fallbacks: tuple[str, ...], declared: str | None = None
) -> Decoded | Rejected:
    """Decode ``data`` as UTF-8, else as ``declared`` (an HTTP or HTML charset), else a fallback."""
    refusal = check_binary(data, source)
    if refusal is not None:
        return refusal
    first_invalid = 0
    if b"\0" not in data:  # NUL bytes that pass check_binary are UTF-16 or UTF-32
        try:
            return Decoded(data.decode("utf-8-sig"), "utf-8")
        except UnicodeDecodeError as error:
            first_invalid = error.start
    candidates = (declared, *fallbacks) if declared else fallbacks
    for encoding in candidates:
        try:
            return Decoded(data.decode(encoding).removeprefix("\ufeff"), encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return reject("encoding", _encoding_detail(data[:_SAMPLE], first_invalid), source)


def check_binary(data: bytes, source: str) -> Rejected | None:
    """A ``binary`` rejection when ``data`` holds NUL bytes or too many control bytes."""
    sample = data[:_SAMPLE]
    if _bom_encoding(sample) or _utf16_byte_order(sample):
        return None
    if b"\0" in data:
        return reject("binary", "contains NUL bytes: a binary file, not text", source)
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        share = round(100 * controls / len(sample))
        return reject("binary", f"{share}% of its bytes are control codes: not text", source)
    return None


def split_lines(data: bytes, decoded: Decoded) -> list[tuple[str, bytes]]:
    """The lines of a decoded file (ends kept) paired with their bytes as received."""
    texts = _LINE_TEXT.findall(decoded.text)
    if "\n".encode(decoded.encoding) == b"\n":
        raws = _LINE_BYTES.findall(data)
        if len(raws) == len(texts):
            return list(zip(texts, raws, strict=True))
    return [(text, text.encode(decoded.encoding)) for text in texts]


def _encoding_detail(sample: bytes, first_invalid: int) -> str:
    """One sentence: what the bytes look like and how to make them readable."""
    repaired = sample.decode("utf-8", errors="replace")
    invalid = repaired.count("\ufffd")
    if (
        _bom_encoding(sample) is None
        and sum(c > "\x7f" and c != "\ufffd" for c in repaired) > 2 * invalid
    ):
        return (
            f"mostly UTF-8 but with invalid bytes, the first at offset {first_invalid}; "
            "repair the file or save it again as UTF-8"
        )
    guess = _guess_encoding(sample)
    return (
        f"not valid UTF-8: looks like {guess.label}; convert it to UTF-8 "
        f"(iconv -f {guess.iconv} -t UTF-8) or add {guess.codec!r} to ingest.fallback_encodings"
    )


def _bom_encoding(sample: bytes) -> str | None:
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    return None


def _utf16_byte_order(sample: bytes) -> str | None:
    """``le``/``be`` when NUL bytes fill every other position, as in BOM-less UTF-16 text."""
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.05 * half:
        return "le"
    if even >= 0.3 * half and odd <= 0.05 * half:
        return "be"
    return None


def _guess_encoding(sample: bytes) -> _Guess:
    bom = _bom_encoding(sample)
    if bom is not None:
        return _Guess(f"{bom} (BOM)", bom.lower(), bom)
    order = _utf16_byte_order(sample)
    if order is not None:
        return _Guess(
            f"UTF-16{order.upper()} (no BOM)", f"utf-16-{order}", f"UTF-16{order.upper()}"
        )
    if any(0x80 <= byte <= 0x9F for byte in sample):
        return _Guess("cp1252 (Windows-1252)", "cp1252", "CP1252")
    return _Guess("latin-1 (ISO-8859-1)", "latin-1", "ISO-8859-1")
