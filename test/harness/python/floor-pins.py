"""The pins a project's own files declare, one requirement per line, for the bench's floor.

Read straight from the lock or requirements file, with no lock tool: Poetry's and PDM's locks
(the main group), Pipfile.lock's default section, PEP 621 dependencies, or `-r requirements.txt`.
Usage: python3 floor-pins.py (in the project folder)
"""
import json
import os
import tomllib


def marker_of(package: dict) -> str:
    marker = package.get("markers", package.get("marker", ""))
    if isinstance(marker, dict):
        marker = marker.get("main", "")
    return f"; {marker}" if marker else ""


if os.path.exists("poetry.lock"):
    for package in tomllib.load(open("poetry.lock", "rb"))["package"]:
        if "main" in package.get("groups", ["main"]):
            print(f"{package['name']}=={package['version']}{marker_of(package)}")
elif os.path.exists("pdm.lock"):
    for package in tomllib.load(open("pdm.lock", "rb"))["package"]:
        if "default" in package.get("groups", ["default"]):
            print(f"{package['name']}=={package['version']}{marker_of(package)}")
elif os.path.exists("Pipfile.lock"):
    for name, package in json.load(open("Pipfile.lock"))["default"].items():
        print(f"{name}{package.get('version', '')}{marker_of(package)}")
elif os.path.exists("requirements.txt"):
    print(f"-r {os.path.abspath('requirements.txt')}")
elif os.path.exists("pyproject.toml"):
    for requirement in tomllib.load(open("pyproject.toml", "rb")).get("project", {}).get("dependencies", []):
        print(requirement)
