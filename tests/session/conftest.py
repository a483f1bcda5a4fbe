"""The crossroads test map, for sessions on a real map file."""

import pytest

from tests.render.testmap import write_test_map


@pytest.fixture
def test_map(tmp_path):
    return write_test_map(tmp_path / "map")
