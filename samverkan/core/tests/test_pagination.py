from django.core.paginator import Paginator

from samverkan.core.templatetags.pages import page_numbers


def numbers(count: int, current: int) -> list[int]:
    return page_numbers(Paginator(range(count), 1).page(current))


def test_first_last_and_two_on_each_side():
    assert numbers(800, 1) == [1, 2, 3, 800]
    assert numbers(800, 400) == [1, 398, 399, 400, 401, 402, 800]
    assert numbers(800, 799) == [1, 797, 798, 799, 800]


def test_few_pages_are_all_linked():
    assert numbers(3, 2) == [1, 2, 3]
    assert numbers(1, 1) == [1]
