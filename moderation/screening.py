"""
Content screening: finds online-gambling spam and hidden-link markup in a
page, however it is disguised.

Pure reading, no writes: the callers (the alarms on submit, approval and
publish, and the integrity check) decide what a finding means. How the
matching works and which fields are read is in docs/screening.md.
"""

import codecs
import colorsys
import functools
import hashlib
import itertools
import logging
import os
import re
import unicodedata
from array import array
from dataclasses import dataclass, replace
from urllib.parse import unquote_plus

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

logger = logging.getLogger(__name__)

# The maintained starting lexicon: Indonesian online-gambling spam terms that
# ordinary government news does not use. Administrators keep the lexicon in
# the admin (LexiconTerm); this list seeds it. Left out on purpose, because
# government news uses them every day: "slot online" (a booking slot taken
# online), "slot demo", "slot resmi", "daftar slot" (registering for a
# slot), "akun pro" and "deposit dana" (public funds placed in a bank).
# "scatter" and "link alternatif" are kept (the spam uses them plainly) and
# may raise false alarms ("diagram scatter", "link alternatif YouTube"):
# those are what the false-alarm decision is for (docs/screening.md).
DEFAULT_LEXICON = (
    "agen judi",
    "agen slot",
    "agen togel",
    "akun demo slot",
    "bandar bola",
    "bandar judi",
    "bandar slot",
    "bandar togel",
    "bocoran admin",
    "bocoran rtp",
    "bocoran slot",
    "bonus new member",
    "casino online",
    "daftar togel",
    "deposit pulsa",
    "gacor hari ini",
    "gates of olympus",
    "jackpot slot",
    "jp paus",
    "judi bola",
    "judi online",
    "judi slot",
    "judol",
    "kasino online",
    "link alternatif",
    "link gacor",
    "live casino",
    "mahjong ways",
    "maxwin",
    "pola gacor",
    "poker online",
    "pragmatic play",
    "prediksi togel",
    "rtp live",
    "rtp slot",
    "sbobet",
    "scatter",
    "scatter hitam",
    "situs gacor",
    "situs judi",
    "situs slot",
    "situs togel",
    "slot gacor",
    "slot thailand",
    "slot88",
    "starlight princess",
    "sweet bonanza",
    "togel",
    "toto macau",
    "toto togel",
    "zeus slot",
)


# -- Normalisation -----------------------------------------------------------

# Code points that are never drawn (Unicode's Default_Ignorable_Code_Point,
# hand-kept from DerivedCoreProperties.txt): besides the format characters,
# the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the variation
# selectors, which are letters or marks by category but show nothing.
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip

# Letters of other scripts and Latin letters that do not decompose, by the
# Latin letter they look like (kept by hand, after Unicode's confusables).
# A character is looked up as written; a capital not in the first table is
# looked up again after case folding (a Greek capital eta looks like an H,
# its small letter like an n). Cherokee small letters fold to the capitals,
# so the capitals are in the uncased table. Mathematical letters (𝐬),
# full-width (ｓ), circled (ⓢ) and other compatibility forms need no table:
# NFKC folds them.
_LOOK_ALIKE_CAPITALS = {
    "a": "АΑⲀ",
    "b": "ВΒⲂ",
    "c": "СϹⲤ",
    "d": "Ԁ",
    "e": "ЕΕⲈ",
    "f": "Ϝ",
    "g": "Ԍ",
    "h": "НΗⲎ",
    "i": "ІΙӀⲒ",
    "j": "ЈͿ",
    "k": "КΚⲔ",
    "l": "Լ",
    "m": "МΜϺⲘ",
    "n": "ΝⲚՈ",
    "o": "ОΟՕⲞ",
    "p": "РΡⲢ",
    "q": "Ԛ",
    "s": "ЅՏႽ",
    "t": "ТΤⲦ",
    "u": "Ս",
    "v": "Ѵ",
    "w": "Ԝ",
    "x": "ХΧⲬ",
    "y": "УΥϒҮⲨ",
    "z": "Ζ",
    "3": "З",
}
_LOOK_ALIKE_SMALL = {
    # Cyrillic, Greek, Armenian, Coptic, Georgian, Hebrew small letters;
    # small capitals and other Latin letters with hooks and strokes.
    "a": "аαɑ⍺ⲁᴀ",
    "b": "ьвβƅƀɓʙⲃ",
    "c": "сϲᴄⲥƈȼɕ",
    "d": "ԁδđɗɖƌðᴅ",
    "e": "еεєҽ℮ɛǝəɇⴹꬲᴇⲉ",
    "f": "ғƒքꞙꜰ",
    "g": "ɡցƍɠǥᶃɢ",
    "h": "һнհɦħʜⲏ",
    "i": "іιıɩɪɨꙇⲓ",
    "j": "јϳʝɉȷᴊ",
    "k": "кκƙĸᴋⲕ",
    "l": "ӏǀ׀וןłƚɫɭʟ",
    "m": "мᴍɱⲙ",
    "n": "пηոռɲɳƞŋɴⲛ",
    "o": "оοσօøɵᴏⲟ",
    "p": "рρⲣƥþᴘ⍴",
    "q": "ԛգզʠɋ",
    "r": "гᴦⲅɍɾʀ",
    "s": "ѕꜱƽʂȿς",
    "t": "тτƭʈŧᴛⲧ",
    "u": "υսцʋᴜʉμ",
    "v": "νѵᴠ∨",
    "w": "ԝѡաɯωᴡⱳ",
    "x": "хχ×ҳӿⲭ",
    "y": "уүγʏɣƴყɏⲩ",
    "z": "ᴢƶȥʐʑ",
    "3": "з",
}
_LOOK_ALIKE_UNCASED = {
    # Cherokee capitals (small Cherokee letters fold to them), Lisu,
    # Canadian syllabics, Tifinagh and runes that look like Latin letters.
    "a": "Ꭺꓮᗅ",
    "b": "ᏴᏼꓐᗷᏏᑲᖯ",
    "c": "Ꮯꓚ",
    "d": "ᎠꓓᗪᏧᑯꓒ",
    "e": "Ꭼꓰ",
    "f": "ꓝᖴ",
    "g": "ᏀᏳꓖ",
    "h": "ᎻꓧᕼᏂ",
    "i": "Ꭵꓲ",
    "j": "Ꭻꓙᒍ",
    "k": "Ꮶꓗᛕ",
    "l": "Ꮮꓡᒪ",
    "m": "Ꮇꓟᗰ",
    "n": "ꓠ",
    "o": "Ꮻꓳⵔ",
    "p": "Ꮲꓑᑭ",
    "q": "ⵕ",
    "r": "ᎡᏒꓣᖇ",
    "s": "ᏕᏚꓢ",
    "t": "Ꭲꓔ",
    "u": "ꓴᑌሀ",
    "v": "Ꮩꓦⴸ",
    "w": "ᎳᏔꓪ",
    "x": "ꓫⵝᚷ",
    "y": "ᎩᎽꓬ",
    "z": "Ꮓꓜ",
}
# Letters that are two in the skeleton.
_LIGATURES = {"ß": "ss", "æ": "ae", "œ": "oe", "ĳ": "ij"}
# Digits and symbols written for letters ("g@cor", "$l0t", "judi 0nl1ne").
# "l" and "i" are one letter of the skeleton: "1", "!" and "|" stand for both.
_LEET = {
    "0": "o", "1": "i", "2": "z", "3": "e", "4": "a", "5": "s", "6": "g",
    "7": "t", "8": "b", "9": "g", "@": "a", "$": "s", "!": "i", "|": "i",
    "€": "e", "£": "i", "¡": "i", "¢": "c", "l": "i",
}  # fmt: skip


def _by_look(table):
    return {char: letter for letter, chars in table.items() for char in chars}


_BEFORE_FOLDING = _by_look(_LOOK_ALIKE_CAPITALS)
_AFTER_FOLDING = _by_look(_LOOK_ALIKE_SMALL) | _by_look(_LOOK_ALIKE_UNCASED)
# Letters in boxes and flags, which NFKC leaves alone: 🅢 🆂 🇸.
for _offset, _letter in enumerate("abcdefghijklmnopqrstuvwxyz"):
    for _first in (0x1F150, 0x1F170, 0x1F1E6):
        _AFTER_FOLDING[chr(_first + _offset)] = _letter

# What a character is, for matching: skipped without a trace (format and
# combining characters such as zero-width spaces), a separator, or letters
# of the skeleton; and whether it is a letter (which joins a word).
_IGNORED, _SEPARATOR, _LETTERS = 0, 1, 2


def _default_ignorable(char):
    code = ord(char)
    return any(low <= code <= high for low, high in _DEFAULT_IGNORABLE)


@functools.lru_cache(maxsize=8192)
def _character(char):
    """``(what, skeleton, is_letter)`` of one character of a text."""
    category = unicodedata.category(char)
    if (
        category in ("Cf", "Mn", "Me", "Cc") and char not in "\t\n\r"
    ) or _default_ignorable(char):
        return _IGNORED, "", False
    # Looked up as written first: case folding makes a final sigma (ς, an
    # s to the eye) a σ (an o).
    if look_alike := _BEFORE_FOLDING.get(char) or _AFTER_FOLDING.get(char):
        return _LETTERS, _skeleton_of(look_alike), char.isalpha()
    folded = unicodedata.normalize("NFKC", char).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    skeleton = _skeleton_of(
        "".join(c for c in decomposed if not unicodedata.combining(c))
    )
    is_letter = any(c.isalpha() for c in folded)
    if not skeleton:
        return _SEPARATOR, "", False
    return _LETTERS, skeleton, is_letter


def _skeleton_of(chars):
    out = []
    for char in chars:
        for c in _LIGATURES.get(char, char):
            c = _AFTER_FOLDING.get(c, c)
            c = _LEET.get(c, c)
            if c.isalnum():
                out.append(c)
    return "".join(out)


# What lies between two letters of the skeleton.
_SEPARATED = 1  # something other than invisible characters
_SENTENCE_BREAK = 2  # a full stop (? ; : …) followed by white space
_SENTENCE_ENDS = frozenset(".?;:…。．？；：")
_CLOSING = frozenset("\"'”’»)]}")


class _Skeleton:
    """
    The skeleton of a text (see ``normalise``) with what the matching needs
    to know of each of its letters: the position of the character of the
    text it comes from, whether that character is a letter, and what lies
    between it and the letter before (``_SEPARATED``, ``_SENTENCE_BREAK``).
    ``gaps`` has one more item: what follows the last letter.
    """

    def __init__(self, text):
        letters = []
        origin = array("q")
        is_letter = bytearray()
        gaps = bytearray()
        gap = 0
        after_stop = False
        for position, char in enumerate(text):
            what, skeleton, letter = _character(char)
            if what == _LETTERS:
                for c in skeleton:
                    letters.append(c)
                    origin.append(position)
                    is_letter.append(letter)
                    gaps.append(gap)
                    gap = 0
                after_stop = False
            elif what == _SEPARATOR:
                gap |= _SEPARATED
                if char in _SENTENCE_ENDS:
                    after_stop = True
                elif char.isspace():
                    if after_stop:
                        gap |= _SENTENCE_BREAK
                elif char not in _CLOSING:
                    after_stop = False
        gaps.append(gap)
        self.letters = "".join(letters)
        self.origin = origin
        self.is_letter = is_letter
        self.gaps = gaps

    def separated(self, index):
        """Whether something shows between letter ``index`` and the one before."""
        return bool(self.gaps[index] & _SEPARATED)

    def loose_start(self, at):
        """
        Whether the letter ``at`` stands alone, before letters written
        together: "judo I" ends with a one-letter word.
        """
        return (
            at + 2 < len(self.letters)
            and self.separated(at + 1)
            and not self.separated(at + 2)
        )

    def loose_end(self, last):
        """Whether the letter ``last`` stands alone, after letters written together."""
        return last >= 2 and self.separated(last) and not self.separated(last - 1)

    def sentence_break(self, at, last):
        """
        Whether a sentence ends between two words of more than one letter
        within letters ``at`` to ``last`` ("judi. Online").
        """
        gaps, count = self.gaps, len(self.letters)
        for index in range(at + 1, last + 1):
            if (
                gaps[index] & _SENTENCE_BREAK
                and index >= 2
                and not gaps[index - 1] & _SEPARATED
                and index + 1 < count
                and not gaps[index + 1] & _SEPARATED
            ):
                return True
        return False


def normalise(text):
    """
    The skeleton of ``text`` the lexicon is matched in: full-width and other
    compatibility forms folded (NFKC), case folded, accents, zero-width and
    other invisible characters removed, look-alike letters of other scripts
    (Cyrillic, Greek, Armenian, Cherokee …) read as the Latin letters they
    look like, digits and symbols written for letters read as those letters
    (0→o, 1/!/|/l→i, 3→e, 4/@→a, 5/$→s …), and everything that is not a
    letter left out: "S.l.0.t g@cor" and "ѕlоt gасоr" are both "siotgacor".
    """
    return _Skeleton(str(text or "")).letters


# How much of an excerpt shows around a hit, and of a long hit itself.
_EXCERPT_WIDTH = 120
_EXCERPT_PART = 60
_EXCERPT_CONTEXT = 20


def _one_line(text):
    return " ".join(text.split())


def _excerpt(text, start, end):
    """
    ``text`` around ``text[start:end]``, on one line: about 120 characters,
    and never more than about 170 however long the hit (its first and last
    60 characters around an ellipsis, and a little on each side).
    """
    if end - start <= _EXCERPT_WIDTH:
        room = max((_EXCERPT_WIDTH - (end - start)) // 2, 10)
        left, right = max(start - room, 0), min(end + room, len(text))
        middle = _one_line(text[left:right])
    else:
        left = max(start - _EXCERPT_CONTEXT, 0)
        right = min(end + _EXCERPT_CONTEXT, len(text))
        head = _one_line(text[left : start + _EXCERPT_PART])
        tail = _one_line(text[end - _EXCERPT_PART : right])
        middle = f"{head} … {tail}"
    before = "…" if left > 0 else ""
    after = "…" if right < len(text) else ""
    return f"{before}{middle}{after}"


def _shortened(text, width=_EXCERPT_WIDTH):
    """``text`` on one line, cut to ``width``."""
    text = _one_line(str(text)[: width * 20])
    return text if len(text) <= width else f"{text[: width - 1]}…"


class Lexicon:
    """The terms of a lexicon, compiled for matching (see ``normalise``)."""

    def __init__(self, terms):
        # skeleton → (term, whether it starts, whether it ends, with a
        # letter standing alone, as written)
        self.terms = {}
        for term in terms:
            term = " ".join(str(term).split())
            skeleton = _Skeleton(term)
            letters = skeleton.letters
            if letters and letters not in self.terms:
                self.terms[letters] = (
                    term,
                    skeleton.loose_start(0),
                    skeleton.loose_end(len(letters) - 1),
                )
        longest = max((len(letters) for letters in self.terms), default=0)
        # How much of a text a long text's chunks share (``find_chunks``):
        # room for the longest term spelled out with separators.
        self.overlap = max(4096, 64 * longest)

    def __bool__(self):
        return bool(self.terms)

    def __len__(self):
        return len(self.terms)

    def find(self, text):
        """
        ``(term, excerpt)`` for each place in the plain ``text`` where a term
        of the lexicon is, in the order of the text. A term must start at the
        start of a word and end at the end of one ("foto gelaran" is not
        "togel"); digits after it still end it ("togel4d"). A term found
        within a longer one ("togel" in "bandar togel") is not reported.
        """
        text = str(text or "")
        if not text or not self.terms:
            return []
        return list(self._found(text, 0, len(text)))

    def find_chunks(self, chunks):
        """
        ``find`` over a text given in pieces (a long document read a piece
        at a time), without holding all of it: each piece is read with the
        end of the one before, ``overlap`` characters, so that a term
        across two pieces is found once. A term spelled out over more than
        ``overlap`` characters across two pieces may be missed.
        """
        if not self.terms:
            return
        overlap = self.overlap
        buffer, begin = "", 0
        for chunk in chunks:
            buffer += chunk
            if len(buffer) < 3 * overlap:
                continue
            end = len(buffer) - overlap
            yield from self._found(buffer, begin, end)
            buffer, begin = buffer[end - overlap :], overlap
        if buffer:
            yield from self._found(buffer, begin, len(buffer))

    def _found(self, text, begin, end):
        """``(term, excerpt)`` of the hits in ``text`` that start in ``begin:end``."""
        for start, stop, term in self._hits(_Skeleton(text)):
            if begin <= start < end:
                yield term, _excerpt(text, start, stop + 1)

    def _hits(self, skeleton):
        """``(start, end, term)``: where each term is in the text, in order."""
        letters, origin = skeleton.letters, skeleton.origin
        hits = []
        for term_letters, (term, loose_start, loose_end) in self.terms.items():
            at = letters.find(term_letters)
            while at != -1:
                last = at + len(term_letters) - 1
                if self._holds(skeleton, at, last, loose_start, loose_end):
                    hits.append((origin[at], origin[last], term))
                at = letters.find(term_letters, at + 1)
        # A term within a longer one found at the same place ("togel" in
        # "bandar togel") says nothing more.
        hits.sort(key=lambda hit: (hit[0], -hit[1]))
        kept, reach = [], -1
        for start, stop, term in hits:
            if stop > reach:
                kept.append((start, stop, term))
                reach = stop
        return kept

    @staticmethod
    def _holds(skeleton, at, last, loose_start, loose_end):
        """
        Whether the letters ``at`` to ``last`` of ``skeleton`` are the term
        written, not letters of other words: they begin and end with whole
        characters ("ﬁ" is two letters) at the start and end of a word;
        a letter, digit or symbol standing alone at either end is not
        part of it when the letters next to it are written together ("judo
        I" is not "judol", "Pos 5 Lot" not "slot"), unless all of them are
        spaced out ("5 l o t"); and no sentence ends within it between
        words of more than one letter ("judi. Online").
        """
        origin, is_letter = skeleton.origin, skeleton.is_letter
        count = len(skeleton.letters)
        if at > 0 and origin[at - 1] == origin[at]:
            return False
        if last + 1 < count and origin[last + 1] == origin[last]:
            return False
        # The character before (after), invisible ones skipped, is no letter.
        if at > 0 and not skeleton.separated(at) and is_letter[at - 1]:
            return False
        if (
            last + 1 < count
            and not skeleton.separated(last + 1)
            and is_letter[last + 1]
        ):
            return False
        if last - at >= 2:
            if not loose_start and skeleton.loose_start(at):
                return False
            if not loose_end and skeleton.loose_end(last):
                return False
        return not skeleton.sentence_break(at, last)


def lexicon_active():
    """The active terms of the lexicon, compiled (one query)."""
    from .selectors import lexicon_terms_active

    return Lexicon(lexicon_terms_active())


# -- Findings ----------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """
    One finding of the screening. ``field`` and ``term`` are worded in the
    active language; ``field_key`` and ``term_key`` (when given) say the
    same in words that do not depend on it, and the fingerprint is made of
    them, so that it is the same whoever looks. ``markup`` is the whole
    element found (on one line) for markup, whose ``excerpt`` is cut.
    """

    kind: str
    field: str
    term: str
    excerpt: str
    field_key: str = ""
    term_key: str = ""
    markup: str = ""

    def fingerprint(self, page_id):
        """
        SHA-256 (hex) of the page, the field, the kind, the term and the
        text found (normalised), or for markup the whole element: the same
        finding in another revision of the page has the same fingerprint.
        """
        parts = (
            str(page_id),
            self.field_key or self.field,
            self.kind,
            self.term_key or self.term,
            self.markup or normalise(self.excerpt),
        )
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _unique(findings):
    seen, out = set(), []
    for finding in findings:
        key = finding.fingerprint("")
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out


def _part(field, part):
    """The label of a part of ``field``: "Isi › alamat tautan"."""
    return gettext("%(field)s › %(part)s") % {"field": field, "part": part}


def text_findings(text, *, field, lexicon, field_key=""):
    """The terms of ``lexicon`` in the plain ``text`` of ``field``."""
    return _unique(
        Finding("term", field, term, excerpt, field_key=field_key)
        for term, excerpt in lexicon.find(text)
    )


# -- Markup ------------------------------------------------------------------

_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
))  # fmt: skip
_CODE_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet")
# Markup a page's fields have no business with, but an HTML document (a
# page saved from Word) legitimately holds: its style sheet and links to
# its parts.
_PAGE_ONLY_TAGS = ("style", "link", "base")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")
_DANGEROUS_SCHEMES = re.compile(r"^(javascript:|vbscript:|data:text/html)")
# What shows something in a link besides its text.
_MEDIA_TAGS = frozenset((
    "img", "svg", "picture", "video", "audio", "canvas", "iframe", "object",
    "embed", "input", "button", "select", "textarea", "math", "image",
))  # fmt: skip
# The site's own classes that hide what they are put on (static/css/
# warta.css: .visually-hidden; .skip-link, off screen until focused), and
# the usual names of the same in other style sheets.
_HIDING_CLASSES = frozenset(
    ("visually-hidden", "skip-link", "sr-only", "w-sr-only", "screen-reader-text")
)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(\r\n|[\n\r\f])|(.))")
_CSS_FUNCTION = re.compile(r"([a-z0-9-]+)\(([^()]*)\)")
_LENGTH = re.compile(r"^(-?\d*\.?\d+)\s*(px|pt|em|rem|%|vw|vh|cm|mm|in|ch|ex)?$")
_PX_PER_UNIT = {
    None: 1, "px": 1, "pt": 4 / 3, "em": 16, "rem": 16, "ch": 8, "ex": 8,
    "vw": 12, "vh": 8, "cm": 37.8, "mm": 3.78, "in": 96, "%": 0.16,
}  # fmt: skip
# An offset this far (in px) to the left or top puts an element off screen.
_OFF_SCREEN = -100
_NAMED_COLOURS = {
    "white": (255, 255, 255), "snow": (255, 250, 250),
    "ivory": (255, 255, 240), "whitesmoke": (245, 245, 245),
    "ghostwhite": (248, 248, 255), "floralwhite": (255, 250, 240),
    "azure": (240, 255, 255), "mintcream": (245, 255, 250),
    "honeydew": (240, 255, 240), "aliceblue": (240, 248, 255),
    "lavenderblush": (255, 240, 245), "seashell": (255, 245, 238),
    "black": (0, 0, 0), "red": (255, 0, 0), "green": (0, 128, 0),
    "blue": (0, 0, 255), "yellow": (255, 255, 0), "gray": (128, 128, 128),
    "grey": (128, 128, 128), "silver": (192, 192, 192), "navy": (0, 0, 128),
}  # fmt: skip
# Text at least this light on each channel does not show on the site's white
# page; colours this close (per channel) do not show on each other.
_NEAR_WHITE = 240
_NEAR_COLOUR = 15
_NO_BACKGROUND = frozenset(("", "none", "transparent", "initial", "unset", "inherit"))


def _css_unescape(text):
    r"""CSS as the browser reads it: "displ\61y" is "display"."""

    def unescaped(match):
        if match[1]:
            code = int(match[1], 16)
            if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                return "\ufffd"
            return chr(code)
        if match[2]:
            return ""
        return match[3]

    return _CSS_ESCAPE.sub(unescaped, text)


def _style(tag):
    """The inline style of ``tag`` as ``{property: value}``, lower case."""
    declarations = {}
    text = _css_unescape(_CSS_COMMENT.sub("", str(tag.get("style") or "")))
    for declaration in text.lower().split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            value = value.replace("!important", "").strip()
            declarations[name.strip()] = " ".join(value.split())
    return declarations


def _pixels(value):
    """A CSS length in pixels (roughly), or None."""
    match = _LENGTH.match((value or "").strip())
    if not match:
        return None
    return float(match[1]) * _PX_PER_UNIT[match[2]]


def _number(value):
    """A CSS number or percentage as a number (50% is 0.5), or None."""
    value = (value or "").strip()
    try:
        if value.endswith("%"):
            return float(value[:-1]) / 100
        return float(value)
    except ValueError:
        return None


def _arguments(text):
    return [part for part in re.split(r"[\s,/]+", text.strip()) if part]


def _rgba(value):
    """A CSS colour as ``(red, green, blue, alpha)`` (0–255, 0–1), or None."""
    value = (value or "").strip().lower()
    if value == "transparent":
        return (0, 0, 0, 0)
    if value in _NAMED_COLOURS:
        return (*_NAMED_COLOURS[value], 1)
    if re.fullmatch(r"#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}", value):
        digits = value[1:]
        if len(digits) <= 4:
            digits = "".join(c * 2 for c in digits)
        channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        alpha = channels[3] / 255 if len(channels) == 4 else 1
        return (*channels[:3], alpha)
    match = re.fullmatch(r"(rgba?|hsla?)\((.*)\)", value)
    if not match:
        return None
    parts = _arguments(match[2])
    if len(parts) not in (3, 4):
        return None
    alpha = _number(parts[3]) if len(parts) == 4 else 1
    if alpha is None:
        return None
    if match[1].startswith("rgb"):
        channels = []
        for part in parts[:3]:
            number = _number(part)
            if number is None:
                return None
            channels.append(number * 255 if part.endswith("%") else number)
        return (*(min(max(c, 0), 255) for c in channels), alpha)
    hue = _number(parts[0].removesuffix("deg"))
    saturation, lightness = _number(parts[1]), _number(parts[2])
    if None in (hue, saturation, lightness):
        return None
    red, green, blue = colorsys.hls_to_rgb((hue % 360) / 360, lightness, saturation)
    return (red * 255, green * 255, blue * 255, alpha)


def _close(first, second):
    return all(
        abs(a - b) <= _NEAR_COLOUR for a, b in zip(first[:3], second[:3], strict=True)
    )


def _clip_hides(value):
    """Whether ``clip: rect(top right bottom left)`` leaves at most a 1 px line."""
    match = re.fullmatch(r"rect\((.*)\)", value)
    if not match:
        return False
    parts = _arguments(match[1])
    if len(parts) != 4:
        return False
    edges = []
    for part, unbounded in zip(parts, (0, float("inf"), float("inf"), 0), strict=True):
        length = unbounded if part == "auto" else _pixels(part)
        if length is None:
            return False
        edges.append(length)
    top, right, bottom, left = edges
    return right - left <= 1 or bottom - top <= 1


def _clip_path_hides(value):
    """Whether a ``clip-path`` shape leaves nothing to see."""
    for name, arguments in _CSS_FUNCTION.findall(value):
        parts = _arguments(arguments.split(" at ")[0].split("round")[0])
        if name == "inset" and parts:
            # One to four insets, as for margins: top, right, bottom, left.
            insets = [_number(p) if p.endswith("%") else None for p in parts[:4]]
            top = insets[0]
            right = insets[1] if len(insets) > 1 else top
            bottom = insets[2] if len(insets) > 2 else top
            left = insets[3] if len(insets) > 3 else right
            if (top is not None and bottom is not None and top + bottom >= 1) or (
                left is not None and right is not None and left + right >= 1
            ):
                return True
        elif name in ("circle", "ellipse") and parts:
            radii = [_pixels(p) for p in parts]
            if any(radius is not None and radius <= 1 for radius in radii):
                return True
        elif name == "polygon":
            points = []
            for point in arguments.split(","):
                coordinates = [_pixels(p) for p in point.split()]
                if len(coordinates) != 2 or None in coordinates:
                    break
                points.append(coordinates)
            else:
                area = sum(
                    x1 * y2 - x2 * y1
                    for (x1, y1), (x2, y2) in zip(
                        points, points[1:] + points[:1], strict=True
                    )
                )
                if abs(area) / 2 <= 1:
                    return True
    return False


def _transform_hides(value):
    """Whether a ``transform`` shrinks an element to nothing or moves it off screen."""
    for name, arguments in _CSS_FUNCTION.findall(value):
        parts = _arguments(arguments)
        if name in ("scale", "scale3d", "scalex", "scaley"):
            factors = [_number(p) for p in parts[:2]]
            if any(f is not None and abs(f) <= 0.01 for f in factors):
                return True
        elif name in ("translate", "translate3d", "translatex", "translatey"):
            offsets = [_pixels(p) for p in parts[:2]]
            if any(o is not None and o <= _OFF_SCREEN for o in offsets):
                return True
        elif name == "matrix" and len(parts) == 6:
            a, b, c, d, e, f = (_number(p.removesuffix("px")) for p in parts)
            if None not in (a, b, c, d) and abs(a * d - b * c) <= 0.0001:
                return True
            if any(o is not None and o <= _OFF_SCREEN for o in (e, f)):
                return True
    return False


def _opacity_hides(value):
    amount = _number(value)
    return amount is not None and amount <= 0.1


def _filter_hides(value):
    for name, arguments in _CSS_FUNCTION.findall(value):
        if name == "opacity" and _opacity_hides(arguments):
            return True
    match = re.search(r"alpha\(\s*opacity\s*=\s*(\d+)", value)
    return bool(match and int(match[1]) <= 10)


def _font_size(value):
    """The size in a ``font`` shorthand ("bold 0/0 a"), or None."""
    for token in value.split():
        size = token.split("/")[0]
        if size == "0" or re.fullmatch(r"-?\d*\.?\d+[a-z%]+", size):
            return _pixels(size)
    return None


def _margin_offsets(style):
    """The top and left margins, from ``margin`` or the single properties."""
    top = left = None
    parts = style.get("margin", "").split()
    if 1 <= len(parts) <= 4:
        top = parts[0]
        left = parts[{1: 0, 2: 1, 3: 1, 4: 3}[len(parts)]]
    top = style.get("margin-top", top)
    left = style.get("margin-left", left)
    return (("margin-top", top), ("margin-left", left))


def _hidden_by_style(style):
    """How the CSS declarations ``style`` hide an element, or None."""
    if style.get("display") == "none":
        return "display:none"
    if style.get("visibility") in ("hidden", "collapse"):
        return f"visibility:{style['visibility']}"
    if _opacity_hides(style.get("opacity")):
        return f"opacity:{style['opacity']}"
    if "filter" in style and _filter_hides(style["filter"]):
        return f"filter:{style['filter']}"
    size = _pixels(style.get("font-size"))
    if size is not None and size <= 2:
        return f"font-size:{style['font-size']}"
    size = _font_size(style.get("font", ""))
    if size is not None and size <= 2:
        return f"font:{style['font']}"
    overflow_hidden = any(
        style.get(name) in ("hidden", "clip")
        for name in ("overflow", "overflow-x", "overflow-y")
    )
    for name in ("width", "height", "max-width", "max-height"):
        length = _pixels(style.get(name))
        if length is not None and length <= 1 and overflow_hidden:
            return f"{name}:{style[name]}; overflow:hidden"
    indent = _pixels(style.get("text-indent"))
    if indent is not None and indent <= _OFF_SCREEN:
        return f"text-indent:{style['text-indent']}"
    if style.get("position") in ("absolute", "fixed", "relative"):
        for name in ("left", "top", "right", "bottom"):
            offset = _pixels(style.get(name))
            if offset is not None and offset <= _OFF_SCREEN:
                return f"{name}:{style[name]}"
    for name, value in _margin_offsets(style):
        offset = _pixels(value)
        if offset is not None and offset <= _OFF_SCREEN:
            return f"{name}:{value}"
    if _clip_hides(style.get("clip", "")):
        return f"clip:{style['clip']}"
    if _clip_path_hides(style.get("clip-path", "")):
        return f"clip-path:{style['clip-path']}"
    if _transform_hides(style.get("transform", "")):
        return f"transform:{style['transform']}"
    return None


def _classes(tag):
    value = tag.get("class") or []
    return value.split() if isinstance(value, str) else value


def _hidden_by(tag):
    """
    How the element ``tag`` itself is made invisible or put off screen (the
    CSS that does it, ``aria-hidden``, ``class:<name>``, or a key of
    ``_HIDDEN_NAMES``), or None.
    """
    if tag.name == "template":
        return "template"
    if tag.has_attr("hidden"):
        return "hidden"
    if str(tag.get("aria-hidden", "")).strip().lower() == "true":
        return "aria-hidden"
    for name in _classes(tag):
        if name in _HIDING_CLASSES:
            return f"class:{name}"
    if not tag.get("style"):
        return None
    return _hidden_by_style(_style(tag))


def _colour_of(tag):
    """The text colour ``tag`` sets inline (its style, or ``<font color>``)."""
    colour = _style(tag).get("color") if tag.get("style") else None
    if colour is None and tag.name == "font":
        colour = tag.get("color")
    return colour


def _background_of(tag):
    """
    The background ``tag`` sets inline: a colour ``(r, g, b, a)``, "unknown"
    (an image, a Word shading, or a class, whose style sheet may give one),
    or None.
    """
    style = _style(tag) if tag.get("style") else {}
    for name in ("background-color", "background"):
        value = style.get(name, "")
        if value in _NO_BACKGROUND:
            continue
        for token in re.findall(r"(?:rgba?|hsla?)\([^)]*\)|#[0-9a-f]+|[a-z]+", value):
            if (colour := _rgba(token)) is not None:
                return colour if colour[3] > 0.1 else "unknown"
        return "unknown"
    if any(
        name.startswith(("background-image", "mso-shading", "mso-highlight"))
        and value not in _NO_BACKGROUND
        for name, value in style.items()
    ):
        return "unknown"
    if tag.get("bgcolor"):
        return _rgba(tag["bgcolor"]) or "unknown"
    if _classes(tag):
        return "unknown"
    return None


def _colour_hides(text):
    """
    How the colour of ``text`` (a string in a link) makes it invisible, or
    None: transparent, the colour of its background, or white (or nearly)
    with no background on any element around it, on the site's white page.
    A class on the way may set a colour or a background, which only the
    style sheet knows: then the text counts as visible.
    """
    colour = None
    element = text.parent
    while isinstance(element, Tag) and element.name != "[document]":
        value = _colour_of(element)
        if value:
            colour = (value, _rgba(value))
            break
        if _classes(element):
            return None
        element = element.parent
    if colour is None or colour[1] is None:
        return None
    value, rgba = colour
    if rgba[3] <= 0.1:
        return f"color:{value}"
    element = text.parent
    while isinstance(element, Tag) and element.name != "[document]":
        background = _background_of(element)
        if background == "unknown":
            return None
        if background is not None:
            return "color=background" if _close(rgba, background) else None
        element = element.parent
    if min(rgba[:3]) >= _NEAR_WHITE:
        return "color=white"
    return None


def _tiny(tag):
    """Whether an image is drawn at most 1 px wide or high."""
    style = _style(tag) if tag.get("style") else {}
    for name in ("width", "height"):
        for value in (style.get(name), tag.get(name)):
            size = _pixels(str(value)) if value is not None else None
            if size is not None and size <= 1:
                return True
    return False


def _visible(string):
    return any(
        not char.isspace() and _character(char)[0] != _IGNORED for char in string
    )


# How a link is hidden, when it is not said by the CSS that does it.
_HIDDEN_NAMES = {
    "hidden": lambda: gettext("hidden attribute"),
    "template": lambda: gettext("inside a template element"),
    "color=background": lambda: gettext("text colour same as background"),
    "color=white": lambda: gettext("white text on the white page"),
    "tiny-image": lambda: gettext("only a tiny image"),
    "empty": lambda: gettext("nothing to see in it"),
}


def _hidden_name(how):
    if how.startswith("class:"):
        return gettext("class %(name)s") % {"name": how.removeprefix("class:")}
    return _HIDDEN_NAMES[how]() if how in _HIDDEN_NAMES else how


def _leads_elsewhere(link):
    """
    Whether ``link`` leads somewhere: it has an address (or is a Wagtail
    link to a page or document), not only a place on the same page
    ("#main", as the site's own "skip to content" link).
    """
    if link.has_attr("linktype"):
        return True
    href = link.get("href")
    if href is None:
        return False
    href = normalise_url(href).strip()
    return bool(href) and not href.startswith("#")


class _HiddenLinks:
    """Finds how each link of a parsed document is hidden (see ``how``)."""

    def __init__(self):
        self._hidden = {}

    def hidden(self, tag):
        key = id(tag)
        if key not in self._hidden:
            self._hidden[key] = _hidden_by(tag)
        return self._hidden[key]

    def how(self, link):
        """
        How the link ``link`` is hidden, or None: it, or an element around
        it, is made invisible or put off screen; or nothing in it shows (its
        text hidden, transparent or white on white, only a 1×1 image, or
        nothing at all).
        """
        element = link
        while isinstance(element, Tag) and element.name != "[document]":
            if how := self.hidden(element):
                return how
            element = element.parent
        return self.content(link)

    def content(self, link):
        reasons, tiny = [], False
        styled = bool(_classes(link) or link.get("style"))
        stack = list(reversed(link.contents))
        while stack:
            node = stack.pop()
            if isinstance(node, Tag):
                # Content hidden from screen readers still shows.
                how = self.hidden(node)
                if how and how != "aria-hidden":
                    reasons.append(how)
                    continue
                styled = styled or bool(_classes(node) or node.get("style"))
                if node.name in _MEDIA_TAGS:
                    if node.name in ("img", "svg", "image") and _tiny(node):
                        tiny = True
                        continue
                    return None
                stack.extend(reversed(node.contents))
            elif type(node) is NavigableString and _visible(node):
                if how := _colour_hides(node):
                    reasons.append(how)
                    continue
                return None
        if reasons:
            return reasons[0]
        if tiny:
            return "tiny-image"
        # An empty link with a class or style may be drawn by the style
        # sheet (an icon, a background image): only the style sheet knows.
        return None if styled else "empty"


def _markup_findings(soup, *, field, field_key, document=False):
    """
    Hidden links, scripts and embedded code in the parsed ``soup``; in an
    HTML ``document``, its style sheet and links to its parts are allowed.
    """
    findings = []

    def found(kind, term, term_key, tag):
        findings.append(
            Finding(
                kind,
                field,
                term,
                _shortened(tag),
                field_key=field_key,
                term_key=term_key,
                markup=_one_line(str(tag)),
            )
        )

    hidden_links = _HiddenLinks()
    for link in soup.find_all("a"):
        if not _leads_elsewhere(link):
            continue
        if how := hidden_links.how(link):
            found(
                "hidden_link",
                gettext("hidden link (%(how)s)") % {"how": _hidden_name(how)},
                f"hidden_link:{how}",
                link,
            )
    for tag in soup.find_all(True):
        name = tag.name.lower()
        if name in _CODE_TAGS:
            # Wagtail keeps images in rich text as <embed embedtype="image">.
            if name == "embed" and tag.get("embedtype") == "image":
                continue
            found("script", f"<{name}>", f"tag:{name}", tag)
        elif name in _PAGE_ONLY_TAGS and not document:
            found("script", f"<{name}>", f"tag:{name}", tag)
        elif name == "meta" and "refresh" in str(tag.get("http-equiv", "")).lower():
            found("script", gettext("meta refresh (redirect)"), "meta-refresh", tag)
        for attribute, value in tag.attrs.items():
            attribute = attribute.lower()
            if attribute.startswith("on"):
                found(
                    "script",
                    gettext("event attribute %(name)s") % {"name": attribute},
                    f"attribute:{attribute}",
                    tag,
                )
            elif attribute in _URL_ATTRIBUTES and (scheme := _dangerous_scheme(value)):
                found(
                    "script",
                    gettext("%(scheme)s: address") % {"scheme": scheme},
                    f"scheme:{scheme}",
                    tag,
                )
    return findings


def _dangerous_scheme(value):
    """
    "javascript", "vbscript" or "data" when the URL ``value`` runs code
    (browsers ignore spaces and control characters in a scheme), else None.
    """
    compact = re.sub(r"[\s\x00-\x1f]+", "", normalise_url(value)).lower()
    if match := _DANGEROUS_SCHEMES.match(compact):
        return match[1].split(":")[0]
    return None


_PUNYCODE_LABEL = re.compile(r"(?i)(?<![a-z0-9-])xn--[a-z0-9-]+")


def _punycode_decoded(match):
    try:
        return match[0][4:].lower().encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return match[0]


def normalise_url(value):
    """
    A URL as it reads: its %-escapes decoded, invisible characters left
    out, and internationalised host names ("xn--lot-gacor-k9h.com") in the
    letters they show ("ѕlot-gacor.com").
    """
    if isinstance(value, list):
        value = " ".join(value)
    value = "".join(
        char
        for char in str(value)
        if _character(char)[0] != _IGNORED or char in "\t\n\r"
    )
    value = unquote_plus(unquote_plus(value))
    return _PUNYCODE_LABEL.sub(_punycode_decoded, value)


def _encoded(text):
    """Whether ``text`` may read otherwise as a URL (%-escapes, punycode)."""
    return "%" in text or "xn--" in text.lower()


def _text_of(soup):
    """The text of ``soup`` as a reader sees it: blocks on their own lines."""
    parts = []
    for element in soup.descendants:
        if isinstance(element, Tag):
            if element.name in _BLOCK_TAGS:
                parts.append("\n")
        elif type(element) is NavigableString:
            parts.append(str(element))
    return "".join(parts)


# Attributes read for terms: addresses (read as URLs) and texts.
_URL_LABELS = {
    "href": lambda: gettext("link address"),
    "xlink:href": lambda: gettext("link address"),
    "src": lambda: gettext("source address"),
    "srcset": lambda: gettext("image sources"),
}
_TEXT_LABELS = {
    "title": lambda: gettext("tooltip text"),
    "alt": lambda: gettext("alternative text"),
    "aria-label": lambda: gettext("accessible label"),
}
# Wagtail's own keys of rich-text blocks: random letters, not content.
_SKIPPED_ATTRIBUTES = frozenset(("data-block-key",))


def _attribute_findings(tag, *, field, field_key, lexicon):
    """The terms in the addresses, titles, labels and data attributes of ``tag``."""
    findings = []
    for attribute, value in tag.attrs.items():
        attribute = attribute.lower()
        if not value or attribute in _SKIPPED_ATTRIBUTES:
            continue
        if attribute in _URL_LABELS:
            value, label = normalise_url(value), _URL_LABELS[attribute]()
        elif attribute in _TEXT_LABELS:
            label = _TEXT_LABELS[attribute]()
        elif attribute.startswith("data-"):
            label = gettext("data attribute %(name)s") % {"name": attribute}
        else:
            continue
        if isinstance(value, list):
            value = " ".join(value)
        findings += _value_findings(
            value,
            field=_part(field, label),
            field_key=f"{field_key or field}/@{attribute}",
            lexicon=lexicon,
        )
    return findings


def _value_findings(text, *, field, field_key, lexicon):
    """
    The terms in ``text``, and in it read as a URL when it has %-escapes
    or punycode ("https://x.example/%73lot-gacor") that the text hides.
    """
    findings = text_findings(text, field=field, lexicon=lexicon, field_key=field_key)
    if _encoded(text):
        decoded = normalise_url(text)
        if decoded != text:
            terms = {finding.term for finding in findings}
            findings += [
                finding
                for finding in text_findings(
                    decoded, field=field, lexicon=lexicon, field_key=field_key
                )
                if finding.term not in terms
            ]
    return findings


def html_findings(html, *, field, lexicon, field_key="", document=False):
    """
    What the screening finds in the HTML or rich text ``html`` of ``field``:
    terms of ``lexicon`` in its text and in the addresses, titles, labels
    and data attributes of its elements; links made invisible or put off
    screen; scripts and embedded code. ``document``: an uploaded HTML
    document, whose style sheet (a page saved from Word has one) is allowed.
    """
    html = str(html or "")
    if not html.strip():
        return []
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    findings = text_findings(
        _text_of(soup), field=field, lexicon=lexicon, field_key=field_key
    )
    for tag in soup.find_all(True):
        findings += _attribute_findings(
            tag, field=field, field_key=field_key, lexicon=lexicon
        )
    findings += _markup_findings(
        soup, field=field, field_key=field_key, document=document
    )
    return _unique(findings)


_MARKUP = re.compile(r"<\s*[a-zA-Z!/]|javascript\s*:", re.I)


def _plain_findings(text, *, field, field_key, lexicon):
    """
    A plain-text field: its terms (also read as a URL, when it is one), and
    markup when someone put some in it.
    """
    text = str(text or "")
    findings = _value_findings(text, field=field, field_key=field_key, lexicon=lexicon)
    if _MARKUP.search(text):
        soup = BeautifulSoup(text, "html.parser")
        findings += _markup_findings(soup, field=field, field_key=field_key)
        # Addresses read as text already; escaped ones ("%73lot") decoded.
        for tag in soup.find_all(True):
            for attribute in ("href", "src"):
                value = tag.get(attribute)
                if value and ("+" in value or _encoded(value)):
                    findings += text_findings(
                        normalise_url(value),
                        field=field,
                        lexicon=lexicon,
                        field_key=field_key,
                    )
    return _unique(findings)


# -- Documents ---------------------------------------------------------------

TEXT_DOCUMENT_EXTENSIONS = frozenset(
    ("txt", "csv", "html", "htm", "xhtml", "svg", "md", "xml", "json")
)
_HTML_EXTENSIONS = frozenset(("html", "htm", "xhtml", "svg"))
# A text document is read a piece at a time, all of it. An HTML document up
# to this size is parsed whole (hidden links and scripts included); a larger
# one is read for terms only, as text, a piece at a time.
DOCUMENT_CHUNK_SIZE = 1024 * 1024
HTML_DOCUMENT_LIMIT = 10 * 1024 * 1024
_BYTE_ORDER_MARKS = (b"\xff\xfe", b"\xfe\xff")


def _document_label(document):
    return gettext("Document “%(name)s”") % {
        "name": document.filename or document.title
    }


def _extension(document):
    return os.path.splitext(document.file.name or "")[1].lstrip(".").lower()


def _encoding(data):
    return "utf-16" if data.startswith(_BYTE_ORDER_MARKS) else "utf-8-sig"


def _decoded_chunks(file, first=b""):
    """
    The text of ``file`` a piece at a time, after ``first`` (read already):
    UTF-8, or UTF-16 when it starts with its byte-order mark; undecodable
    bytes replaced.
    """
    pieces = (
        first[start : start + DOCUMENT_CHUNK_SIZE]
        for start in range(0, len(first), DOCUMENT_CHUNK_SIZE)
    )
    decoder = None
    rest = iter(lambda: file.read(DOCUMENT_CHUNK_SIZE), b"")
    for data in itertools.chain(pieces, rest):
        if decoder is None:
            decoder = codecs.getincrementaldecoder(_encoding(data))(errors="replace")
        yield decoder.decode(data)
    if decoder is not None:
        yield decoder.decode(b"", final=True)


def _document_content_findings(document, *, lexicon):
    """
    The findings in the content of ``document`` when it is a text document
    (else none), under its label. A file that cannot be read (missing, or
    the storage failing) is logged and has no findings: the title is still
    screened.
    """
    extension = _extension(document)
    if extension not in TEXT_DOCUMENT_EXTENSIONS:
        return []
    label = _document_label(document)
    key = f"/document:{document.pk}/content"
    try:
        with document.file.open("rb") as file:
            if extension in _HTML_EXTENSIONS:
                data = file.read(HTML_DOCUMENT_LIMIT + 1)
                if len(data) <= HTML_DOCUMENT_LIMIT:
                    return html_findings(
                        data.decode(_encoding(data), errors="replace"),
                        field=label,
                        lexicon=lexicon,
                        field_key=key,
                        document=True,
                    )
                chunks = _decoded_chunks(file, first=data)
            else:
                chunks = _decoded_chunks(file)
            return _unique(
                Finding("term", label, term, excerpt, field_key=key)
                for term, excerpt in lexicon.find_chunks(chunks)
            )
    except Exception:
        # Any error of any storage (botocore's ClientError on S3 …): the
        # screening goes on without the content.
        logger.warning(
            "Screening could not read the document %s (%s)",
            document.pk,
            document.file.name,
            exc_info=True,
        )
        return []


def _document_findings(document, content, *, lexicon, field="", field_key=""):
    """
    The findings in ``document`` (its title, and ``content``: the findings
    of ``_document_content_findings``), as a part of ``field`` when given.
    """
    label = _document_label(document)
    if field:
        label = _part(field, label)
    key = f"{field_key}/document:{document.pk}"
    findings = _plain_findings(
        document.title,
        field=_part(label, capfirst(_verbose_name(document, "title"))),
        field_key=f"{key}/title",
        lexicon=lexicon,
    )
    for finding in content:
        findings.append(
            replace(
                finding,
                field=_part(field, finding.field) if field else finding.field,
                field_key=f"{field_key}{finding.field_key}",
            )
        )
    return _unique(findings)


def document_findings(document, *, lexicon):
    """
    What the screening finds in an uploaded document: its title and, for a
    text document (.txt, .csv, .html …), its content, all of it.
    """
    return _document_findings(
        document, _document_content_findings(document, lexicon=lexicon), lexicon=lexicon
    )


def _verbose_name(instance, name):
    return str(instance._meta.get_field(name).verbose_name)


# -- Pages -------------------------------------------------------------------

# Fields of a page that are not its content.
_SKIPPED_FIELDS = frozenset(("path", "draft_title", "url_path"))


@functools.cache
def _text_fields(model):
    """The text fields of ``model`` people write in (no choices, editable)."""
    from wagtail.fields import RichTextField

    fields = []
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, (models.CharField, models.TextField))
            and field.editable
            and not field.choices
            and field.name not in _SKIPPED_FIELDS
        ):
            fields.append((field, isinstance(field, RichTextField)))
    return fields


def _asset_models():
    """The models of images, and of audio and video files when installed."""
    from django.apps import apps

    from wagtail.images import get_image_model

    models_ = [get_image_model()]
    if apps.is_installed("wagtailmedia"):
        from wagtailmedia.models import get_media_model

        models_.append(get_media_model())
    return models_


class _PageReader:
    """Reads every field of one page instance and what it refers to."""

    def __init__(self, page, lexicon):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        self.page = page
        self.lexicon = lexicon
        self.image_model = get_image_model()
        self.document_model = get_document_model()
        self.findings = []
        # Images, audio and video files, and documents referred to by id,
        # fetched together at the end, one query a model: (label, key) of
        # each place that refers to them.
        self.asset_refs = {model: {} for model in _asset_models()}
        self.document_refs = {}
        self.documents_read = {}

    # Text

    def plain(self, text, label, key):
        if text:
            self.findings += _plain_findings(
                text, field=label, field_key=key, lexicon=self.lexicon
            )

    def rich(self, html, label, key):
        if not html:
            return
        html = str(html)
        self.findings += html_findings(
            html, field=label, lexicon=self.lexicon, field_key=key
        )
        # Images and documents that Wagtail's rich text refers to by id.
        if "embedtype" in html or "linktype" in html:
            soup = BeautifulSoup(html, "html.parser")
            for embed in soup.find_all("embed", embedtype="image"):
                self.refer(
                    self.asset_refs[self.image_model], embed.get("id"), label, key
                )
            for link in soup.find_all("a", linktype="document"):
                self.refer(self.document_refs, link.get("id"), label, key)

    @staticmethod
    def refer(refs, pk, label, key):
        try:
            pk = int(pk)
        except (TypeError, ValueError):
            return
        refs.setdefault(pk, []).append((label, key))

    # Model instances (the page and its child objects)

    @staticmethod
    def label(prefix, field):
        label = capfirst(str(field.verbose_name))
        return _part(prefix, label) if prefix else label

    def instance(self, obj, prefix="", key_prefix=""):
        from wagtail.fields import StreamField

        for field in obj._meta.concrete_fields:
            label = self.label(prefix, field)
            key = f"{key_prefix}{field.name}"
            if isinstance(field, StreamField):
                self.stream(getattr(obj, field.attname), label, key)
            elif isinstance(field, models.ForeignKey):
                pk = getattr(obj, field.attname)
                if pk is None:
                    continue
                if field.related_model in self.asset_refs:
                    self.refer(self.asset_refs[field.related_model], pk, label, key)
                elif field.related_model is self.document_model:
                    self.refer(self.document_refs, pk, label, key)
        for field, is_rich in _text_fields(type(obj)):
            label = self.label(prefix, field)
            key = f"{key_prefix}{field.name}"
            value = getattr(obj, field.attname)
            if is_rich:
                self.rich(value, label, key)
            else:
                self.plain(value, label, key)

    def children(self):
        from modelcluster.models import get_all_child_relations
        from taggit.models import ItemBase

        page = self.page
        for relation in get_all_child_relations(type(page)):
            model = relation.related_model
            if model._meta.app_label.startswith("wagtail"):
                continue  # comments of the editors, not content
            accessor = relation.get_accessor_name()
            objects = list(getattr(page, accessor).all())
            if issubclass(model, ItemBase):
                self.tags(model, objects)
                continue
            name = capfirst(str(model._meta.verbose_name))
            for number, obj in enumerate(objects, start=1):
                self.instance(
                    obj,
                    prefix=gettext("%(item)s %(number)s")
                    % {"item": name, "number": number},
                    key_prefix=f"{accessor}/{number}/",
                )

    def tags(self, through, items):
        tag_ids = {item.tag_id for item in items if item.tag_id}
        if not tag_ids:
            return
        tag_model = through._meta.get_field("tag").related_model
        label = capfirst(gettext("tags"))
        for field in type(self.page)._meta.many_to_many:
            if getattr(field, "through", None) is through:
                label = capfirst(str(field.verbose_name))
        for tag in tag_model.objects.filter(pk__in=tag_ids).only("name"):
            self.plain(tag.name, label, "tags")

    # StreamField

    def stream(self, value, label, key):
        if value is None:
            return
        raw_data = getattr(value, "raw_data", None)
        for number, child in enumerate(value, start=1):
            block_label = gettext("%(field)s › block %(number)s (%(block)s)") % {
                "field": label,
                "number": number,
                "block": child.block.label,
            }
            raw = raw_data[number - 1] if raw_data is not None else None
            self.block(
                child.block,
                child.value,
                block_label,
                f"{key}/{child.id or number}",
                raw=raw.get("value") if isinstance(raw, dict) else None,
            )

    def block(self, block, value, label, key, raw=None):
        """
        One block's ``value``; ``raw`` is what is stored for it, when known
        (Wagtail gives blocks showing the same image one image object, with
        the alternative text of only one of them).
        """
        from wagtail import blocks
        from wagtail.documents.blocks import DocumentChooserBlock
        from wagtail.images.blocks import ImageBlock, ImageChooserBlock

        if value is None:
            return
        if isinstance(block, ImageBlock):
            self.image(value, label, key)
            if isinstance(raw, dict):
                alt = "" if raw.get("decorative") else raw.get("alt_text")
            else:
                alt = getattr(value, "contextual_alt_text", "")
            alt_label = block.child_blocks["alt_text"].label
            self.plain(alt, _part(label, alt_label), f"{key}/alt_text")
        elif isinstance(block, ImageChooserBlock):
            self.image(value, label, key)
        elif isinstance(block, DocumentChooserBlock):
            self.document(value, label, key)
        elif isinstance(block, blocks.RichTextBlock):
            self.rich(getattr(value, "source", value), label, key)
        elif isinstance(block, blocks.RawHTMLBlock):
            self.findings += html_findings(
                value, field=label, lexicon=self.lexicon, field_key=key
            )
        elif isinstance(block, blocks.StructBlock):
            for name, child_block in block.child_blocks.items():
                self.block(
                    child_block,
                    value.get(name),
                    _part(label, child_block.label),
                    f"{key}/{name}",
                    raw=raw.get(name) if isinstance(raw, dict) else None,
                )
        elif isinstance(block, blocks.StreamBlock):
            self.stream(value, label, key)
        elif isinstance(block, blocks.ListBlock):
            raw_items = raw if isinstance(raw, list) else []
            for number, item in enumerate(value, start=1):
                raw_item = raw_items[number - 1] if number <= len(raw_items) else None
                if isinstance(raw_item, dict) and raw_item.get("type") == "item":
                    raw_item = raw_item.get("value")
                self.block(
                    block.child_block,
                    item,
                    _part(label, number),
                    f"{key}/{number}",
                    raw=raw_item,
                )
        elif isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock)):
            return
        elif isinstance(value, str):
            self.plain(value, label, key)

    # Images and documents

    def image(self, image, label, key):
        """An image, or an audio or video file: its title, description …"""
        name = image._meta.model_name
        for field, is_rich in _text_fields(type(image)):
            field_label = _part(label, capfirst(str(field.verbose_name)))
            field_key = f"{key}/{name}:{image.pk}/{field.name}"
            value = getattr(image, field.attname)
            if is_rich:
                self.rich(value, field_label, field_key)
            else:
                self.plain(value, field_label, field_key)

    def document(self, document, label, key):
        # A document referred to in several places is read once.
        if document.pk not in self.documents_read:
            self.documents_read[document.pk] = _document_content_findings(
                document, lexicon=self.lexicon
            )
        self.findings += _document_findings(
            document,
            self.documents_read[document.pk],
            lexicon=self.lexicon,
            field=label,
            field_key=key,
        )

    def referred(self):
        for model, refs in self.asset_refs.items():
            if refs:
                for asset in model.objects.filter(pk__in=refs):
                    for label, key in refs[asset.pk]:
                        self.image(asset, label, key)
        if self.document_refs:
            for document in self.document_model.objects.filter(
                pk__in=self.document_refs
            ):
                for label, key in self.document_refs[document.pk]:
                    self.document(document, label, key)

    def read(self):
        self.instance(self.page)
        self.children()
        self.referred()
        return _unique(self.findings)


def page_findings(page, *, lexicon=None):
    """
    What the screening finds in every field of ``page`` (a live page or a
    revision's ``as_object()``): its text fields, rich text and StreamField
    blocks, its child objects (photos of an album …), its tags, and the
    images and documents it refers to. ``lexicon`` defaults to the active
    lexicon. A bounded number of queries, however many blocks and images.
    """
    from wagtail.models import Page

    if lexicon is None:
        lexicon = lexicon_active()
    if type(page) is Page and page.specific_class not in (None, Page):
        page = page.specific
    return _PageReader(page, lexicon).read()
