"""figures.py: the values a sentence states, however it writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from builder.figures import stated_numbers, states


@pytest.mark.parametrize(("text", "value"), [
    ("worth 3 billion yuan in the whole year", Decimal(3_000_000_000)),
    ("the total number of domestic patent applications has been 36,553", Decimal(36553)),
    ("accounted for 28.39%of GDP", Decimal("28.39")),
    ("地区生产总值4705亿元", Decimal(470_500_000_000)),
    ("新增高新技术企业46家", Decimal(46)),
    ("排名全省第一", Decimal(1)),
    ("共有三十六家", Decimal(36)),
    ("ranking first in the province", Decimal(1)),
    ("ranked 23rd among the 100 counties", Decimal(23)),
    ("our city has one state-level key laboratory", Decimal(1)),
    ("Three national-level modernizations", Decimal(3)),
    ("a total of 755 million yuan has been invested", Decimal(755_000_000)),
    ("decreased by 1%", Decimal(-1)),
])
def test_a_value_is_found_in_any_written_form(text: str, value: Decimal) -> None:
    assert states(text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("In 2021, there were 478 high-tech enterprises", Decimal(479)),
    ("worth 3 billion yuan", Decimal(3_000_000)),
    ("one of the 12 cities", Decimal(112)),
    ("reached 1,084", Decimal(84)),
    ("worth 3 billion yuan in the whole year", Decimal(3)),  # a scaled number states only its quantity
    ("23.7 hundred million yuan", Decimal(23_700_000)),
])
def test_a_value_the_text_does_not_state_is_not_found(text: str, value: Decimal) -> None:
    assert not states(text, value)


def test_numbers_are_read_whole() -> None:
    assert stated_numbers("11.421 billion yuan") == {Decimal(11_421_000_000)}
    assert stated_numbers("23.7 hundred million yuan") == {Decimal(2_370_000_000)}
    assert stated_numbers("增加到1.5万亿元") == {Decimal(1_500_000_000_000)}
