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


def test_a_spare_is_adopted_only_with_the_same_kernel_and_environment(monkeypatch):
    good = FakeManager()
    monkeypatch.setattr(kernels, "_spare", (good, "k", dict(os.environ)))
    assert kernels.take_spare("k") is good and kernels._spare is None and not good.stopped

    for spare, kernel in [((FakeManager(), "k", {**os.environ, "EXTRA": "1"}), "k"),  # environment changed
                          ((FakeManager(), "other", dict(os.environ)), "k"),          # another kernel
                          ((FakeManager(alive=False), "k", dict(os.environ)), "k")]:  # died while waiting
        monkeypatch.setattr(kernels, "_spare", spare)
        assert kernels.take_spare(kernel) is None
        assert spare[0].stopped == [True] and kernels._spare is None


def test_a_spare_nbclient_never_took_is_stopped():
    spare = FakeManager()
    manager = kernels.manager_class(spare)
    kernels.release(manager)
    assert spare.stopped == [True] and manager.waiting == []
