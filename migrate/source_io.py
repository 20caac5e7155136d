"""Bytes <-> text without losing a byte, and atomic writes.

Decoding honours PEP 263 coding cookies and UTF-8 BOMs, and the same encoding is used to write
back, so a latin-1 file stays latin-1 and a BOM stays a BOM. Files whose lines all end in CRLF
are handed to the codemod with LF endings and restored afterwards: libcst itself round-trips
CRLF, but code the codemod generates from templates would come out with bare LF, leaving the
file with mixed endings.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import time
import tokenize
from dataclasses import dataclass
from pathlib import Path

# Test-only hook: seconds to pause in the middle of writing each temp file, so a test can
# SIGKILL a run mid-write and check that no file is ever left half-written.
SLOW_WRITE_ENV = "MIGRATE_TEST_SLOW_WRITE"
GENERATED_MARKERS = (b"@generated", b"DO NOT EDIT")


class DecodeFailure(ValueError):
    """The bytes do not decode with the declared (or default UTF-8) encoding."""


class ConcurrentChange(OSError):
    """The file changed on disk between our read and our write; we do not clobber it."""


@dataclass(frozen=True)
class Decoded:
    text: str  # LF line endings when `crlf`, else exactly as on disk
    encoding: str  # codec to write back with; "utf-8-sig" re-adds the BOM
    crlf: bool  # every line ended in CRLF on disk

    def on_disk(self, text: str) -> str:
        """`text` (in codemod form) with the file's original line endings."""
        return text.replace("\n", "\r\n") if self.crlf else text

    def encode(self, text: str) -> bytes:
        """Raises UnicodeEncodeError if `text` does not fit the file's encoding."""
        return self.on_disk(text).encode(self.encoding)


def decode(data: bytes, notebook: bool = False) -> Decoded:
    """Decode source bytes. Notebooks are JSON, always UTF-8 (cookies do not apply)."""
    try:
        if notebook:
            encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        else:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as exc:
        raise DecodeFailure(str(exc)) from exc
    return _split_newlines(text, encoding)


def _split_newlines(text: str, encoding: str) -> Decoded:
    crlf_count = text.count("\r\n")
    # Only a file that is CRLF throughout is normalised: then LF -> CRLF is an exact inverse.
    # Mixed or bare-CR files go through as they are (libcst keeps them byte-for-byte).
    if crlf_count and crlf_count == text.count("\n") == text.count("\r"):
        return Decoded(text.replace("\r\n", "\n"), encoding, True)
    return Decoded(text, encoding, False)


def is_generated(data: bytes) -> bool:
    """`@generated` or "DO NOT EDIT" in the first five lines (protoc, Bazel, codegen tools)."""
    head = b"\n".join(data.split(b"\n", 5)[:5])
    return any(marker in head for marker in GENERATED_MARKERS)


def is_read_only(st: os.stat_result) -> bool:
    """No write bit at all. Checked on the mode, not os.access: root may write anything."""
    return not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def atomic_write(
    path: Path,
    data: bytes,
    mode: int,
    owner: tuple[int, int] | None = None,
    expect: os.stat_result | None = None,
) -> None:
    """Replace `path` with `data` so that readers (and a crash) see the old or the new file.

    Temp file in the same directory (same filesystem, so os.replace is atomic), fsynced before
    the rename, with the original permission bits (and owner, where we are allowed to).
    `expect` is the stat taken when the file was read: if the file changed since, give up.
    """
    directory = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".migrate-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            _write(fh, data)
            fh.flush()
            os.fchmod(fh.fileno(), stat.S_IMODE(mode))
            if owner is not None and hasattr(os, "fchown"):
                try:
                    os.fchown(fh.fileno(), *owner)
                except OSError:
                    pass  # not allowed to give files away: keep ours (like editors do)
            os.fsync(fh.fileno())
        if expect is not None:
            now = os.stat(path)
            if (now.st_mtime_ns, now.st_size, now.st_ino) != (
                expect.st_mtime_ns,
                expect.st_size,
                expect.st_ino,
            ):
                raise ConcurrentChange(f"{path} changed on disk while it was being migrated")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write(fh: io.BufferedWriter, data: bytes) -> None:
    delay = float(os.environ.get(SLOW_WRITE_ENV, "0") or 0)
    if delay <= 0:
        fh.write(data)
        return
    half = len(data) // 2
    fh.write(data[:half])
    fh.flush()
    time.sleep(delay)
    fh.write(data[half:])


def fsync_dir(directory: Path) -> None:
    """Make renames durable (a power cut after replace keeps the new name).

    Called once per directory at the end of a run rather than after every file: it costs as
    much as the file's own fsync, and atomicity (old or new, never half) does not depend on it.
    """
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on directories; the rename is still atomic
    finally:
        os.close(fd)


def copy_file(src: Path, dst: Path, data: bytes | None = None) -> None:
    """Write `data` (or src's bytes) to dst with src's mode, creating parent directories."""
    st = os.stat(src)
    if data is None:
        data = src.read_bytes()
    dst.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(dst, data, st.st_mode)


def copy_symlink(src: Path, dst: Path) -> None:
    """Recreate a symlink (same target text) in the --out tree."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if dst.is_symlink() or dst.exists():
        dst.unlink()
    os.symlink(os.readlink(src), dst)
