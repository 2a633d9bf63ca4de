"""Jupyter kernels for the runner: how each one is started, stopped, and started ahead of time.

* :func:`kernel_manager`: the manager class for every kernel (Unix sockets of its own, no
  SIGINT on shutdown). The benchmark's floor starts its kernels with it, the plain way.
* :func:`pooled_manager`: the runner's workers' manager. Its kernels are forked from the
  run's zygote when there is one (:mod:`kalbar_border.kernel_forks`), and shutting one down
  asks it to exit without waiting (half a second per notebook); :func:`finish` waits for all
  of them before the worker process exits. Its client (:func:`_ready_client`) skips
  jupyter_client's fixed 0.2 s wait on connecting.
* Spares: a worker with more notebooks to run and an idle core beside it starts the kernel
  for its next notebook once the current notebook's kernel is ready
  (:func:`start_spare_when_ready`); the next notebook adopts it (:func:`manager_class`), so a
  kernel's start-up overlaps the work instead of adding to it.

Results do not change: each notebook still runs in a fresh kernel of its own that has run
none of its code. A spare is adopted only by the same kernel name with the same environment
variables; otherwise it is stopped and a new kernel started. A spare nothing adopts is
stopped when its worker exits.
"""
from __future__ import annotations

import contextlib
import functools
import multiprocessing.util
import os
import signal
import tempfile
import time
import uuid

from . import kernel_forks, paths

# The spare of this process (at most one): (manager, its start task, kernel name, environment).
_spare: tuple | None = None


@functools.lru_cache(maxsize=None)
def kernel_manager():
    """The kernel manager class for every kernel the runner (and the benchmark) starts:
    nbclient's default (``AsyncKernelManager``) with two changes.

    * On POSIX systems kernels talk over Unix sockets (IPC) with a path of their own rather
      than TCP ports: parallel kernels cannot race for a port, and ipykernel does not warn
      about unencrypted TCP on every start. Elsewhere TCP is kept.
    * No SIGINT on shutdown. jupyter_client interrupts every kernel before asking it to shut
      down; the kernel of a finished notebook is idle, and the signal only made ipykernel
      print "ERROR | KeyboardInterrupt caught in kernel" on the terminal. A kernel still busy
      (a timed-out cell) is terminated after jupyter_client's shutdown wait instead.
    """
    from jupyter_client import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            if os.name == "posix":
                kwargs.setdefault("transport", "ipc")
                # jupyter_client's default socket name is shared: parallel kernels would
                # collide on it the way TCP kernels race for ports.
                kwargs.setdefault("ip", os.path.join(tempfile.gettempdir(), f"kalbar-kernel-{uuid.uuid4().hex[:16]}"))
            super().__init__(**kwargs)

        async def _async_interrupt_kernel(self) -> None:
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return QuietKernelManager


@functools.lru_cache(maxsize=None)
def pooled_manager():
    """:func:`kernel_manager` as the runner's workers use it: shutting a kernel down asks it
    to exit and returns at once. The kernel exits (within jupyter_client's usual wait, then
    is terminated) while the worker's next notebook starts, instead of the worker waiting
    half a second for it; :func:`finish` collects every such shutdown before the process
    exits. A forced (``now``) shutdown or a restart is done on the spot."""
    import asyncio

    from traitlets import default

    class PooledKernelManager(kernel_manager()):
        exiting = None  # the background shutdown of this kernel, once asked

        @default("client_factory")
        def _client_factory_default(self):
            return _ready_client()

        async def _async_pre_start_kernel(self, **kw):
            # Kernels are forked from the run's zygote when there is one (kernel_forks).
            if self.provisioner is None:
                self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
                self.provisioner = kernel_forks.provisioner_class()(
                    kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
            return await super()._async_pre_start_kernel(**kw)

        async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
            if now or restart:
                return await super().shutdown_kernel(now=now, restart=restart)
            self.exiting = asyncio.ensure_future(super().shutdown_kernel())
            _exiting.append(self)
            _finish_at_exit()

        async def cleanup_resources(self, restart: bool = False) -> None:
            if self.exiting is None:  # else the background shutdown cleans up once the kernel is gone
                await super().cleanup_resources(restart=restart)

    return PooledKernelManager


@functools.lru_cache(maxsize=1)
def _ready_client():
    """The client class of :func:`pooled_manager`'s kernels: jupyter_client's asynchronous
    client, whose ``wait_for_ready`` ends once the kernel has answered ``kernel_info`` and
    IOPub delivers, as jupyter_client's does, without its closing 0.2 s of listening for
    stray IOPub messages (a fixed wait per notebook; nbclient reads only the messages whose
    parent is a request of its own, so strays never reach a notebook)."""
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient

    class ReadyKernelClient(AsyncKernelClient):
        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            while True:
                self.kernel_info()
                try:
                    reply = await self.shell_channel.get_msg(timeout=1)
                except Empty:
                    reply = None
                if reply is not None and reply["msg_type"] == "kernel_info_reply":
                    try:
                        await self.iopub_channel.get_msg(timeout=0.2)  # IOPub is connected
                    except Empty:
                        pass  # not yet: ask again
                    else:
                        self._handle_kernel_info_reply(reply)
                        return
                if not await self.is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    return ReadyKernelClient


# Managers whose kernel this process asked to exit (their ``exiting`` task runs on its event loop).
_exiting: list = []


def start_spare_when_ready(kernel: str):
    """An nbclient ``on_notebook_start`` hook (called once the notebook's own kernel is
    ready) that starts a spare kernel for the next notebook, unless one is waiting."""
    async def hook(**_):
        import asyncio

        global _spare
        if _spare is not None:
            return
        manager = pooled_manager()(kernel_name=kernel)
        manager.wait_for_zygote = True  # read by kernel_forks' provisioner
        # Started in the background: the notebook's cells do not wait for it (the start may
        # wait for the zygote's imports); take_spare does.
        starting = asyncio.ensure_future(manager.start_kernel(cwd=str(paths.ROOT)))
        _spare = (manager, starting, kernel, dict(os.environ))
        _finish_at_exit()
    return hook


_finish_registered_in: int | None = None  # process id


def _finish_at_exit() -> None:
    # multiprocessing runs these finalizers when a worker process exits (atexit does not);
    # a forked process starts with an empty registry, hence once per process id.
    global _finish_registered_in
    if _finish_registered_in != os.getpid():
        multiprocessing.util.Finalize(None, finish, exitpriority=10)
        _finish_registered_in = os.getpid()


def _run(coroutine):
    # The same per-thread event loop nbclient runs in, where the kernels' sockets live.
    from jupyter_core.utils import ensure_event_loop

    return ensure_event_loop().run_until_complete(coroutine)


def take_spare(kernel: str):
    """The waiting spare kernel's manager when it was started for ``kernel`` with the
    current environment and is alive; else None (a mismatched or dead spare is stopped)."""
    global _spare
    spare, _spare = _spare, None
    if spare is None:
        return None
    manager, starting, name, environment = spare
    try:
        _run(starting)
    except Exception:  # noqa: BLE001 - a spare that failed to start is simply not used
        _stop(manager)
        return None
    if name == kernel and environment == dict(os.environ) and _run(manager.is_alive()):
        return manager
    _stop(manager)
    return None


def _stop(manager) -> None:
    try:
        _run(manager.shutdown_kernel(now=True))  # idle, nothing to flush; cleans up too
    except Exception:  # noqa: BLE001 - already gone: only the files and sockets are left
        _run(manager.cleanup_resources())


def finish() -> None:
    """Stop this process's spare kernel, if any, and wait for every kernel asked to shut
    down to be gone."""
    import asyncio

    global _spare
    spare, _spare = _spare, None
    if spare is not None:
        with contextlib.suppress(Exception):
            _run(spare[1])  # let it finish starting, then stop it
        _stop(spare[0])
    pending, _exiting[:] = [m for m in _exiting if not m.exiting.done()], []
    for manager in pending:
        if manager.exiting.get_loop().is_closed():  # its loop is gone (not the runner's): end it directly
            manager.exiting.cancel()
            if manager.provisioner is not None and manager.provisioner.pid:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(manager.provisioner.pid, signal.SIGKILL)
    tasks = [m.exiting for m in pending if not m.exiting.get_loop().is_closed()]
    if tasks:
        _run(asyncio.gather(*tasks, return_exceptions=True))


def manager_class(spare=None):
    """The kernel manager class to hand to papermill (:func:`pooled_manager`'s). With a
    ``spare`` manager, the first manager nbclient constructs is that spare, whose kernel is
    already running, so nbclient goes straight to connecting to it (and shuts it down after
    the notebook, as its own)."""
    base = pooled_manager()
    if spare is None:
        return base

    class AdoptingKernelManager(base):
        waiting = [spare]

        def __new__(cls, *args, **kwargs):
            # The spare is an instance of base, not of this class, so Python does not run
            # __init__ on it again; a second construction gets a new kernel.
            return cls.waiting.pop() if cls.waiting else super().__new__(cls, *args, **kwargs)

    return AdoptingKernelManager


def release(manager) -> None:
    """After papermill returns or raises: stop a spare that nbclient never adopted (papermill
    failed before starting a kernel), so no kernel outlives the run."""
    waiting = getattr(manager, "waiting", [])
    while waiting:
        _stop(waiting.pop())
