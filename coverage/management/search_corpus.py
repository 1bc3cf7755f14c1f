"""Synthetic Vietnamese text for ``manage.py benchmark_search``.

A search benchmark is only as honest as its text. A few dozen words repeated at random
make every article match every query, which is neither what readers see nor what the
database must do. So the text here is built the way Vietnamese is:

- Words are syllables. Every syllable the spelling rules allow (initial consonant, rhyme
  and tone, a few thousand once accents are folded) is drawn with a Zipf-like frequency:
  common function and domain syllables first ("của", "và", "Đảng", "doanh"...), the
  rest in a fixed shuffled order. Folding merges tones ("đang", "Đảng", "dạng" → "dang"),
  as it does for real readers' queries.
- The coverage's real phrases ("xây dựng Đảng", "Tết ấm yêu thương", "EVN") appear in a
  fraction of articles that falls with their rank, from about a third to under one in a
  hundred, sometimes in the headline.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from dataclasses import dataclass

_INITIALS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng",
             "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]  # fmt: skip
_OPEN_RHYMES = ["a", "ai", "ao", "au", "ay", "âu", "ây", "e", "eo", "ê", "êu", "i", "ia", "iu",
                "o", "oa", "oai", "oe", "oi", "ô", "ôi", "ơ", "ơi", "u", "ua", "uê", "ui", "uy",
                "ư", "ưa", "ưi", "ưu", "ươi", "iêu", "uôi", "oay"]  # fmt: skip
_CLOSED_RHYMES = ["am", "an", "ang", "anh", "ăm", "ăn", "ăng", "âm", "ân", "âng", "em", "en",
                  "êm", "ên", "ênh", "im", "in", "inh", "om", "on", "ong", "ôm", "ôn", "ông",
                  "ơm", "ơn", "um", "un", "ung", "ưng", "iêm", "iên", "iêng", "uôm", "uôn",
                  "uông", "ươm", "ương", "oan", "oang", "oanh", "oăn", "uân", "uyên",
                  "uynh"]  # fmt: skip
# Rhymes ending in a stop consonant take only the sắc and nặng tones.
_STOP_RHYMES = ["ac", "at", "ach", "ap", "ăc", "ăt", "ăp", "âc", "ât", "âp", "ec", "et", "ep",
                "êch", "êt", "ich", "it", "ip", "oc", "ot", "op", "ôc", "ôt", "ôp", "ơt", "ơp",
                "uc", "ut", "up", "ưc", "ưt", "iêc", "iêt", "iêp", "uôc", "uôt", "ươc", "ươt",
                "ươp", "oac", "oat", "oach", "uât", "uyêt"]  # fmt: skip
_ALL_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_STOP_TONES = ["\u0301", "\u0323"]
_VOWELS = set("aăâeêioôơuưy")
_SHAPED = set("ăâêôơư")

# The most frequent syllables of Vietnamese prose, then of this newsroom's subject.
_COMMON_TEXT = """của và các là trong được có những cho với đã một này không để người khi từ về
theo đến năm nhiều cũng như tại sẽ đó ra hơn nhưng thì vào làm cao lại phải chính trên việc
Đảng doanh nghiệp nhà nước phát triển kinh tế xây dựng công tác cán bộ đảng viên tổ chức
quản lý trị tập đoàn tổng ty mới đổi hiệu quả thực hiện nhiệm vụ nâng lao động hội đồng
chất lượng vốn đầu tư sản xuất thị trường hoạt thành lãnh đạo chỉ đạo chương trình kế hoạch
nghiên cứu tư tưởng đạo đức Hồ Chí Minh Việt Nam Trung ương Khối ban học"""
COMMON = _COMMON_TEXT.split()

# (phrase, share of articles that carry it): the demo coverage's own words, most common first.
PHRASES = [
    ("doanh nghiệp nhà nước", 0.35), ("xây dựng Đảng", 0.30), ("tổ chức cơ sở đảng", 0.16),
    ("Đảng ủy Khối Doanh nghiệp Trung ương", 0.12), ("nghị quyết", 0.10),
    ("phát triển bền vững", 0.09), ("đại hội nhiệm kỳ 2020 - 2025", 0.07),
    ("quản trị doanh nghiệp", 0.06), ("cổ phần hóa", 0.05), ("đổi mới công nghệ", 0.05),
    ("Tập đoàn Điện lực Việt Nam (EVN)", 0.04), ("nguồn lực", 0.04),
    ("Tạp chí Cộng sản", 0.035), ("chỉ thị 05-CT/TW", 0.03), ("người lao động", 0.03),
    ("Tập đoàn Dầu khí Việt Nam", 0.025), ("hàng Việt Nam", 0.02),
    ("than - khoáng sản", 0.02), ("hội thảo khoa học", 0.018), ("tín dụng nông thôn", 0.015),
    ("phân bón", 0.012), ("biên giới, hải đảo", 0.01),
    ("khơi thông nguồn lực, tạo động lực mới", 0.008), ("Tết ấm yêu thương", 0.006),
]  # fmt: skip
# The benchmark's reader queries: folded and accented, common and rare.
QUERIES = [
    "xay dung dang", "XÂY DỰNG ĐẢNG", "dang uy khoi", "tet am yeu thuong", "evn",
    "doanh nghiep nha nuoc", "co phan hoa", "hội thảo nguồn lực", "dien luc", "hang viet",
    "tín dụng nông thôn", "dai hoi nhiem ky", "quan tri", "cong nghe", "bien gioi hai dao",
    "khoi thong nguon luc", "nghị quyết", "phat trien ben vung", "than khoang san", "phan bon",
]  # fmt: skip


def _with_tone(rhyme: str, tone: str) -> str:
    """Place the tone mark where Vietnamese spelling puts it (modern style), NFC."""
    vowels = [i for i, ch in enumerate(rhyme) if ch in _VOWELS]
    shaped = [i for i in vowels if rhyme[i] in _SHAPED]
    if shaped:
        target = shaped[-1]
    elif rhyme[-1] not in _VOWELS or rhyme[vowels[0] : vowels[-1] + 1] in ("oa", "oe", "uy"):
        target = vowels[-1]
    else:
        target = vowels[0] if len(vowels) < 3 else vowels[1]
    return unicodedata.normalize("NFC", rhyme[: target + 1] + tone + rhyme[target + 1 :])


def _spell(initial: str, rhyme: str) -> str | None:
    """Join an initial and a rhyme by the spelling rules (k/gh/ngh before i, e, ê)."""
    front = rhyme[0] in "ieê"
    if initial == "k" and not front:
        return None
    if front and initial in ("c", "g", "ng"):
        initial = {"c": "k", "g": "gh", "ng": "ngh"}[initial]
    if initial == "qu" and rhyme[0] in "uoô":
        return None
    if initial == "gi" and rhyme[0] == "i":
        return None
    return initial + rhyme


def syllables() -> list[str]:
    """Every spelled syllable, common ones first, the rest in a fixed shuffled order."""
    generated = set()
    for initial, rhyme in itertools.product(_INITIALS, _OPEN_RHYMES + _CLOSED_RHYMES):
        for tone in _ALL_TONES:
            spelled = _spell(initial, _with_tone(rhyme, tone))
            if spelled:
                generated.add(unicodedata.normalize("NFC", spelled))
    for initial, rhyme in itertools.product(_INITIALS, _STOP_RHYMES):
        for tone in _STOP_TONES:
            spelled = _spell(initial, _with_tone(rhyme, tone))
            if spelled:
                generated.add(unicodedata.normalize("NFC", spelled))
    common = list(dict.fromkeys(COMMON))
    rest = sorted(generated - set(common))
    random.Random(5032020).shuffle(rest)
    return common + rest


@dataclass
class Article:
    title: str
    sapo: str
    paragraphs: list[str]


class Corpus:
    """Draws articles from Zipf-distributed syllables and ranked real phrases."""

    def __init__(self, rng: random.Random, zipf_exponent: float = 1.0):
        self.rng = rng
        self.words = syllables()
        # Zipf–Mandelbrot weights: the offset flattens the head, as in real text.
        weights = [1 / (rank + 2.7) ** zipf_exponent for rank in range(len(self.words))]
        self.cum_weights = list(itertools.accumulate(weights))

    def _run(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum_weights, k=count)

    def article(self, paragraphs: int = 6, paragraph_words: int = 90) -> Article:
        rng = self.rng
        title = self._run(rng.randint(8, 14))
        sapo = self._run(rng.randint(30, 45))
        body = [self._run(rng.randint(paragraph_words // 2, paragraph_words * 3 // 2))
                for _ in range(paragraphs)]  # fmt: skip
        for phrase, share in PHRASES:
            if rng.random() >= share:
                continue
            words = phrase.split()
            # A quarter of the articles that carry a phrase carry it in the headline too.
            if rng.random() < 0.25:
                at = rng.randint(0, len(title))
                title[at:at] = words
            if rng.random() < 0.5:
                at = rng.randint(0, len(sapo))
                sapo[at:at] = words
            for _ in range(rng.randint(1, 3)):
                paragraph = rng.choice(body)
                at = rng.randint(0, len(paragraph))
                paragraph[at:at] = words
        return Article(
            title=_sentence(title, end=""),
            sapo=_sentence(sapo),
            paragraphs=[_sentence(words) for words in body],
        )


def _sentence(words: list[str], end: str = ".") -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + end
