"""How the runner starts kernels: which commands may be forked from the zygote, and when a
waiting spare kernel is adopted or stopped."""
import os
import sys

from kalbar_border import kernel_forks, kernels


def test_only_this_interpreters_ipykernel_launcher_is_forked():
    launcher = ["-m", "ipykernel_launcher", "-f", "/tmp/k.json"]
    assert kernel_forks._kernel_arguments([sys.executable, *launcher]) == ["-f", "/tmp/k.json"]
    assert kernel_forks._kernel_arguments([sys.executable, "-Xfrozen_modules=off", *launcher]) == ["-f", "/tmp/k.json"]
    assert kernel_forks._kernel_arguments(["/usr/bin/some-other-python", *launcher]) is None
    assert kernel_forks._kernel_arguments([sys.executable, "-m", "other_kernel", "-f", "x"]) is None
    assert kernel_forks._kernel_arguments([sys.executable, "-Xdev", *launcher]) is None  # options the zygote lacks
    assert kernel_forks._kernel_arguments([]) is None


class FakeManager:
    def __init__(self, alive=True):
        self.alive, self.stopped = alive, []

    async def is_alive(self):
        return self.alive

    async def shutdown_kernel(self, now=False, restart=False):
        self.stopped.append(now)

    async def cleanup_resources(self, restart=False):
        pass


async def _started():
    return None


def _spare(manager, kernel, environment):
    import asyncio

    return manager, asyncio.ensure_future(_started(), loop=_loop()), kernel, environment


def _loop():
    from jupyter_core.utils import ensure_event_loop

    return ensure_event_loop()


def test_a_spare_is_adopted_only_with_the_same_kernel_and_environment(monkeypatch):
    good = FakeManager()
    monkeypatch.setattr(kernels, "_spare", _spare(good, "k", dict(os.environ)))
    assert kernels.take_spare("k") is good and kernels._spare is None and not good.stopped

    for spare, kernel in [(_spare(FakeManager(), "k", {**os.environ, "EXTRA": "1"}), "k"),  # environment changed
                          (_spare(FakeManager(), "other", dict(os.environ)), "k"),          # another kernel
                          (_spare(FakeManager(alive=False), "k", dict(os.environ)), "k")]:  # died while waiting
        monkeypatch.setattr(kernels, "_spare", spare)
        assert kernels.take_spare(kernel) is None
        assert spare[0].stopped == [True] and kernels._spare is None


def test_a_spare_nbclient_never_took_is_stopped():
    spare = FakeManager()
    manager = kernels.manager_class(spare)
    kernels.release(manager)
    assert spare.stopped == [True] and manager.waiting == []


def test_a_zygote_that_has_exited_is_not_waited_for(tmp_path):
    import subprocess
    import time

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    started = time.monotonic()
    assert kernel_forks._request(f"{gone.pid}:{tmp_path / 'no-socket'}", {}, wait=True) is None
    assert time.monotonic() - started < kernel_forks.READY_TIMEOUT / 10


def test_forked_process_handle_polls_and_signals_a_process_that_is_not_our_child():
    import subprocess

    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    handle = kernel_forks._ForkedProcess(sleeper.pid)
    assert handle.poll() is None
    handle.kill()
    sleeper.wait()  # here it is our child, so reap it as the zygote would
    assert handle.wait(timeout=5) == 0 and handle.poll() == 0
    handle.kill()  # gone: no error


def test_the_zygote_refuses_a_bad_request_in_one_line_and_keeps_serving(tmp_path):
    """A request it cannot serve gets an error reply (the provisioner then starts a kernel
    the plain way); the zygote itself stays up for the next request."""
    import json
    import socket
    import subprocess
    import time

    address = str(tmp_path / "zygote")
    zygote = kernel_forks.Zygote(address, subprocess.Popen(
        [sys.executable, "-m", "kalbar_border.kernel_forks", address, str(os.getpid())], stdin=subprocess.DEVNULL))
    try:
        for _ in range(2):
            deadline = time.monotonic() + kernel_forks.READY_TIMEOUT
            while True:
                try:
                    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                        conn.connect(address)
                        conn.sendall(b"not json\n")
                        reply = json.loads(conn.makefile("rb").readline())
                    break
                except (FileNotFoundError, ConnectionRefusedError):
                    assert time.monotonic() < deadline, "zygote did not start"
                    time.sleep(0.05)
            assert reply["error"].startswith("JSONDecodeError")
        assert zygote.process.poll() is None
        zygote_name = f"{zygote.process.pid}:{address}"
        assert kernel_forks._request(zygote_name, {"arguments": [], "env": {}}, wait=True) is None  # no "cwd"
        assert kernel_forks._request(zygote_name, {"arguments": [], "env": {}, "cwd": str(tmp_path / "no")}, wait=True) is None
    finally:
        zygote.stop()
    assert zygote.process.poll() is not None and not (tmp_path / "zygote").exists()


def test_the_runners_client_is_ready_when_the_kernel_answers_and_says_when_it_died():
    import asyncio

    import pytest

    async def scenario():
        manager = kernels.pooled_manager()(kernel_name="kalbar-border")
        await manager.start_kernel()
        try:
            client = manager.client()
            client.start_channels()
            await client.wait_for_ready(timeout=60)
            reply = await client.execute_interactive("x = 6 * 7", timeout=30)
            assert reply["content"]["status"] == "ok"
            client.stop_channels()
            await manager.shutdown_kernel(now=True)
            late = manager.client()
            late.start_channels()
            with pytest.raises(RuntimeError, match="Kernel died before replying to kernel_info"):
                await late.wait_for_ready(timeout=30)
            late.stop_channels()
        finally:
            if await manager.is_alive():
                await manager.shutdown_kernel(now=True)

    asyncio.run(scenario())
