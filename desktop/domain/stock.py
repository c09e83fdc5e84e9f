"""Stock movements: the one ledger every change of on-hand is written to."""

from __future__ import annotations

import enum


class MovementKind(enum.StrEnum):
    """Why a quantity changed in a location. `replay_ledger` sums every kind alike."""

    OPENING_BALANCE = "opening_balance"
    RECEIPT = "receipt"
    PUTAWAY = "putaway"
    MOVE = "move"
    PICK = "pick"
    ADJUSTMENT = "adjustment"
    RETURN_RESTOCK = "return_restock"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    REPLENISH = "replenish"
    PUT_BACK = "put_back"  # picked for an order cancelled before packing, back into its bin
