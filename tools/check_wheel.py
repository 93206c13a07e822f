"""Build the wheel, install it in a fresh virtual environment, and run the README's replay
command on a copy of the example, with OpenAI variables pointing somewhere else.

``python -m tools.check_wheel`` (a CI step; needs the package index for the dependencies).
Prints each step; exits 0 when the installed command wrote a brief with every source, 1
otherwise. ``--wheel-dir`` keeps the built wheel."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(command: list[str], **options) -> subprocess.CompletedProcess:
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, check=True, text=True, capture_output=True, **options)


def check_wheel(work: Path) -> int:
    """Build, install and run in ``work``; 0 when the brief is complete, 1 otherwise."""
    wheels = work / "wheels"
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels), str(ROOT)])
    warnings = [line for line in built.stderr.splitlines() if "Deprecat" in line]
    if warnings:
        print("deprecation warnings from the build:", *warnings, sep="\n  ")
        return 1
    [wheel] = wheels.glob("newsbrief-*.whl")
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)])
    example = work / "kursk"
    shutil.copytree(ROOT / "examples" / "kursk", example)
    cassette = work / "kursk.yaml"
    shutil.copy(ROOT / "cassettes" / "examples" / "kursk.yaml", cassette)
    env = {
        **os.environ,
        "OPENAI_BASE_URL": "http://127.0.0.1:9/elsewhere/v1",
        "OPENAI_API_KEY": "sk-not-for-a-replay-0123456789",
        "NEWSBRIEF_MODEL": "another-model",
        "NEWSBRIEF_CACHE_DIR": str(work / "cache"),
    }
    out = work / "brief.md"
    result = subprocess.run(
        [str(venv / "bin" / "newsbrief"), str(example), "--replay", str(cassette), "-o", str(out)],
        env=env, cwd=work, text=True, capture_output=True,
    )  # fmt: skip
    print(result.stderr)
    if result.returncode != 0 or not out.exists():
        print(f"the installed command failed (exit {result.returncode})")
        return 1
    sources = json.loads(out.with_suffix(".json").read_text())["sources"]
    if len(sources) != len(list(example.iterdir())):
        print(f"the brief has {len(sources)} sources")
        return 1
    version = run([str(venv / "bin" / "newsbrief"), "--version"]).stdout.strip()
    print(f"ok: {version} installed from {wheel.name} wrote {out.name} with {len(sources)} sources")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.check_wheel", description=__doc__)
    parser.add_argument("--wheel-dir", type=Path, help="keep the work folder here")
    args = parser.parse_args(argv)
    if args.wheel_dir:
        args.wheel_dir.mkdir(parents=True, exist_ok=True)
        return check_wheel(args.wheel_dir)
    with tempfile.TemporaryDirectory() as tmp:
        return check_wheel(Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
