"""Shannon's garage: what money buys between jobs. Repairs, a respray and new plates, cars.

Each service is a function from a career to the career after it, or a
:class:`GarageRefusal` saying why not (in Shannon's words: not enough money, nothing to
do). Prices are dollars:

- **repair** (:func:`repair`): :data:`REPAIR_PER_DAMAGE` for a wreck made new, in
  proportion to the damage;
- **respray and new plates** (:func:`respray`): :data:`RESPRAY_PRICE`; the car gets the
  next colour of :data:`COLOURS` and a fresh plate from the career's stream, so no entry
  of the Detective's file describes it any more;
- **another car** (:func:`buy`): one of :data:`CARS_FOR_SALE`, in its factory colour on
  fresh plates; he drives it from then on, and can take any car he owns
  (:func:`drive`) out instead.
"""

from __future__ import annotations

import math
from dataclasses import replace

from game.career.model import Career, OwnedCar, new_plate
from game.session.radio import factory_colour

REPAIR_PER_DAMAGE = 4000  #: dollars to make a wrecked car (damage 1) as new
RESPRAY_PRICE = 1500  #: dollars for a respray and new plates
#: vehicle class -> dollars: the cars Shannon can find (game.sim.VehicleClass names)
CARS_FOR_SALE = {"van": 3000, "sedan": 4000, "driver": 7000, "muscle": 12000}
#: how Shannon names them
CAR_NAMES = {"van": "panel van", "sedan": "four-door sedan", "driver": "1973 coupe",
             "muscle": "muscle car"}
#: the colours Shannon sprays, in the order he offers them
COLOURS = ("grey", "dark blue", "maroon", "black", "bottle green", "white", "brown")


class GarageRefusal(Exception):
    """Shannon won't (or can't) do it; ``str()`` says why, in one line."""


def repair_price(career: Career) -> int:
    """Dollars to repair the Driver's car completely."""
    return math.ceil(career.car.damage * REPAIR_PER_DAMAGE)


def _pay(career: Career, price: int, what: str) -> Career:
    if price > career.money:
        raise GarageRefusal(f"{what} is ${price:,}; you have ${career.money:,}")
    return replace(career, money=career.money - price)


def repair(career: Career) -> Career:
    """The car made as new, for :func:`repair_price`."""
    price = repair_price(career)
    if price == 0:
        raise GarageRefusal("Nothing wrong with it. Drive it.")
    career = _pay(career, price, "The repair")
    return career.with_car(replace(career.car, damage=0.0))


def next_colour(colour: str) -> str:
    """The colour after ``colour`` in :data:`COLOURS` (the first for one not there)."""
    if colour not in COLOURS:
        return COLOURS[0]
    return COLOURS[(COLOURS.index(colour) + 1) % len(COLOURS)]


def respray(career: Career) -> Career:
    """A new colour and new plates, for :data:`RESPRAY_PRICE`."""
    career = _pay(career, RESPRAY_PRICE, "A respray and plates")
    plate, career = new_plate(career)
    return career.with_car(replace(career.car, colour=next_colour(career.car.colour),
                                   plate=plate))


def buy(career: Career, vehicle_class: str) -> Career:
    """Another car, one of :data:`CARS_FOR_SALE`: it becomes the car he drives."""
    if vehicle_class not in CARS_FOR_SALE:
        raise GarageRefusal(f"Shannon can't find a {vehicle_class} (he has "
                            f"{', '.join(CARS_FOR_SALE)})")
    career = _pay(career, CARS_FOR_SALE[vehicle_class], f"The {vehicle_class}")
    plate, career = new_plate(career)
    car = OwnedCar(vehicle_class, factory_colour(vehicle_class), plate)
    return replace(career, cars=(*career.cars, car), car_in_use=len(career.cars))


def drive(career: Career, index: int) -> Career:
    """He takes car ``index`` of those he owns out from now on."""
    if not 0 <= index < len(career.cars):
        raise GarageRefusal(f"You have {len(career.cars)} cars, not {index + 1}")
    return replace(career, car_in_use=index)
