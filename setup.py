"""Which packages the wheel and sdist hold; everything else about the build is pyproject.toml.

The game's code is ``game`` and its subpackages. The repository's top-level ``levels/``
and ``assets/`` go into the package as ``game.levels`` and ``game.assets`` (a
``package_dir`` mapping), with every file in them and in their subfolders as package
data, so the installed game finds its world through importlib.resources
(game/resources.py). This needs code rather than a table: pyproject.toml cannot both
discover the ``game`` packages and list mapped ones, and every data subfolder has to be
listed as a package of its own or setuptools leaves it out.
"""

from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup

DATA = {"game.levels": "levels", "game.assets": "assets"}  #: package -> repository folder


def data_packages(package: str, folder: str) -> list[str]:
    """The data package and one package per subfolder (``game.levels.maps`` ...)."""
    subfolders = find_namespace_packages(where=folder, exclude=["*__pycache__*"])
    return [package, *(f"{package}.{name}" for name in subfolders)]


data = []
for package, folder in DATA.items():
    if not Path(folder).is_dir():
        raise SystemExit(f"setup.py: the data folder {folder}/ is missing")
    data += data_packages(package, folder)

setup(
    packages=[*find_packages(include=["game", "game.*"]), *data],
    package_dir={"": ".", **DATA},
    package_data={package: ["*"] for package in data},
)
