"""The customer-data keys a central database records, by their fingerprint."""

from __future__ import annotations

import enum


class KeyStatus(enum.StrEnum):
    CURRENT = "current"    # seals every new value; exactly one once anything has been sealed
    PREVIOUS = "previous"  # the key a rotation is moving away from: still opens, never seals
    RETIRED = "retired"    # nothing is sealed under it any more; stations no longer need it
