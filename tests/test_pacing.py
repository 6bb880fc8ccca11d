"""Pacing under Telegram's limits, on a fake clock: no real waiting."""

from __future__ import annotations

import pytest

from bot.pacing import Limits, Pacer
from devtools.standin.limits import Limits as StandinLimits
from devtools.standin.limits import RateGate


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


def sliding_max(times: list[float], span: float) -> int:
    """Most events in any half-open window of ``span`` seconds."""
    best, j = 0, 0
    for i, t in enumerate(times):
        while times[j] <= t - span:
            j += 1
        best = max(best, i - j + 1)
    return best


async def test_fan_out_runs_near_the_overall_limit_and_never_over() -> None:
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    times = []
    for chat in range(1, 3001):
        async with pacer.turn(chat, clock.sleep):
            pass
        times.append(clock.now)
    assert sliding_max(times, 1.0) <= 30
    rate = (len(times) - 1) / (times[-1] - times[0])
    assert 30 * 0.95 <= rate <= 30


async def test_one_chat_gets_at_most_one_message_a_second() -> None:
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    times = []
    for _ in range(10):
        async with pacer.turn(42, clock.sleep):
            pass
        times.append(clock.now)
    assert sliding_max(times, 1.0) == 1
    assert times[-1] - times[0] < 10  # but not much slower than that


async def test_a_group_gets_at_most_twenty_a_minute() -> None:
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    times = []
    for _ in range(45):
        async with pacer.turn(-100123, clock.sleep):
            pass
        times.append(clock.now)
    assert sliding_max(times, 60.0) == 20
    assert sliding_max(times, 1.0) == 1
    assert times[-1] - times[0] < 3 * 62


async def test_other_chats_are_not_held_back_by_a_busy_one() -> None:
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    stamp = pacer.try_acquire(7)
    assert stamp is not None
    pacer.settle(stamp)
    assert pacer.try_acquire(7) is None
    assert pacer.delay(7) == pytest.approx(1 / 0.995)
    # Another chat only waits for the even spacing of the overall limit (~1/30 s).
    assert 0 < pacer.delay(8) < 1 / 30
    clock.now += pacer.delay(8)
    assert pacer.try_acquire(8) is not None


async def test_windows_count_from_the_answer_and_hold_a_chat_while_in_flight() -> None:
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    stamp = pacer.try_acquire(7)
    assert stamp is not None
    clock.now += 3.0  # a slow answer
    assert pacer.delay(7) == float("inf")  # not before the answer is in
    pacer.settle(stamp)
    assert pacer.delay(7) == pytest.approx(1 / 0.995)  # a full window after the answer


async def test_slow_answers_never_let_arrivals_crowd_a_window() -> None:
    """Requests leave paced but arrive after a random delay (up to 0.2 s) and are answered
    right after arriving: any 1 s of arrivals still holds at most 30."""
    import random

    rng = random.Random(5)
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    arrivals: list[float] = []
    in_flight: list[tuple[float, object]] = []  # (answer time, stamp)
    for chat in range(1, 1501):
        while (stamp := pacer.try_acquire(chat)) is None:
            in_flight.sort(key=lambda x: x[0])
            step = pacer.delay(chat)
            if in_flight and in_flight[0][0] <= clock.now + min(step, 1e9):
                clock.now = max(clock.now, in_flight[0][0])
                pacer.settle(in_flight.pop(0)[1])  # type: ignore[arg-type]
            else:
                clock.now += step
        arrival = clock.now + rng.uniform(0, 0.2)
        arrivals.append(arrival)
        in_flight.append((arrival + 0.001, stamp))
    arrivals.sort()
    assert sliding_max(arrivals, 1.0) <= 30


async def test_pause_holds_every_chat_until_the_window_ends() -> None:
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    pacer.pause(5)
    assert pacer.paused_for() == 5
    assert pacer.delay(1) == 5 and pacer.delay(-2) == 5
    assert pacer.try_acquire(1) is None
    start = clock.now
    async with pacer.turn(1, clock.sleep):
        pass
    assert clock.now - start >= 5
    pacer.pause(1)
    pacer.pause(0.5)  # a shorter pause never shortens a longer one
    assert pacer.paused_for() == 1


async def test_standin_rate_gate_never_refuses_paced_traffic() -> None:
    """The stand-in's own limit checker, on the same clock, admits everything paced here."""
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    gate = RateGate(StandinLimits(), clock)
    chats = [*range(1, 200), *(-i for i in range(1, 6))] * 12
    for chat in chats:
        async with pacer.turn(chat, clock.sleep):
            pass
        assert gate.admit(chat, chat < 0) is None


async def test_idle_chats_are_forgotten() -> None:
    clock = FakeClock()
    pacer = Pacer(clock=clock)
    for chat in range(1, 2001):
        async with pacer.turn(chat, clock.sleep):
            pass
    clock.now += 120
    for chat in range(5001, 6001):
        async with pacer.turn(chat, clock.sleep):
            pass
    assert pacer.tracked_chats() < 1100


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError):
        Limits(headroom=0)
    with pytest.raises(ValueError):
        Limits(overall=0)
