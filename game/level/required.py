"""The names each shipped map must have, because missions and the game rely on them.

This table is the one place those promises live (``levels/README.md`` shows the same list
to designers). ``check_map`` applies the entry whose key is the map's file stem, so a
copy of ``downtown.tmx`` saved as ``downtown.tmx`` elsewhere is held to the same rules.
"""

from __future__ import annotations

from typing import NamedTuple


class Need(NamedTuple):
    """A named object the map must contain."""

    name: str
    kind: str
    vehicle_class: str | None = None  #: spawns only: the class it must name, if any


class MapRequirements(NamedTuple):
    min_size: tuple[int, int] = (1, 1)  #: (cols, rows) in tiles
    zones: tuple[Need, ...] = ()
    spawns: tuple[Need, ...] = ()
    counts: tuple[tuple[str, str, int], ...] = ()  #: (name prefix, spawn kind, at least)


def _numbered(prefix: str, first: int, last: int, kind: str, vehicle_class: str | None = None):
    return tuple(Need(f"{prefix}{i}", kind, vehicle_class) for i in range(first, last + 1))


REQUIRED: dict[str, MapRequirements] = {
    "downtown": MapRequirements(
        min_size=(256, 256),
        zones=(
            Need("apartment", "home"),
            Need("shannons_garage", "garage"),
            Need("crew_pickup", "pickup"),
            Need("warehouse", "place"),
            Need("arena_crowd", "crowd"),
            Need("overpass_shadow", "shadow"),
            Need("river_shadow", "shadow"),
            Need("pawn_shop_lot", "place"),
            Need("motel", "finish"),
            Need("bank", "place"),
            Need("casino", "place"),
            Need("parking_garage", "place"),
        ),
        spawns=(
            Need("player_start", "player", "driver"),
            *_numbered("police_", 1, 6, "police"),
            Need("helicopter", "helicopter"),
            *_numbered("crew_", 1, 3, "crew"),
            Need("chaser_1", "chaser"),
            Need("detective", "detective", "unmarked"),
        ),
        counts=(("traffic_", "traffic", 40), ("parked_", "parked", 30)),
    ),
    "pch": MapRequirements(
        zones=(Need("start", "start"), Need("beach", "place"), Need("finish", "finish")),
        spawns=(Need("player_start", "player"), Need("target", "target")),
        counts=(("traffic_", "traffic", 1),),
    ),
    "garage": MapRequirements(
        zones=(
            Need("start", "start"),
            *_numbered("slalom_", 1, 4, "checkpoint"),
            Need("spin_box", "checkpoint"),
            Need("brake_line", "checkpoint"),
            Need("finish", "finish"),
        ),
        spawns=(Need("player_start", "player"),),
    ),
    "speedway": MapRequirements(
        zones=(
            Need("start", "start"),
            Need("pit", "pit"),
            *_numbered("turn_", 1, 4, "checkpoint"),
            Need("finish", "finish"),
        ),
        spawns=(Need("player_start", "player"), *_numbered("racer_", 1, 5, "racer", "stock_car")),
    ),
}
