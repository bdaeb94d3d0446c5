"""Wheels from Debian's packaged Python frameworks, for the tests' own package index.

PyPI is out of reach on the machines the tests run on, and Debian packages the real frameworks
(Flask, Django, FastAPI, uvicorn, gunicorn...) built for the same Python as the stand-in images.
Each .deb's dist-packages tree is one distribution: its files go into a wheel unchanged, with the
package's own metadata (an egg-info's requires.txt becomes Requires-Dist), a WHEEL file with the
platform tag its extension modules need, and a RECORD. pip then installs and resolves them like
any wheel. Usage: python3 debian-wheels.py <folder of .deb files> <output folder>
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


def record_line(path: str, data: bytes) -> list[str]:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return [path, f"sha256={digest}", str(len(data))]


def repack(deb: pathlib.Path, out: pathlib.Path) -> None:
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


def main() -> None:
    debs, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for deb in sorted(debs.glob("*.deb")):
        repack(deb, out)


if __name__ == "__main__":
    main()
