"""Wheels from Debian's packaged Python frameworks, for the tests' own package index.

PyPI is out of reach on the machines the tests run on, and Debian packages the real frameworks
(Flask, Django, FastAPI, uvicorn, gunicorn...) built for the same Python as the stand-in images.
Each .deb's dist-packages tree is one distribution: its files go into a wheel unchanged, with the
package's own metadata (an egg-info's requires.txt becomes Requires-Dist), a WHEEL file with the
platform tag its extension modules need, and a RECORD. pip then installs and resolves them like
any wheel. Requirements keep their names, extras and markers but lose their version bounds and
direct URLs: Debian's set is co-installable by construction, and its patched packages (pdm with a
newer hishel, poetry-plugin-export naming poetry-core by git URL) would not resolve otherwise. Usage: python3 debian-wheels.py <folder of .deb files> <output folder>
"""
import base64
import csv
import hashlib
import io
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

SITE = pathlib.Path("usr/lib/python3/dist-packages")


def metadata_from_egg(info: pathlib.Path) -> str:
    text = (info / "PKG-INFO").read_text()
    requires = info / "requires.txt"
    extra, lines = None, []
    if requires.exists():
        for line in requires.read_text().splitlines():
            line = line.strip()
            if not line:
                continue
            section = re.fullmatch(r"\[(.*)\]", line)
            if section:
                extra = section.group(1)
                continue
            if extra:
                name, _, marker = extra.partition(":")
                conditions = [f'extra == "{name}"'] if name else []
                if marker:
                    conditions.append(f"({marker})")
                lines.append(f"Requires-Dist: {line}; {' and '.join(conditions)}")
            else:
                lines.append(f"Requires-Dist: {line}")
    head, _, body = text.partition("\n\n")
    return head + ("\n" + "\n".join(lines) if lines else "") + "\n\n" + body


def loosen(metadata: str) -> str:
    def one(match: re.Match) -> str:
        requirement, semicolon, marker = match.group(1).partition(";")
        head = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?", requirement)
        return f"Requires-Dist: {head.group(1)}{head.group(2) or ''}" + (f"; {marker.strip()}" if semicolon else "")

    return re.sub(r"^Requires-Dist: (.+)$", one, metadata, flags=re.M)


def record_line(path: str, data: bytes) -> list[str]:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return [path, f"sha256={digest}", str(len(data))]


def with_requires(metadata: str, requires: list[str]) -> str:
    listed = {normal(m.group(1)) for m in re.finditer(r"^Requires-Dist: ([A-Za-z0-9][A-Za-z0-9._-]*)", metadata, re.M)}
    extra = [f"Requires-Dist: {name}" for name in requires if normal(name) not in listed]
    head, _, body = metadata.partition("\n\n")
    return head + ("\n" + "\n".join(extra) if extra else "") + "\n\n" + body


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def repack(deb: pathlib.Path, out: pathlib.Path, requires: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        site = pathlib.Path(tmp) / SITE
        if not site.is_dir():
            return
        infos = [p for p in site.iterdir() if p.suffix in (".dist-info", ".egg-info")]
        if len(infos) != 1:
            return  # not one distribution: nothing a requirement could name
        info = infos[0]
        if info.suffix == ".dist-info":
            metadata = (info / "METADATA").read_text()
        else:
            metadata = metadata_from_egg(info)
        metadata = with_requires(loosen(metadata), requires)
        name = re.search(r"^Name: (.+)$", metadata, re.M).group(1).strip()
        version = re.search(r"^Version: (.+)$", metadata, re.M).group(1).strip()
        files = sorted(p for p in site.rglob("*") if p.is_file() and info not in p.parents and "__pycache__" not in p.parts)
        binary = any(p.suffix == ".so" for p in files)
        abi = f"cp{sys.version_info.major}{sys.version_info.minor}"
        tag = f"{abi}-{abi}-linux_x86_64" if binary else "py3-none-any"
        dist = f"{re.sub(r'[-_.]+', '_', name)}-{version}"
        wheel_text = f"Wheel-Version: 1.0\nGenerator: create-dockerfile tests (from {deb.name})\nRoot-Is-Purelib: {'false' if binary else 'true'}\nTag: {tag}\n"
        entries = [(p.relative_to(site).as_posix(), p.read_bytes()) for p in files]
        entries.append((f"{dist}.dist-info/METADATA", metadata.encode()))
        entries.append((f"{dist}.dist-info/WHEEL", wheel_text.encode()))
        for extra in ("entry_points.txt", "top_level.txt"):
            if (info / extra).exists():
                entries.append((f"{dist}.dist-info/{extra}", (info / extra).read_bytes()))
        record = io.StringIO()
        writer = csv.writer(record, lineterminator="\n")
        for path, data in entries:
            writer.writerow(record_line(path, data))
        writer.writerow([f"{dist}.dist-info/RECORD", "", ""])
        entries.append((f"{dist}.dist-info/RECORD", record.getvalue().encode()))
        with zipfile.ZipFile(out / f"{dist}-{tag}.whl", "w", zipfile.ZIP_DEFLATED) as wheel:
            for path, data in entries:
                wheel.writestr(path, data)


def distribution_of(deb: pathlib.Path) -> str | None:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], check=True, capture_output=True, text=True).stdout
    found = re.search(r"dist-packages/([A-Za-z0-9_.]+?)-[^/-]+\.(?:dist|egg)-info/", listing)
    return found.group(1) if found else None


def depends_of(deb: pathlib.Path) -> list[str]:
    field = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], check=True, capture_output=True, text=True).stdout
    return [alternative.split("|")[0].split("(")[0].split(":")[0].strip() for alternative in field.split(",") if alternative.strip()]


def main() -> None:
    debs, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    packages = sorted(debs.glob("*.deb"))
    # Some Debian metadata lists no requirements (cleo's omits rapidfuzz): the .deb's Depends do.
    names = {deb.name.split("_")[0]: distribution_of(deb) for deb in packages}
    for deb in packages:
        requires = [names[package] for package in depends_of(deb) if names.get(package)]
        repack(deb, out, requires)


if __name__ == "__main__":
    main()
