from __future__ import annotations

import queue
from collections.abc import Callable, Iterator

import pytest
from ptys import PtyPair

from devices.events import DeviceEvent


class EventLog:
    """Collects events from a reader thread; `wait_for` returns the first new one that matches."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[DeviceEvent] = queue.SimpleQueue()
        self.seen: list[DeviceEvent] = []

    def __call__(self, event: DeviceEvent) -> None:
        self._queue.put(event)

    def wait_for(self, predicate: Callable[[DeviceEvent], bool], timeout: float = 10.0) -> DeviceEvent:
        while True:
            try:
                event = self._queue.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no matching event within {timeout}s; seen: {self.seen}") from None
            self.seen.append(event)
            if predicate(event):
                return event

    def drain(self) -> list[DeviceEvent]:
        events = []
        while True:
            try:
                events.append(self._queue.get_nowait())
            except queue.Empty:
                self.seen.extend(events)
                return events


@pytest.fixture
def events() -> EventLog:
    return EventLog()


@pytest.fixture
def make_pty(tmp_path) -> Iterator[Callable[..., PtyPair]]:
    made: list[PtyPair] = []

    def make(device_name: str = "device", peer_name: str = "peer") -> PtyPair:
        pair = PtyPair(tmp_path, device_name, peer_name)
        made.append(pair)
        return pair

    yield make
    for pair in made:
        pair.unplug(hard=True)
