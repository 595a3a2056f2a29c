"""The numbers a sentence states, in English or Chinese writing, so a fact can be checked against its quote.

"3 billion yuan" states 3 and 3,000,000,000; "4705亿元" states 4705 and 470,500,000,000;
"one state-level key laboratory" states 1; "ranked first" and "第一" state 1.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SCALE_WORDS = {"hundred": 10**2, "thousand": 10**3, "ten thousand": 10**4, "hundred thousand": 10**5,
                "million": 10**6, "ten million": 10**7, "hundred million": 10**8, "billion": 10**9,
                "trillion": 10**12, "百": 10**2, "千": 10**3, "万": 10**4, "百万": 10**6, "千万": 10**7,
                "亿": 10**8, "万亿": 10**12}
_ENGLISH_SCALES = "|".join(sorted((word for word in _SCALE_WORDS if word.isascii()), key=len, reverse=True))
_CHINESE_SCALES = "|".join(sorted((word for word in _SCALE_WORDS if not word.isascii()), key=len, reverse=True))
_ARABIC = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    rf"(?:\s*({_ENGLISH_SCALES})\b|\s*({_CHINESE_SCALES}))?", re.IGNORECASE)
_CARDINALS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth")
_ENGLISH_NUMBERS = {word: value for value, word in enumerate(_CARDINALS)} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "a thousand": 1000, "dozen": 12, "a dozen": 12, "single": 1, "once": 1, "twice": 2}
_ENGLISH_ORDINALS = {word: value for value, word in enumerate(_ORDINALS, start=1)}
_ENGLISH_WORD = re.compile(r"\b(" + "|".join(sorted((*_ENGLISH_NUMBERS, *_ENGLISH_ORDINALS), key=len, reverse=True))
                           + r")\b", re.IGNORECASE)
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")


def _chinese_value(text: str) -> int:
    """三十六 -> 36, 一万二千 -> 12000, 十 -> 10."""
    total, section, digit = 0, 0, None
    for char in text:
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
        elif char in _CHINESE_UNITS:
            section += (1 if digit is None else digit) * _CHINESE_UNITS[char]
            digit = None
        else:  # 万 or 亿 closes a section
            section += digit or 0
            total = (total + section) * (10**4 if char == "万" else 10**8)
            section, digit = 0, None
    return total + section + (digit or 0)


def stated_numbers(text: str) -> set[Decimal]:
    """Every value the text states. A number followed by a scale word states only the scaled quantity:
    "23.7 hundred million yuan" states 2,370,000,000, so a fact that reads it as 23.7 million fails."""
    found: set[Decimal] = set()
    for match in _ARABIC.finditer(text):
        try:
            number = Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))
        except InvalidOperation:
            continue
        scale = (match.group(3) or match.group(4) or "").lower()
        found.add(number * _SCALE_WORDS[" ".join(scale.split())] if scale else number)
    for match in _ENGLISH_WORD.finditer(text):
        word = match.group(1).lower()
        found.add(Decimal(_ENGLISH_NUMBERS.get(word, _ENGLISH_ORDINALS.get(word, 0))))
    for match in _CHINESE_NUMBER.finditer(text):
        if any(char in _CHINESE_DIGITS or char == "十" for char in match.group(0)):  # not a bare scale: 1.5万亿
            found.add(Decimal(_chinese_value(match.group(0))))
    return found


def states(text: str, *values: Decimal) -> bool:
    """Whether the text states any of the values (a decrease may be written without its sign)."""
    stated = stated_numbers(text)
    return any(value in stated or -value in stated for value in values)
