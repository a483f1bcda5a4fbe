"""Vehicle classes: one row of physical parameters per kind of car.

Each class is a :class:`VehicleSpec` (readable, with units); :data:`CLASS_TABLE` holds
the same numbers as one numpy array per parameter indexed by class, which is what the
world gathers per vehicle when it spawns cars. Figures are plausible for real cars of
the kind (a late-model sedan, a big-block muscle car, a Crown Victoria style cruiser, a
delivery van, a NASCAR-style stock car); drag is derived so that the engine's power
balances drag and rolling resistance exactly at ``top_speed``.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields
from enum import IntEnum
from types import SimpleNamespace

import numpy as np

GRAVITY = 9.81  #: m/s^2


class VehicleClass(IntEnum):
    """Kinds of car; the value is the row in :data:`CLASS_TABLE` (world.vehicle_class)."""

    DRIVER = 0  #: the Driver's quick sedan
    SEDAN = 1  #: ordinary civilian car
    MUSCLE = 2  #: big-engined coupe
    POLICE = 3  #: police cruiser
    UNMARKED = 4  #: the Detective's unmarked car
    TAXI = 5
    VAN = 6  #: heavy, slow delivery van
    STOCK_CAR = 7  #: oval racer, the fastest thing on the map

    @classmethod
    def from_name(cls, name: str) -> VehicleClass:
        """``"stock_car"`` or ``"Stock Car"`` -> STOCK_CAR; ValueError names the choices."""
        key = name.strip().upper().replace(" ", "_").replace("-", "_")
        try:
            return cls[key]
        except KeyError:
            choices = ", ".join(c.name.lower() for c in cls)
            raise ValueError(f"unknown vehicle class {name!r}; expected one of {choices}") from None


@dataclass(frozen=True)
class VehicleSpec:
    """Physical parameters of one vehicle class (SI units)."""

    mass: float  #: kg
    yaw_inertia: float  #: kg m^2, about the vertical axis through the centre of gravity
    length: float  #: m, bumper to bumper (collision box)
    width: float  #: m (collision box)
    wheelbase: float  #: m, front axle to rear axle
    cg_to_front: float  #: m, centre of gravity to front axle (rest of wheelbase is to the rear)
    cg_height: float  #: m, for longitudinal weight transfer
    engine_power: float  #: W at the driven (rear) wheels
    max_drive_force: float  #: N, the gearing limit at launch (below power/speed)
    top_speed: float  #: m/s, where power meets drag and rolling resistance
    brake_force: float  #: N, total at full pedal (the tyres limit what reaches the road)
    cornering_front: float  #: N/rad, front axle cornering stiffness
    cornering_rear: float  #: N/rad, rear axle cornering stiffness
    grip: float  #: tyre friction coefficient on dry asphalt
    rolling_resistance: float  #: dimensionless coefficient on asphalt
    max_steer: float  #: rad, front-wheel angle at full lock
    steer_rate: float  #: rad/s, how fast the front wheels turn
    durability: float  #: m/s of delta-v beyond the threshold that wrecks the car in one blow

    @property
    def drag(self) -> float:
        """Aerodynamic drag coefficient in N/(m/s)^2, from power balance at top speed."""
        rolling = self.rolling_resistance * self.mass * GRAVITY
        return (self.engine_power / self.top_speed - rolling) / self.top_speed**2


def _kmh(kmh: float) -> float:
    return kmh / 3.6


VEHICLE_CLASSES: dict[VehicleClass, VehicleSpec] = {
    VehicleClass.DRIVER: VehicleSpec(
        mass=1500,
        yaw_inertia=2600,
        length=4.7,
        width=1.85,
        wheelbase=2.75,
        cg_to_front=1.30,
        cg_height=0.50,
        engine_power=130e3,
        max_drive_force=8800,
        top_speed=_kmh(205),
        brake_force=17000,
        cornering_front=80e3,
        cornering_rear=95e3,
        grip=1.0,
        rolling_resistance=0.013,
        max_steer=0.60,
        steer_rate=2.5,
        durability=38,
    ),
    VehicleClass.SEDAN: VehicleSpec(
        mass=1400,
        yaw_inertia=2300,
        length=4.6,
        width=1.8,
        wheelbase=2.70,
        cg_to_front=1.20,
        cg_height=0.55,
        engine_power=85e3,
        max_drive_force=6000,
        top_speed=_kmh(175),
        brake_force=15000,
        cornering_front=70e3,
        cornering_rear=85e3,
        grip=0.95,
        rolling_resistance=0.013,
        max_steer=0.60,
        steer_rate=2.0,
        durability=34,
    ),
    VehicleClass.MUSCLE: VehicleSpec(
        mass=1650,
        yaw_inertia=3000,
        length=4.9,
        width=1.9,
        wheelbase=2.85,
        cg_to_front=1.30,
        cg_height=0.50,
        engine_power=210e3,
        max_drive_force=9500,
        top_speed=_kmh(225),
        brake_force=18000,
        cornering_front=85e3,
        cornering_rear=90e3,
        grip=0.95,
        rolling_resistance=0.014,
        max_steer=0.55,
        steer_rate=2.3,
        durability=41,
    ),
    VehicleClass.POLICE: VehicleSpec(
        mass=1800,
        yaw_inertia=3600,
        length=5.4,
        width=1.98,
        wheelbase=2.90,
        cg_to_front=1.35,
        cg_height=0.55,
        engine_power=160e3,
        max_drive_force=9000,
        top_speed=_kmh(210),
        brake_force=20000,
        cornering_front=90e3,
        cornering_rear=105e3,
        grip=1.0,
        rolling_resistance=0.013,
        max_steer=0.58,
        steer_rate=2.5,
        durability=54,
    ),
    VehicleClass.UNMARKED: VehicleSpec(
        mass=1700,
        yaw_inertia=3200,
        length=5.1,
        width=1.9,
        wheelbase=2.85,
        cg_to_front=1.30,
        cg_height=0.52,
        engine_power=165e3,
        max_drive_force=9000,
        top_speed=_kmh(215),
        brake_force=19000,
        cornering_front=88e3,
        cornering_rear=100e3,
        grip=1.0,
        rolling_resistance=0.013,
        max_steer=0.58,
        steer_rate=2.5,
        durability=47,
    ),
    VehicleClass.TAXI: VehicleSpec(
        mass=1750,
        yaw_inertia=3500,
        length=5.4,
        width=1.98,
        wheelbase=2.90,
        cg_to_front=1.35,
        cg_height=0.58,
        engine_power=100e3,
        max_drive_force=7000,
        top_speed=_kmh(180),
        brake_force=17000,
        cornering_front=80e3,
        cornering_rear=95e3,
        grip=0.9,
        rolling_resistance=0.014,
        max_steer=0.60,
        steer_rate=2.0,
        durability=43,
    ),
    VehicleClass.VAN: VehicleSpec(
        mass=2600,
        yaw_inertia=6500,
        length=5.6,
        width=2.0,
        wheelbase=3.40,
        cg_to_front=1.55,
        cg_height=0.85,
        engine_power=95e3,
        max_drive_force=8500,
        top_speed=_kmh(150),
        brake_force=24000,
        cornering_front=110e3,
        cornering_rear=140e3,
        grip=0.85,
        rolling_resistance=0.016,
        max_steer=0.55,
        steer_rate=1.6,
        durability=61,
    ),
    VehicleClass.STOCK_CAR: VehicleSpec(
        mass=1550,
        yaw_inertia=2700,
        length=5.0,
        width=1.95,
        wheelbase=2.75,
        cg_to_front=1.35,
        cg_height=0.40,
        engine_power=450e3,
        max_drive_force=11000,
        top_speed=_kmh(275),
        brake_force=22000,
        cornering_front=110e3,
        cornering_rear=125e3,
        grip=1.25,
        rolling_resistance=0.012,
        max_steer=0.50,
        steer_rate=3.0,
        durability=47,
    ),
}

#: the longest half-diagonal of any class's box, m (sizes the collision grids)
MAX_HALF_DIAGONAL = max(0.5 * np.hypot(s.length, s.width) for s in VEHICLE_CLASSES.values())


def _build_table() -> SimpleNamespace:
    names = [f.name for f in fields(VehicleSpec)]
    rows = np.array([astuple(VEHICLE_CLASSES[c]) for c in VehicleClass], dtype=np.float64)
    table = SimpleNamespace(**{name: rows[:, k].copy() for k, name in enumerate(names)})
    table.drag = np.array([VEHICLE_CLASSES[c].drag for c in VehicleClass])
    return table


#: one float64 array per VehicleSpec field (plus ``drag``), indexed by VehicleClass value
CLASS_TABLE: SimpleNamespace = _build_table()
