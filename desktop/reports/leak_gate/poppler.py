"""poppler's ``pdftotext``, the leak gate's independent extractor, run in its own process while the
gate does the rest of its work (:func:`poppler_start`, :func:`poppler_finish`, :func:`poppler_stop`).

The PDF goes to pdftotext's standard input, its text comes back on its standard output: nothing is
written to disk. On Linux and macOS the whole PDF is written into the pipe at once when the pipe
holds it (Linux makes a pipe as large as the PDF, up to :data:`PIPE_BYTES`), so pdftotext has all
of it at once and this process needs no thread to feed it; a PDF larger than the pipe is written by
a thread, as everywhere on Windows, where a thread also reads the text back.

An extractor that fails, exits with an error or takes longer than :data:`TIMEOUT_S` refuses the PDF
(:class:`LeakDetected`): the gate fails closed.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import threading
import time

from desktop.reports.leak_gate.outcome import LeakDetected

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: pipes keep their size and a thread does the talking
    fcntl = None  # type: ignore[assignment]

# The largest pipe asked for; a PDF larger than the pipe is written by a thread.
PIPE_BYTES = 1 << 20
# pdftotext reads a statement in milliseconds; one that takes this long is refused.
TIMEOUT_S = 60.0

_POSIX = os.name == "posix"


class Poppler:
    """One pdftotext process reading one PDF; its text (:meth:`text`) or a refusal."""

    def __init__(self, data: bytes, exe: str) -> None:
        self.proc = subprocess.Popen(
            [exe, "-q", "-enc", "UTF-8", "fd://0", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.out: list[bytes] = []
        self.thread: threading.Thread | None = None
        try:
            self._feed(data)
        except BaseException:  # no pdftotext is left running whatever went wrong
            self.stop()
            raise

    def _feed(self, data: bytes) -> None:
        if not _POSIX:  # pragma: no cover - Windows: select() reads no pipe there
            self.thread = threading.Thread(target=self._communicate, args=(data,), daemon=True)
            self.thread.start()
            return
        stdin, stdout = self.proc.stdin, self.proc.stdout
        assert stdin is not None and stdout is not None
        _widen(stdin.fileno(), len(data))
        _widen(stdout.fileno(), len(data))  # its text is smaller than the PDF: it never waits to write it
        sent = _write_now(stdin.fileno(), data)
        if sent >= len(data):
            _close(stdin)
            return
        self.thread = threading.Thread(target=self._write, args=(memoryview(data)[sent:],), daemon=True)
        self.thread.start()

    def _communicate(self, data: bytes) -> None:  # pragma: no cover - Windows
        try:
            self.out.append(self.proc.communicate(data, timeout=TIMEOUT_S)[0])
        except Exception:  # noqa: BLE001 - no output: the PDF is refused
            self.proc.kill()

    def _write(self, rest: memoryview) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            stdin.write(rest)
        except (OSError, ValueError):  # pdftotext gone, or stopped by the gate: its exit status refuses
            pass
        finally:
            _close(stdin)

    def text(self) -> str:
        """The text pdftotext gave, or :class:`LeakDetected` if it failed or took too long."""
        deadline = time.monotonic() + TIMEOUT_S
        if _POSIX:
            data = self._read(deadline)
        else:  # pragma: no cover - Windows
            assert self.thread is not None
            self.thread.join(TIMEOUT_S + 10)
            data = self.out[0] if self.out and not self.thread.is_alive() else None
        if self.thread is not None:
            self.thread.join(max(0.0, deadline - time.monotonic()))
        try:
            code = self.proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            code = None
        if data is None or code != 0 or (self.thread is not None and self.thread.is_alive()):
            raise LeakDetected(None, "unreadable", "pdftotext could not read the PDF")
        return data.decode("utf-8", errors="replace")

    def _read(self, deadline: float) -> bytes | None:
        """Everything on pdftotext's standard output until it closes it; None past the deadline."""
        stdout = self.proc.stdout
        assert stdout is not None
        fd = stdout.fileno()
        chunks: list[bytes] = []
        try:
            with selectors.DefaultSelector() as sel:
                sel.register(fd, selectors.EVENT_READ)
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0 or not sel.select(left):
                        return None
                    chunk = os.read(fd, 1 << 16)
                    if not chunk:
                        return b"".join(chunks)
                    chunks.append(chunk)
        finally:
            _close(stdout)

    def stop(self) -> None:
        """End pdftotext if it still runs and close its pipes (after :meth:`text`, or instead of it)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            _close(self.proc.stdout)
        if self.proc.stdin is not None and (self.thread is None or not self.thread.is_alive()):
            _close(self.proc.stdin)  # else the thread writing it closes it


def _widen(fd: int, size: int) -> None:
    """Ask for a pipe that holds ``size`` bytes (Linux's ``F_SETPIPE_SZ``, up to :data:`PIPE_BYTES`);
    where that is refused or unknown, the pipe keeps its size."""
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setsize is None or size <= 1 << 16:  # no such call, or the default 64 KiB already holds it
        return
    try:
        fcntl.fcntl(fd, setsize, min(size, PIPE_BYTES))
    except OSError:  # over the system's limit for pipes: the rest is written by a thread
        pass


def _write_now(fd: int, data: bytes) -> int:
    """As much of ``data`` written to ``fd`` as the pipe takes without waiting; how many bytes went."""
    os.set_blocking(fd, False)
    try:
        return os.write(fd, data)
    except (BlockingIOError, BrokenPipeError):  # a full pipe, or pdftotext gone: its exit status refuses
        return 0
    finally:
        os.set_blocking(fd, True)


def _close(stream) -> None:
    try:
        stream.close()
    except (OSError, ValueError):  # pdftotext gone before it read everything: its exit status refuses
        pass


def poppler_start(data: bytes, exe: str) -> Poppler:
    """pdftotext started on ``data`` in its own process; it reads while the gate goes on."""
    return Poppler(data, exe)


def poppler_finish(poppler: Poppler) -> str:
    """The text pdftotext gave, or a refusal if it failed or took too long."""
    return poppler.text()


def poppler_stop(poppler: Poppler) -> None:
    """pdftotext ended if it still runs, its pipes closed."""
    poppler.stop()
