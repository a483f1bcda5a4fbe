import numpy as np

from game.ai.steering import Chassis, drive_to
from game.sim import VehicleClass, World
from game.sim.terrain import Terrain


def _run(world: World, steps: int, target_fn):
    chassis = Chassis.of_classes(world.vehicle_class)
    trace = []
    for _ in range(steps):
        tx, ty, speed = target_fn(world)
        world.step(drive_to(world.x, world.y, world.heading, world.vx, tx, ty, speed, chassis))
        trace.append((world.x.copy(), world.y.copy(), world.heading.copy(), world.vx.copy()))
    return trace


def test_converges_onto_a_straight_line():
    world = World(Terrain.open_box(120, 40), seed=0)
    # three classes, each starting 6 m off its own line and pointing away from it
    lines = np.array([30.0, 80.0, 130.0])
    world.spawn(
        [VehicleClass.SEDAN, VehicleClass.VAN, VehicleClass.POLICE], 40.0, lines + 6, 0.3, 5.0
    )

    def along_line(w):
        return w.x + 8.0 + 0.5 * np.abs(w.vx), lines, np.full(w.n, 15.0)

    trace = _run(world, 600, along_line)
    assert np.all(np.abs(world.y - lines) < 0.3)
    assert np.all(np.abs(world.heading) < 0.05)
    assert np.all(np.abs(world.vx - 15.0) < 0.6)
    # none swung wildly past its line on the way
    assert min(float((t[1] - lines).min()) for t in trace) > -4.0


def test_follows_a_circle():
    world = World(Terrain.open_box(100, 100), seed=0)
    cx, cy, radius = 200.0, 200.0, 40.0
    world.spawn(VehicleClass.SEDAN, cx + radius, cy, np.pi / 2, 0.0)

    def round_the_circle(w):
        angle = np.arctan2(w.y - cy, w.x - cx) + 12.0 / radius
        return cx + radius * np.cos(angle), cy + radius * np.sin(angle), np.full(w.n, 12.0)

    trace = _run(world, 1500, round_the_circle)
    errors = [abs(float(np.hypot(x[0] - cx, y[0] - cy)) - radius) for x, y, _, _ in trace[500:]]
    assert max(errors) < 1.2
    assert abs(world.vx[0] - 12.0) < 1.0


def test_stops_and_holds_without_reversing():
    world = World(Terrain.open_box(120, 40), seed=0)
    world.spawn(VehicleClass.SEDAN, 40.0, 80.0, 0.0, 12.0)

    def stop(w):
        return w.x + 10.0, np.full(w.n, 80.0), np.zeros(w.n)

    trace = _run(world, 480, stop)
    speeds = np.array([t[3][0] for t in trace])
    assert speeds[-180:].max() < 0.6
    assert speeds.min() > -0.1  # braking at a standstill would have engaged reverse
    x_end = trace[-1][0][0]
    assert abs(x_end - trace[-180][0][0]) < 0.2  # and it stays put
