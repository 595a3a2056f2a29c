#!/usr/bin/env python3
"""The project's two everyday commands, on any machine with Python 3.11+.

    python3 dev.py build [builder options]   # check content/ and build site/
    python3 dev.py test [pytest options]     # run every test, browser tests included
    python3 dev.py check [check options]     # only check content/ (the pre-commit hook runs this)

Each creates `.venv/` and installs the project into it the first time (and again
whenever pyproject.toml changes), then runs the command inside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".installed-from"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser")


def ensure_environment(extras: str) -> None:
    """Create the virtual environment and install the project when pyproject.toml changed.

    The stamp records the pyproject.toml it was installed from and with which extras, so
    an environment installed for the tests also serves `build` and `check`.
    """
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    installed_digest, _, installed_extras = STAMP.read_text().partition(":") if STAMP.is_file() else ("", "", "")
    if installed_digest == digest and (not extras or extras == installed_extras):
        return
    if not PYTHON.exists():
        print(f"creating {VENV.relative_to(ROOT)}", flush=True)
        venv.create(VENV, with_pip=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", target], check=True, cwd=ROOT)
    STAMP.write_text(f"{digest}:{extras}")


def ensure_system_packages() -> None:
    """Browser tests drive Chromium; the HTML check runs on Java. Install them with apt where possible."""
    missing = []
    if not (os.environ.get("CHROMIUM_PATH") or any(shutil.which(name) for name in CHROMIUM_CANDIDATES)):
        missing += ["chromium", "fonts-noto-cjk"]
    if not shutil.which("java"):
        missing.append("default-jre-headless")
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(f"installing {', '.join(missing)} with apt-get", flush=True)
        Path("/usr/share/man/man1").mkdir(parents=True, exist_ok=True)  # the JRE links a man page there
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)
        return
    sys.exit(f"The tests need {', '.join(missing)}. Install them (Debian/Ubuntu: `sudo apt-get install "
             f"{' '.join(missing)}`; CHROMIUM_PATH may point at another Chromium or Chrome), then run this again.")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("build", "check", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command in ("build", "check"):
        ensure_environment("")
        return subprocess.call([str(PYTHON), "-m", "builder", command, *rest], cwd=ROOT)
    ensure_environment("test")
    ensure_system_packages()
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
