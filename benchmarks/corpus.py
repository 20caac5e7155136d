#!/usr/bin/env python3
"""Build a local benchmark corpus of real TF1 code from mirrored public repositories.

The corpus is never committed (it is other people's code).  Input: bare git directories
(no work tree), e.g. the ones the `fetch` tool leaves under /work/.mirror/<owner>+<name>/repo.
Output (default /tmp/tf1-corpus):

    all/<repo>/<path>.py   every .py file of every repository (libcst parse baseline)
    tf1/<repo>/<path>.py   the .py files that mention `variable_scope` or `get_variable`
    manifest.json          repos, refs, commits, file and line counts

Usage:
    python benchmarks/corpus.py                       # every known repo found under /work/.mirror
    python benchmarks/corpus.py --out /tmp/c DIR...   # explicit git dirs (bare or with .git)

Nothing here imports TensorFlow or the project; only git and the standard library.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MIRROR_ROOT = Path("/work/.mirror")
DEFAULT_OUT = Path("/tmp/tf1-corpus")
TF1_MARKERS = (b"variable_scope", b"get_variable")


@dataclass(frozen=True)
class RepoSpec:
    slug: str  # owner/name
    refs: tuple[str, ...] = ("HEAD",)  # first ref that resolves (and passes `require`) wins
    require: str | None = None  # a path that must exist at the ref, else the repo is skipped
    note: str = ""


# The repositories of DESIGN.md "Real code to try it on", plus a few more TF1 code bases.
KNOWN_REPOS: tuple[RepoSpec, ...] = (
    RepoSpec("openai/baselines"),
    RepoSpec("google-research/bert"),
    RepoSpec("carpedm20/DCGAN-tensorflow"),
    RepoSpec("openai/glow"),
    RepoSpec("tensorflow/tensor2tensor"),
    RepoSpec("affinelayer/pix2pix-tensorflow"),
    RepoSpec("keithito/tacotron"),
    # Sonnet 1.x lives on the `master` branch / v1.* tags; HEAD of the snapshot is v2.
    RepoSpec(
        "deepmind/sonnet",
        refs=("origin/master", "master", "v1.36", "v1.35", "v1.34"),
        require="sonnet/python/modules/base.py",
        note="sonnet 1.x",
    ),
    RepoSpec("google/seq2seq"),
    RepoSpec("igul222/improved_wgan_training"),
    # extra TF1 repos
    RepoSpec("tensorpack/tensorpack"),
    # magenta's `v1` branch is the TF1-era tree; main still carries tf.compat.v1 models.
    RepoSpec("magenta/magenta", refs=("v1", "origin/v1", "HEAD"), note="TF1-era branch"),
    RepoSpec("tensorflow/nmt"),
    RepoSpec("openai/gpt-2"),
    RepoSpec("hardmaru/sketch-rnn"),
    RepoSpec("hardmaru/write-rnn-tensorflow"),
)


@dataclass
class RepoStats:
    repo: str
    slug: str
    ref: str
    commit: str
    all_files: int = 0
    all_lines: int = 0
    tf1_files: int = 0
    tf1_lines: int = 0
    skipped: list[str] = field(default_factory=list)


def git(git_dir: Path, *args: str, input: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args],
        input=input,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=True,
    ).stdout


def find_git_dir(path: Path) -> Path | None:
    """Accept a bare git dir, a dir holding `.git`, or a mirror dir holding `repo/`."""
    for cand in (path, path / ".git", path / "repo", path / "repo" / ".git"):
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


def resolve_ref(git_dir: Path, spec: RepoSpec) -> tuple[str, str] | None:
    for ref in spec.refs:
        try:
            commit = git(git_dir, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
        except subprocess.CalledProcessError:
            continue
        if spec.require:
            try:
                git(git_dir, "cat-file", "-e", f"{commit}:{spec.require}")
            except subprocess.CalledProcessError:
                continue
        return ref, commit
    return None


def list_py_blobs(git_dir: Path, commit: str) -> list[tuple[str, str]]:
    """(path, blob sha) of every regular .py file at `commit` (no symlinks, no submodules)."""
    out = git(git_dir, "ls-tree", "-r", "-z", "--full-tree", commit)
    blobs = []
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        mode, kind, sha = meta.split()
        if kind != b"blob" or mode not in (b"100644", b"100755"):
            continue
        p = path.decode("utf-8", "surrogateescape")
        if p.endswith(".py"):
            blobs.append((p, sha.decode()))
    return blobs


def read_blobs(git_dir: Path, shas: list[str]) -> dict[str, bytes]:
    """Read many blobs with one `git cat-file --batch` process."""
    if not shas:
        return {}
    raw = git(git_dir, "cat-file", "--batch", input=("\n".join(shas) + "\n").encode())
    result: dict[str, bytes] = {}
    pos = 0
    for sha in shas:
        nl = raw.index(b"\n", pos)
        header = raw[pos:nl].split()
        if len(header) < 3 or header[1] == b"missing":
            pos = nl + 1
            continue
        size = int(header[2])
        start = nl + 1
        result[sha] = raw[start : start + size]
        pos = start + size + 1  # trailing newline after each object
    return result


def line_count(data: bytes) -> int:
    if not data:
        return 0
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


def repo_dir_name(slug: str, taken: set[str]) -> str:
    name = slug.split("/")[-1]
    if name in taken:
        name = slug.replace("/", "__")
    taken.add(name)
    return name


def slug_from_mirror(path: Path) -> str:
    """/work/.mirror/owner+name/repo(/.git) -> owner/name (best effort)."""
    for part in reversed(path.resolve().parts):
        if "+" in part:
            owner, _, name = part.partition("+")
            return f"{owner}/{name}"
    return path.resolve().name.removesuffix(".git")


def build(sources: list[tuple[RepoSpec, Path]], out: Path, quiet: bool = False) -> list[RepoStats]:
    if out.exists():
        if any(out.iterdir()) and not (out / "manifest.json").exists():
            sys.exit(f"refusing to clear {out}: it exists, is not empty and has no manifest.json")
        for sub in ("all", "tf1"):
            shutil.rmtree(out / sub, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    stats: list[RepoStats] = []
    taken: set[str] = set()
    for spec, git_dir in sources:
        resolved = resolve_ref(git_dir, spec)
        if resolved is None:
            print(
                f"skip {spec.slug}: none of the refs {spec.refs} resolves"
                + (f" with {spec.require}" if spec.require else ""),
                file=sys.stderr,
            )
            continue
        ref, commit = resolved
        name = repo_dir_name(spec.slug, taken)
        st = RepoStats(repo=name, slug=spec.slug, ref=ref, commit=commit)
        blobs = list_py_blobs(git_dir, commit)
        data = read_blobs(git_dir, sorted({sha for _, sha in blobs}))
        for path, sha in blobs:
            content = data.get(sha)
            if content is None:  # e.g. a partial snapshot missing a large object
                st.skipped.append(path)
                continue
            n = line_count(content)
            dest_rel = Path(name) / path
            for sub in ("all",) + (("tf1",) if any(m in content for m in TF1_MARKERS) else ()):
                dest = out / sub / dest_rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(content)
            st.all_files += 1
            st.all_lines += n
            if any(m in content for m in TF1_MARKERS):
                st.tf1_files += 1
                st.tf1_lines += n
        stats.append(st)
        if not quiet:
            print(f"  fetched {spec.slug}@{ref} ({commit[:10]}): {st.all_files} .py, {st.tf1_files} TF1", file=sys.stderr)
    manifest = {
        "markers": [m.decode() for m in TF1_MARKERS],
        "repos": [st.__dict__ for st in stats],
        "totals": {
            k: sum(getattr(s, k) for s in stats) for k in ("all_files", "all_lines", "tf1_files", "tf1_lines")
        },
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return stats


def print_table(stats: list[RepoStats], out: Path) -> None:
    hdr = f"{'repo':<26} {'ref':<14} {'all files':>9} {'all lines':>10} {'tf1 files':>9} {'tf1 lines':>10}"
    print(hdr)
    print("-" * len(hdr))
    for s in stats:
        print(f"{s.repo:<26} {s.ref[:14]:<14} {s.all_files:>9} {s.all_lines:>10} {s.tf1_files:>9} {s.tf1_lines:>10}")
    print("-" * len(hdr))
    t = {k: sum(getattr(s, k) for s in stats) for k in ("all_files", "all_lines", "tf1_files", "tf1_lines")}
    print(
        f"{'TOTAL (' + str(len(stats)) + ' repos)':<26} {'':<14} {t['all_files']:>9} {t['all_lines']:>10}"
        f" {t['tf1_files']:>9} {t['tf1_lines']:>10}"
    )
    print(f"\ncorpus written to {out}/all and {out}/tf1 (manifest: {out}/manifest.json)")
    if t["tf1_files"] < 256:
        print(f"note: only {t['tf1_files']} TF1 files (< 256); add repos for a representative benchmark")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "git_dirs",
        nargs="*",
        type=Path,
        help="git dirs of mirrored repos (default: every known repo found under --mirror-root)",
    )
    ap.add_argument("--mirror-root", type=Path, default=DEFAULT_MIRROR_ROOT)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    known = {s.slug.lower(): s for s in KNOWN_REPOS}
    sources: list[tuple[RepoSpec, Path]] = []
    if args.git_dirs:
        for p in args.git_dirs:
            gd = find_git_dir(p)
            if gd is None:
                print(f"skip {p}: not a git dir", file=sys.stderr)
                continue
            slug = slug_from_mirror(p)
            sources.append((known.get(slug.lower(), RepoSpec(slug)), gd))
    else:
        for spec in KNOWN_REPOS:
            gd = find_git_dir(args.mirror_root / spec.slug.replace("/", "+"))
            if gd is None:
                print(f"skip {spec.slug}: not mirrored under {args.mirror_root}", file=sys.stderr)
                continue
            sources.append((spec, gd))
    if not sources:
        print("no repositories found", file=sys.stderr)
        return 2
    stats = build(sources, args.out, quiet=args.quiet)
    print_table(stats, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
