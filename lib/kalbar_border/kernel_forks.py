"""Kernels forked from one process that has already imported the scientific stack.

A new kernel starts a Python interpreter and imports ipykernel; the notebook's first cell
then imports numpy, pandas, scipy and matplotlib. That is two to three seconds of CPU per
notebook, paid once per notebook and run, and on these machines more than most notebooks'
own work. So the runner starts one *zygote* per run (:func:`start`): a process that does
those imports once and then, on request, forks. The child becomes an ordinary ipykernel,
with the command-line arguments, environment variables and working directory jupyter_client
asked for, in a session, process and sockets of its own. A notebook still runs in a fresh
kernel that has run none of its code; what it inherits is the imported modules.

jupyter_client starts kernels through a *provisioner*; :class:`ForkedProvisioner` asks the
zygote instead of starting an interpreter, and starts one the ordinary way when there is no
zygote for the run, when the zygote does not answer, or when the kernel's command is not this
interpreter's ``-m ipykernel_launcher`` (so a kernel for another environment is never forked
from this one).

Fork safety: the zygote refuses to serve if its imports started a thread (a fork copies only
the calling thread) and creates no ZeroMQ context or event loop before forking; each child
creates its own. The zygote exits when the process that started it is gone, and each kernel
exits when the zygote is gone (ipykernel's parent poller), so none outlives an interrupted run.
"""
from __future__ import annotations

import asyncio
import functools
import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from . import paths

#: Environment variable naming the run's zygote, ``<process id>:<socket path>`` (read by the
#: workers' provisioners).
ENV = "KALBAR_KERNEL_ZYGOTE"
#: What the zygote imports before it forks: the third-party stack the notebooks import
#: through ``lib`` (every notebook imports pandas; 02-06 draw figures; 05-06 use scipy).
PRELOAD = ("numpy", "pandas", "scipy.stats", "matplotlib.figure")
#: Seconds a spare kernel's provisioner waits for the zygote to finish its imports and answer.
READY_TIMEOUT = 60.0
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


#: Interpreter options the zygote runs with: those ``ipykernel install`` writes into the
#: kernel spec (frozen standard-library modules off, for the debugger).
INTERPRETER_OPTIONS = ["-Xfrozen_modules=off"]
LAUNCHER = ["-m", "ipykernel_launcher"]


def _kernel_arguments(cmd: list[str]) -> list[str] | None:
    """The ipykernel arguments of a kernel command that is this interpreter, with the
    zygote's options or none, running ``-m ipykernel_launcher``; else None (not forkable)."""
    if not cmd or os.path.realpath(cmd[0]) != os.path.realpath(sys.executable):
        return None
    for prefix in (LAUNCHER, INTERPRETER_OPTIONS + LAUNCHER):
        if cmd[1:1 + len(prefix)] == prefix:
            return cmd[1 + len(prefix):]
    return None


# ---------------------------------------------------------------- the zygote process

def serve(address: str, runner: int) -> None:
    """Run the zygote: import, then fork a kernel per request on the Unix socket ``address``
    until the process ``runner`` that started it has exited (checked each second, also when
    it exits during the imports)."""
    if os.getppid() != runner:
        return  # the runner is already gone
    # ipykernel sets this before a notebook can import matplotlib, which reads it at import.
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    for name in PRELOAD:
        importlib.import_module(name)
    importlib.import_module("ipykernel.kernelapp")  # IPython, ZeroMQ, tornado: imported, not started

    if threading.active_count() != 1:
        raise SystemExit(f"kernel zygote: imports started {threading.active_count() - 1} thread(s); not forking")
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped as they exit
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    pending = f"{address}.{os.getpid()}"
    server.bind(pending)
    server.listen(16)
    os.replace(pending, address)  # the path appears only once the zygote can serve
    server.settimeout(1.0)
    try:
        while os.getppid() == runner:
            try:
                conn, _ = server.accept()
            except (socket.timeout, InterruptedError):
                continue
            with conn:
                try:
                    request = _checked(json.loads(conn.makefile("rb").readline()))
                    pid = os.fork()
                except Exception as exc:  # noqa: BLE001 - a bad request or a failed fork: say so, keep serving
                    conn.sendall(json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode() + b"\n")
                    continue
                if pid == 0:
                    server.close()
                    conn.close()
                    _become_kernel(request)  # never returns
                conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
    finally:
        server.close()
        Path(address).unlink(missing_ok=True)


def _checked(request) -> dict:
    """A kernel request: ``arguments`` (list of str), ``env`` (str to str), ``cwd`` (an
    existing folder); else ValueError, before anything is forked."""
    if not (isinstance(request, dict) and isinstance(request.get("arguments"), list)
            and all(isinstance(a, str) for a in request["arguments"])
            and isinstance(request.get("env"), dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in request["env"].items())
            and isinstance(request.get("cwd"), str) and os.path.isdir(request["cwd"])):
        raise ValueError("expected {'arguments': [str], 'env': {str: str}, 'cwd': existing folder}")
    return request


def _become_kernel(request: dict) -> None:
    """In the forked child: set up the process as jupyter_client would have started it, then
    run ipykernel until the kernel is shut down."""
    code = 1
    try:
        os.setsid()  # as jupyter_client's start_new_session: terminal signals do not reach it
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        if sys.path[0] in ("", os.getcwd()):
            del sys.path[0]  # as ipykernel_launcher does; IPython puts '' back
        # A fork copies numpy's global random state; a new interpreter seeds it from the OS.
        # (The analysis seeds what it draws; this keeps unseeded draws as unpredictable.)
        sys.modules["numpy"].random.seed()
        from importlib.util import find_spec

        from ipykernel import kernelapp

        sys.argv = [find_spec("ipykernel_launcher").origin, *request["arguments"]]  # as `python -m ipykernel_launcher`
        # The parent poller: exit when the zygote (this process's parent) is gone.
        kernelapp.launch_new_instance(argv=[*request["arguments"], f"--IPKernelApp.parent_handle={os.getppid()}"])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - report, then leave the child in any case
        import traceback

        traceback.print_exc()
    finally:
        import atexit

        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


# ---------------------------------------------------------------- the runner's side

class Zygote:
    """The run's zygote process; :meth:`stop` ends it (kernels it forked are unaffected)."""

    def __init__(self, address: str, process: subprocess.Popen):
        self.address, self.process = address, process

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        Path(self.address).unlink(missing_ok=True)


def start() -> Zygote | None:
    """Start a zygote with this process's environment (the kernels' environment) and set
    :data:`ENV` so that workers started afterwards find it. None except on Linux (kernels
    then start the plain way)."""
    if not sys.platform.startswith("linux"):
        return None  # fork without exec is unsafe on macOS once system frameworks are loaded
    address = os.path.join(tempfile.gettempdir(), f"kalbar-zygote-{uuid.uuid4().hex[:16]}")
    process = subprocess.Popen([sys.executable, *INTERPRETER_OPTIONS, "-m", "kalbar_border.kernel_forks", address,
                                str(os.getpid())],
                               cwd=str(paths.ROOT), stdin=subprocess.DEVNULL)
    os.environ[ENV] = f"{process.pid}:{address}"
    return Zygote(address, process)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _request(zygote: str, request: dict, wait: bool) -> int | None:
    """Ask the zygote (``<pid>:<socket path>``) for a kernel; its process id, or None when no
    zygote answers: at once when it is still importing (unless ``wait``) or has exited."""
    zygote_pid, address = zygote.split(":", 1)
    deadline = time.monotonic() + (READY_TIMEOUT if wait else 0)
    while True:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.connect(address)
                conn.sendall(json.dumps(request).encode() + b"\n")
                reply = conn.makefile("rb").readline()
            pid = json.loads(reply).get("pid") if reply else None
            return int(pid) if pid else None  # else the zygote could not fork: start the plain way
        except (FileNotFoundError, ConnectionRefusedError):
            if time.monotonic() > deadline or not _alive(int(zygote_pid)):  # importing, or failed
                return None
            time.sleep(0.05)


class _ForkedProcess:
    """The few :class:`subprocess.Popen` methods jupyter_client uses, for a kernel that is
    the zygote's child, not ours (so it is polled with signal 0, not waited for)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self) -> int | None:
        if self.returncode is None and not _alive(self.pid):
            self.returncode = 0  # gone; its exit status went to the zygote
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


@functools.lru_cache(maxsize=1)
def provisioner_class():
    """:class:`ForkedProvisioner`, built on jupyter_client's LocalProvisioner (imported
    only when kernels are started)."""
    from jupyter_client.provisioning import LocalProvisioner

    class ForkedProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs):
            zygote, arguments = os.environ.get(ENV), _kernel_arguments(cmd)
            if not zygote or arguments is None:
                return await super().launch_kernel(cmd, **kwargs)
            env = dict(kwargs.get("env") or os.environ)
            env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher sets it
            cwd = str(kwargs.get("cwd") or os.getcwd())
            # A notebook waiting for its kernel does not wait for the zygote's imports (it
            # starts a kernel the plain way); a spare, started ahead of time, does.
            wait = getattr(self.parent, "wait_for_zygote", False)
            pid = await asyncio.to_thread(_request, zygote, {"arguments": arguments, "env": env, "cwd": cwd}, wait)
            if pid is None:
                return await super().launch_kernel(cmd, **kwargs)
            self.process, self.pid, self.pgid, self.cwd = _ForkedProcess(pid), pid, pid, cwd
            return self.connection_info

    return ForkedProvisioner


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]))
