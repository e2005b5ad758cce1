"""Print the Python the Makefile builds .venv with: the fastest CPython 3.11 on this machine.

kzlib's stages are pure Python and regular expressions, and a CPython build with profile-guided
optimisation and a statically linked interpreter (what Linux distributions, conda and python.org ship)
runs them 15-20 % faster than a plain source build (pyenv's default: no --enable-optimizations, a
shared libpython). Measured in benchmarks/RESULTS.md ("Twelfth session"): the quotes and timeline
stages on 3,000 documents, identical tables.

The candidates are ``python3`` on PATH (the default) and every other ``python3.11`` / ``python3``
found on PATH or in /usr/bin and /usr/local/bin that is Python 3.11 (the minor version
requirements.lock was made for) and can make a virtual environment with pip (``venv`` and
``ensurepip``). Each runs a short pure-Python workload (regular expressions, dicts, strings) five
times, alternately; the best time of each counts. Another candidate is chosen only when it is at least
10 % faster than the default, so that two alike builds never flip the choice. ``make PYTHON=...``
overrides all this. Writes its reasons to stderr, the chosen path to stdout; the standard library
only, any Python 3.6 or newer can run it.

Usage: ``python3 scripts/find_python.py``
"""

import os
import shutil
import subprocess
import sys

MINOR = (3, 11)
MARGIN = 0.10
ROUNDS = 5

_CHECK = ("import os, sys, venv, ensurepip; print(os.path.realpath(sys.executable)); "
          f"sys.exit(0 if sys.version_info[:2] == {MINOR!r} else 1)")

_WORKLOAD = r"""
import re, time
rx = re.compile(r"(?<![\w'])(?:said|told|according to|added)(?![\w])", re.I)
text = ("The minister said on Thursday that troops would leave, according to a statement; "
        "protesters told reporters they had added demands. ") * 40
t = time.perf_counter()
counts = {}
for i in range(600):
    for m in rx.finditer(text):
        w = m.group(0).lower()
        counts[w] = counts.get(w, 0) + 1
    words = text.split()
    caps = [w for w in words if w[:1].isupper()]
    joined = " ".join(sorted(set(words)))
    counts[len(joined) % 7] = len(caps)
print(time.perf_counter() - t)
"""


def _candidates() -> list:
    default = shutil.which("python3")
    found = [default] if default else []
    path = os.environ.get("PATH", "").split(os.pathsep) + ["/usr/bin", "/usr/local/bin"]
    for folder in path:
        for name in ("python3.11", "python3"):
            exe = os.path.join(folder, name)
            if os.path.isfile(exe) and os.access(exe, os.X_OK):
                found.append(exe)
    out, seen = [], set()
    for exe in found:
        try:
            res = subprocess.run([exe, "-c", _CHECK], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue
        real = res.stdout.strip()   # the interpreter itself (a pyenv shim or a link names another's)
        if res.returncode == 0 and real not in seen:
            seen.add(real)
            out.append(exe)
    return out


def _time(exe: str) -> float:
    res = subprocess.run([exe, "-c", _WORKLOAD], capture_output=True, text=True, timeout=120)
    return float(res.stdout.strip())


def main() -> int:
    cands = _candidates()
    if not cands:
        sys.stderr.write(f"find_python: no Python {MINOR[0]}.{MINOR[1]} with venv and ensurepip found; using python3\n")
        print("python3")
        return 0
    if len(cands) == 1:
        print(cands[0])
        return 0
    best = {exe: float("inf") for exe in cands}
    for _ in range(ROUNDS):
        for exe in cands:
            try:
                best[exe] = min(best[exe], _time(exe))
            except (OSError, ValueError, subprocess.SubprocessError):
                pass
    default = cands[0]
    fastest = min(cands, key=lambda e: best[e])
    for exe in cands:
        sys.stderr.write(f"find_python: {exe} {best[exe]:.3f} s\n")
    chosen = fastest if best[fastest] <= (1 - MARGIN) * best[default] else default
    sys.stderr.write(f"find_python: building .venv with {chosen}\n")
    print(chosen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
