"""Shannon's garage: another car for money, on fresh plates and known to nobody; any car
he owns can be taken out; nothing without the money."""

from dataclasses import replace

import pytest

from game.career import garage
from game.career.garage import CARS_FOR_SALE, GarageRefusal, buy, drive
from game.career.model import new_career
from game.career.standing import standing_for


def test_another_car_for_money_is_the_one_he_drives_then():
    career = replace(new_career(seed=3), money=10_000)
    bought = buy(career, "sedan")
    assert bought.money == 10_000 - CARS_FOR_SALE["sedan"]
    assert len(bought.cars) == 2 and bought.car.vehicle_class == "sedan"
    assert bought.car.colour == "tan" and bought.car.plate not in (career.car.plate, "")
    assert standing_for(bought).player_car == bought.car.description
    back = drive(bought, 0)
    assert back.car == career.car and len(back.cars) == 2
    with pytest.raises(GarageRefusal):
        drive(bought, 2)


def test_no_car_without_the_money_or_one_he_cannot_find():
    with pytest.raises(GarageRefusal, match="you have"):
        buy(new_career(), "muscle")
    with pytest.raises(GarageRefusal, match="can't find"):
        buy(replace(new_career(), money=10**6), "police")


def test_shannon_has_a_name_for_every_car_he_sells():
    assert set(garage.CAR_NAMES) == set(CARS_FOR_SALE)
