"""``in_background``: items made in a thread, given in order, errors in their place."""

from __future__ import annotations

import threading

import pytest

from kg.background import in_background
from kg.errors import KGError


def _made(log: list[int], n: int, fail_at: int | None = None):
    for i in range(n):
        if i == fail_at:
            raise KGError(f"item {i} is bad")
        log.append(i)
        yield i


def test_items_come_in_order_made_in_another_thread():
    threads = set()

    def items():
        for i in range(100):
            threads.add(threading.current_thread())
            yield i

    assert list(in_background(items(), ahead=3)) == list(range(100))
    assert threading.current_thread() not in threads


def test_an_error_comes_after_the_items_made_before_it():
    got = []
    with pytest.raises(KGError, match="item 3 is bad"):
        for item in in_background(_made([], 10, fail_at=3), ahead=8):
            got.append(item)
    assert got == [0, 1, 2]


def test_a_caller_that_stops_early_stops_the_thread():
    log: list[int] = []
    before = threading.active_count()
    stream = in_background(_made(log, 1000), ahead=2)
    assert [next(stream), next(stream)] == [0, 1]
    stream.close()
    assert threading.active_count() == before
    assert len(log) <= 6  # what was taken, what waited in the queue, what was being made


def test_nothing_to_make():
    assert list(in_background(iter(()), ahead=4)) == []
