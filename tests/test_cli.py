"""The command line: every command takes a seed through one type, 0 .. 2**32-1."""

import argparse

import pytest

from game import cli


@pytest.mark.parametrize("command", [["play"], ["mission", "five_minutes", "--headless"],
                                     ["bench"]])
@pytest.mark.parametrize("bad", ["-1", "x", "1.5", "1e3", str(2**32), ""])
def test_every_command_rejects_a_bad_seed_with_a_usage_message(command, bad, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main([*command, "--seed", bad])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: python -m game " + command[0])
    assert f"error: argument --seed: {bad!r} is not a seed (a whole number from 0 to " \
           f"{2**32 - 1})" in error
    assert "Traceback" not in error


@pytest.mark.parametrize("command", ["play", "mission", "bench"])
def test_every_command_reads_the_seed_with_the_one_type(command):
    parser = cli.build_parser([command])
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    seed = next(a for a in subparsers.choices[command]._actions if a.dest == "seed")
    assert seed.type is cli.seed and seed.default == 0


@pytest.mark.parametrize(("text", "value"), [("0", 0), ("42", 42), (str(2**32 - 1), 2**32 - 1)])
def test_seeds_from_0_to_the_largest_word(text, value):
    assert cli.seed(text) == value
