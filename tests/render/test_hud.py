"""The HUD: the clock on a dark backing, the window countdown large and central while it
runs, the heat gauge's slot, the radio line, the panel's lines."""

import numpy as np
import pygame
import pytest

from game.render.hud import Hud
from game.render.text import TextCache
from game.session.view import FrameView, HeatView, RulesView, WindowView

SIZE = (1280, 720)


@pytest.fixture
def screen():
    pygame.display.init()
    pygame.font.init()
    yield pygame.display.set_mode(SIZE)
    pygame.quit()


def frame(phase="before", seconds_left=None, heat=0.0, pursuit=False, seen=False,
          radio="", damage=0.0) -> FrameView:
    window = WindowView(phase, "Warehouse, 5th & Alameda", "02:00", seconds_left)
    rules = RulesView(clock_text="01:59:40", objective="Wait.", window=window)
    return FrameView(rules=rules, heat=HeatView(heat, pursuit, seen), radio=radio,
                     damage=damage)


def drawn(screen, view: FrameView, backdrop=(255, 255, 255)) -> np.ndarray:
    screen.fill(backdrop)
    Hud(TextCache()).draw(screen, view, 0.0, None, None, True)
    return pygame.surfarray.array3d(screen).astype(int)  # (x, y, rgb)


def test_the_clock_sits_on_a_dark_backing_whatever_is_under_it(screen):
    pixels = drawn(screen, frame())
    clock = pixels[SIZE[0] - 190 : SIZE[0] - 20, 16:66]  # the clock's digits and backing
    # on a white screen the additive neon alone would leave every pixel white
    assert (clock.mean(axis=2) < 120).mean() > 0.3
    assert pixels[SIZE[0] // 2, SIZE[1] // 2].tolist() == [255, 255, 255]  # the world shows


def bright_top_centre(pixels: np.ndarray) -> int:
    area = pixels[SIZE[0] // 2 - 90 : SIZE[0] // 2 + 90, 10:130]
    return int((area.max(axis=2) > 200).sum())


def test_the_countdown_is_large_and_central_only_while_the_window_is_open(screen):
    before = drawn(screen, frame(), backdrop=(0, 0, 0))
    assert bright_top_centre(before) == 0
    running = drawn(screen, frame("open", 212.0), backdrop=(0, 0, 0))
    assert bright_top_centre(running) > 1500  # big digits, not a small line
    lit = np.argwhere(running[:, :140].max(axis=2) > 200)
    middle = lit[(lit[:, 0] > 400) & (lit[:, 0] < 880)]
    assert abs(middle[:, 0].mean() - SIZE[0] / 2) < 40  # centred
    assert middle[:, 1].max() - middle[:, 1].min() > 60  # tall digits


def red_pixels(pixels: np.ndarray) -> int:
    return int(((pixels[..., 0] > 200) & (pixels[..., 1] < 60) & (pixels[..., 2] < 80)).sum())


def test_the_heat_gauge_fills_and_turns_red_in_a_pursuit(screen):
    calm = drawn(screen, frame(heat=0.0), backdrop=(0, 0, 0))
    warm = drawn(screen, frame(heat=2.5), backdrop=(0, 0, 0))
    chased = drawn(screen, frame(heat=2.5, pursuit=True, seen=True), backdrop=(0, 0, 0))
    right = slice(SIZE[0] - 260, SIZE[0])
    amber = lambda p: int((np.abs(p[right, 60:130] - (255, 176, 56)).sum(axis=2) < 30).sum())  # noqa: E731
    assert amber(calm) == 0 and amber(warm) > 200  # two and a half pips lit
    assert red_pixels(chased[right, 60:130]) > 200


def test_the_radio_has_its_own_line_at_the_bottom(screen):
    quiet = drawn(screen, frame(), backdrop=(0, 0, 0))
    talking = drawn(screen, frame(radio="Central, 3-Adam-12, code 6 on Alameda."),
                    backdrop=(0, 0, 0))
    bottom = slice(SIZE[1] - 60, SIZE[1])
    centre = slice(SIZE[0] // 2 - 200, SIZE[0] // 2 + 200)
    blue = lambda p: int(((p[centre, bottom, 2] > 200) & (p[centre, bottom, 0] < 180)).sum())  # noqa: E731
    assert blue(quiet) == 0 and blue(talking) > 100


def test_a_jobs_gauge_is_a_panel_at_the_right_its_lit_rows_bright(screen):
    from dataclasses import replace

    from game.render import palette
    from game.session.view import Gauge, GaugeLine

    plain = frame()
    board = Gauge("LAP 2/4  2nd", (GaugeLine("1. Dutch", "0:31.0"),
                                   GaugeLine("2. You", "0:31.4", lit=True),
                                   GaugeLine("3. Tate", "")))
    with_board = replace(plain, rules=replace(plain.rules, gauge=board))
    before = drawn(screen, plain, backdrop=(255, 255, 255))
    after = drawn(screen, with_board, backdrop=(255, 255, 255))
    changed = (after != before).any(axis=2)
    assert not changed[: SIZE[0] // 2].any()  # the objective's panel is as it was
    xs, ys = np.nonzero(changed)
    assert xs.min() > SIZE[0] * 0.7 and ys.min() > 100  # at the right, under the clock
    assert changed.sum() > 3000 and (after[changed].mean(axis=1) < 120).mean() > 0.5  # dark
    cyan = np.abs(after - palette.NEON_CYAN).sum(axis=2) < 40
    assert cyan[changed].sum() > 50  # the Driver's row lit


def gauge_colour(pixels: np.ndarray, colour: tuple[int, int, int]) -> int:
    """Pixels of this colour in the damage gauge's corner, right of the speedometer."""
    corner = pixels[200:400, SIZE[1] - 90 : SIZE[1] - 30]
    return int((np.abs(corner - colour).sum(axis=2) < 30).sum())


def test_the_damage_gauge_fills_with_damage_and_warns_in_colour(screen):
    cyan, amber, pink = (5, 217, 232), (255, 176, 56), (255, 42, 109)
    new = drawn(screen, frame(damage=0.0), backdrop=(0, 0, 0))
    dented = drawn(screen, frame(damage=0.27), backdrop=(0, 0, 0))
    smoking = drawn(screen, frame(damage=0.55), backdrop=(0, 0, 0))
    failing = drawn(screen, frame(damage=0.9), backdrop=(0, 0, 0))
    assert gauge_colour(new, cyan) == 0  # an empty bar (its frame and label are grey)
    assert 250 < gauge_colour(dented, cyan) < 500  # a quarter of the 148 x 10 bar
    assert gauge_colour(smoking, amber) > 600 and gauge_colour(smoking, cyan) == 0
    assert gauge_colour(failing, pink) > 1100


def test_a_long_objective_wraps_clear_of_the_window_countdown(screen):
    """The panel's lines break at spaces before they reach the countdown's box (and the
    clock's), so "THE WINDOW" and the digits are never written over."""
    long = ("Wait with the engine running. Whoever reaches the car inside the window, "
            "you take; when it closes, you leave with whoever is in it.")
    window = WindowView("open", "Warehouse, 5th & Alameda", "02:00", 212.0)
    view = FrameView(rules=RulesView(clock_text="02:01:10", objective=long, window=window),
                     heat=HeatView(0.0, False, False))
    hud = Hud(TextCache())
    screen.fill((255, 255, 255))
    hud.draw(screen, view, 0.0, None, None, True)
    pixels = pygame.surfarray.array3d(screen).astype(int)
    backed = (pixels[:, 4:110].mean(axis=2) < 140).any(axis=1)  # columns with a backing
    edges = np.flatnonzero(np.diff(backed.astype(int)))
    runs = list(zip(edges[::2] + 1, edges[1::2] + 1, strict=False))  # (first, past last)
    panel, countdown = runs[0], runs[1]
    assert panel[0] <= 16 and panel[1] < countdown[0]  # white between the two
    assert countdown[0] < SIZE[0] // 2 < countdown[1]  # the second one is the countdown
    parts = hud.wrapped(long, 26, 400)
    assert len(parts) > 2 and " ".join(parts) == long
    assert all(hud.text.render(p, 26, (0, 0, 0)).get_width() + 16 <= 400 for p in parts)
