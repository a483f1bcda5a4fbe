"""``python -m game handling [--class NAME] [--json] [--no-aids]``: a car's test sheet.

Headless, no pygame: the figures are measured in the simulation by
:mod:`game.sim.handling` (its docstring says how each is driven). The table is for a
tuner; ``--json`` prints one object with the same figures for a script or a benchmark
log. An unknown class is one line naming the choices and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.sim.aids import NO_AIDS, PLAYER_AIDS
from game.sim.handling import CATCH_MIN_KMH, CORNER_KMH, DAMAGED, HandlingSheet, measure
from game.sim.vehicles import VehicleClass


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = "Measure a car class's handling in the simulation (headless)."
    parser.add_argument("--class", dest="vehicle_class", default="driver", metavar="NAME",
                        help="vehicle class, e.g. driver, muscle, stock_car (default driver)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-aids", action="store_true",
                        help="drive without traction control and steering assist")


def run(args: argparse.Namespace) -> int:
    try:
        vehicle_class = VehicleClass.from_name(args.vehicle_class)
    except ValueError as error:
        print(f"handling: {error}", file=sys.stderr)
        return 2
    sheet = measure(vehicle_class, NO_AIDS if args.no_aids else PLAYER_AIDS)
    print(json.dumps(sheet.as_dict()) if args.json else table(sheet))
    return 0


def table(sheet: HandlingSheet) -> str:
    """The sheet as aligned lines for a terminal."""
    first, last = sheet.drift_release_ms
    if sheet.drift_window_ms:
        drift = (f"{sheet.drift_window_ms:.0f} ms (let go of the steer {first:.0f}-{last:.0f} ms"
                 f" after turn-in, {sheet.drift_turn_in_m:.0f} m before the corner)")
    else:
        drift = "none: no release time catches the corner"
    damage = ", ".join(f"{hit} {share:.2f}" for hit, share in sheet.wall_damage.items())
    rows = [
        ("class", f"{sheet.vehicle_class} (aids {'on' if sheet.aids else 'off'})"),
        ("0-100 km/h", f"{sheet.zero_to_100_s:.1f} s"),
        ("top speed", f"{sheet.top_speed_kmh:.0f} km/h ({sheet.top_speed_damaged_kmh:.0f} km/h"
                      f" at {DAMAGED:.0%} damage)"),
        ("100-0 km/h", f"{sheet.braking_100_m:.1f} m"),
        ("skidpad", f"{sheet.skidpad_g:.2f} g"),
        (f"drift catch at {CORNER_KMH:.0f} km/h",
         f"{drift}, leaving at {CATCH_MIN_KMH:.0f}+ km/h"),
        ("wall damage", damage + " (of the car)"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)
