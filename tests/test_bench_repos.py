"""benchmarks/repos.py: the measurements it makes on real repositories are themselves right.

Fast: no migrate run, no TensorFlow; a tiny fake repository and a fake migrate command.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import repos  # noqa: E402

pyflakes = pytest.importorskip("pyflakes", reason="benchmark-only dependency: pip install pyflakes")


def facts_of(files: dict[str, str]) -> dict[str, repos.FileFacts]:
    return {rel: repos.file_facts(src.encode(), rel) for rel, src in files.items()}


def test_read_list_defaults(tmp_path: Path) -> None:
    lst = tmp_path / "repos.txt"
    lst.write_text("# comment\nt2t  tensorflow/tensor2tensor  -  tensor2tensor/layers  design\nx a/b\n")
    assert repos.read_list(lst) == [
        repos.RepoEntry("t2t", "tensorflow/tensor2tensor", "HEAD", "tensor2tensor/layers", "design"),
        repos.RepoEntry("x", "a/b", "HEAD", ".", "heldout"),
    ]


def test_the_committed_list_has_ten_design_and_ten_heldout_repos() -> None:
    entries = repos.read_list(repos.DEFAULT_LIST)
    kinds = [e.set for e in entries]
    assert kinds.count("design") == 10 and kinds.count("heldout") == 10
    assert len({e.name for e in entries}) == len(entries)


def test_call_sites_know_their_enclosing_statements() -> None:
    src = ("import tensorflow as tf\n"
           "def f(x):\n"
           "    with tf.variable_scope('a'):\n"
           "        return tf.get_variable('w', [1])\n"
           "v = tf.compat.v1.get_variable('v', [1])\n")
    assert repos.file_facts(src.encode(), "m.py").sites == [
        ("variable_scope", 3, (2, 3)), ("get_variable", 4, (2, 3)), ("get_variable", 5, ())]


def test_a_local_function_named_get_variable_is_not_a_site() -> None:
    """sonnet's spatial_transformer: `def get_variable(constraint)` inside a method; a bare name
    whose import is unseen (star import) still counts."""
    src = ("import tensorflow as tf\n"
           "def affine(inputs):\n"
           "    def get_variable(constraint):\n"
           "        return inputs\n"
           "    return [get_variable(c) for c in (1, 2)]\n")
    assert repos.file_facts(src.encode(), "m.py").sites == []
    star = "from ops import *\ndef f():\n    return get_variable('w', [1])\n"
    assert [s[:2] for s in repos.file_facts(star.encode(), "m.py").sites] == [("get_variable", 3)]


def test_unparsable_file_has_no_sites() -> None:
    assert not repos.file_facts(b"print 'py2'\n", "m.py").parsed


def test_broken_imports_and_star_imports_are_found() -> None:
    before = facts_of({
        "ops.py": "def linear(x):\n    return x\n",
        "model.py": "from ops import linear\nimport ops\nlinear(1); ops.linear(2)\n",
        "star.py": "from ops import *\nlinear(1)\n",
        "outside.py": "from numpy import nothing_checked\n",
    })
    after = dict(before, **facts_of({"ops.py": "class Linear:\n    pass\n"}))
    idx0, idx1 = repos.ModuleIndex(Path("."), before), repos.ModuleIndex(Path("."), after)
    assert not idx0.broken("model.py") and not idx0.star_undefined("star.py")
    assert idx1.broken("model.py") == {("ops", "linear"): 2}
    assert idx1.star_undefined("star.py") == ["linear"]
    assert not idx1.broken("outside.py")


def test_packages_relative_imports_and_submodules_resolve() -> None:
    facts = facts_of({
        "pkg/__init__.py": "",
        "pkg/layers.py": "from . import util\nfrom .util import helper, missing\nfrom pkg import layers\n",
        "pkg/util.py": "def helper():\n    pass\nif True:\n    GLOBAL = 1\n",
    })
    idx = repos.ModuleIndex(Path("."), facts)
    assert idx.broken("pkg/layers.py") == {("util", "missing"): 1}
    assert "GLOBAL" in idx.defined("pkg/util.py")


def test_line_map_follows_equal_lines() -> None:
    m = repos.line_map(b"a\nb\nc\n", b"a\nNEW\nNEW2\nb\nc\n")
    assert m == {1: 1, 4: 2, 5: 3}
    # a rewritten line keeps its place: upgrade diagnostics point at the input line
    assert repos.line_map(b"a\ntf.x\nc\n", b"a\ntf.compat.v1.x\nc\n") == {1: 1, 2: 2, 3: 3}


def test_a_whole_run_on_a_fake_repo(tmp_path: Path) -> None:
    """Export is skipped (stamp present); a fake migrate renames a helper and leaves one scope."""
    repo = tmp_path / "repos" / "toy"
    repo.mkdir(parents=True)
    (repo / repos.EXPORT_STAMP).write_text(json.dumps({"commit": "0" * 40}))
    (repo / "ops.py").write_text("import tensorflow as tf\ndef linear(x):\n"
                                 "    with tf.variable_scope('l'):\n        return tf.get_variable('w', [1])\n")
    (repo / "model.py").write_text("import tensorflow as tf\nfrom ops import linear\n"
                                   "with tf.variable_scope('m'):\n    y = linear(1)\n")
    fake = tmp_path / "fake_migrate.py"
    fake.write_text(
        "import json, sys, pathlib\n"
        "args = sys.argv[1:]\n"
        "if '--check' in args: sys.exit(0)\n"
        "pathlib.Path('ops.py').write_text('import tensorflow as tf\\nclass Linear(tf.Module):\\n    pass\\n')\n"
        "rep = args[args.index('--report') + 1]\n"
        "json.dump({'files': [{'path': 'ops.py', 'status': 'changed', 'functions': [{'legacy_name': 'linear'}],"
        " 'diagnostics': []}, {'path': 'model.py', 'status': 'unchanged', 'functions': [], 'diagnostics':"
        " [{'code': 'cross-file', 'severity': 'warning', 'line': 1, 'path': 'model.py'}]}]}, open(rep, 'w'))\n")
    out = tmp_path / "out"
    rc = repos.main(["--repos-dir", str(tmp_path / "repos"), "--list", str(write_list(tmp_path)),
                     "--migrate-cmd", f"{sys.executable} {fake}", "--out", str(out)])
    assert rc == 0
    data = json.loads((out / "repos.json").read_text())
    (row,) = data["repos"]
    assert row["status"] == "ok" and row["functions_converted"] == 1 and row["files_changed"] == 1
    assert row["before"] == {"variable_scope": 2, "get_variable": 1}
    assert row["after"] == {"variable_scope": 1}
    assert row["eliminated_pct"] == pytest.approx(66.7)
    assert row["new_broken_imports"] == [["model.py", "ops", "linear", 1]]
    assert row["uncovered_left"] == [["model.py", 3, "variable_scope"]]  # its diagnostic is on line 1
    assert row["second_run_changes"] is None or row["second_run_changes"] == []
    assert (out / ".gitignore").read_text() == "*\n"
    assert "| toy |" in (out / "repos.md").read_text()


def test_a_missing_mirror_is_a_row_not_a_crash(tmp_path: Path) -> None:
    lst = tmp_path / "l.txt"
    lst.write_text("ghost nobody/nothing\n")
    out = tmp_path / "out"
    assert repos.main(["--repos-dir", str(tmp_path / "r"), "--mirror-root", str(tmp_path / "m"),
                       "--list", str(lst), "--out", str(out)]) == 1  # reported, and the exit says so
    (row,) = json.loads((out / "repos.json").read_text())["repos"]
    assert row["status"] == "not-fetched"


def write_list(tmp_path: Path) -> Path:
    lst = tmp_path / "list.txt"
    lst.write_text("toy owner/toy - . heldout\n")
    return lst


def test_relative_paths_of_the_migrate_command_become_absolute(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "py").write_text("")
    monkeypatch.chdir(tmp_path)
    assert repos.migrate_command("env PYTHONPATH=./old bin/py -m migrate") == [
        "env", f"PYTHONPATH={tmp_path}/old", f"{tmp_path}/bin/py", "-m", "migrate"]


def test_internal_errors_are_counted_apart() -> None:
    res = repos.RepoResult("r", "o/r", "heldout", ".")
    src = {"a.py": b"x = 1\n", "b.py": b"y = 2\n"}
    facts = {k: repos.file_facts(v, k) for k, v in src.items()}
    report = {"files": [
        {"path": "a.py", "status": "unchanged", "reason": "internal-error", "diagnostics": [
            {"code": "internal-error", "severity": "error", "line": 0,
             "message": "verification failed, file left untouched"}]},
        {"path": "b.py", "status": "error", "reason": "internal-error", "diagnostics": [
            {"code": "internal-error", "severity": "error", "line": 0, "message": "TypeError: boom"}]}]}
    repos.compare(res, Path("."), src, facts, src, facts, report)
    assert (res.internal_errors, res.verification_failed) == (2, 1)


def test_an_info_naming_a_warning_by_line_explains_a_leftover() -> None:
    """migrate's note `... was not converted (unsupported-call at line 6)` on the scope's line
    explains it when line 6 has that warning; a note naming a line without one does not."""
    res = repos.RepoResult("r", "o/r", "heldout", ".")
    text = ("import tensorflow as tf\ndef f(x):\n    with tf.variable_scope('a'):\n        x = x + 1\n"
            "    w = tf.get_variable('w', [1])\n    return tf.train.AdamOptimizer(1).minimize(w)\n")
    src = {"m.py": text.encode()}
    facts = {k: repos.file_facts(v, k) for k, v in src.items()}
    note = "tf.variable_scope in f stays TF1 code (tf.compat.v1): f was not converted (unsupported-call at line {})"
    report = {"files": [{"path": "m.py", "status": "unchanged", "diagnostics": [
        {"code": "unsupported-call", "severity": "warning", "line": 6, "message": "optimizer"},
        {"code": "compat-v1-kept", "severity": "info", "line": 3, "message": note.format(6)},
        {"code": "compat-v1-kept", "severity": "info", "line": 5, "message": note.format(2)}]}]}
    repos.compare(res, Path("."), src, facts, src, facts, report)
    assert res.uncovered_left == []
    assert res.unexplained_left == [["m.py", 5, "get_variable"]]


def test_tf_names_missing_from_tf2_are_found() -> None:
    src = ("import tensorflow as tf\nimport tensorflow.compat.v1 as v1\n"
           "a = tf.placeholder(tf.float32)\nb = v1.placeholder(v1.float32)\n"
           "c = tf.compat.v1.layers.dense\nd = tf.nn.relu(a)\ne = tf.contrib.layers.xavier_initializer()\n")
    assert repos.file_facts(src.encode(), "m.py").tf_missing == {"tf.placeholder": 3, "tf.contrib.layers.xavier_initializer": 7}


def test_a_missing_name_spelled_as_before_is_not_gained() -> None:
    """t2t's `tf.moments` (missing in TF1 too) under `import tensorflow.compat.v1 as tf` switched
    to `import tensorflow as tf`: the same text, not this run's doing."""
    res = repos.RepoResult("r", "o/r", "heldout", ".")
    before = "import tensorflow.compat.v1 as tf\nm = tf.moments(x, [0])\np = tf.placeholder\n"
    after = "import tensorflow as tf\nm = tf.moments(x, [0])\np = tf.placeholder\nq = tf.get_variable\n"
    src0, src1 = {"m.py": before.encode()}, {"m.py": after.encode()}
    f0 = {k: repos.file_facts(v, k) for k, v in src0.items()}
    f1 = {k: repos.file_facts(v, k) for k, v in src1.items()}
    repos.compare(res, Path("."), src0, f0, src1, f1, {"files": []})
    assert res.new_missing_tf2 == [["m.py", "tf.get_variable", 4], ["m.py", "tf.placeholder", 3]]


def test_a_missing_name_written_before_through_a_star_import_is_not_gained() -> None:
    """BEGAN's trainer.py: `tf` from `from models import *`; the run pins `import tensorflow as
    tf` and leaves tf.contrib.framework.get_variables as written (reported `contrib`)."""
    res = repos.RepoResult("r", "o/r", "heldout", ".")
    before = "from models import *\nv = tf.contrib.framework.get_variables(vs)\n"
    after = "from models import *\nimport tensorflow as tf\nv = tf.contrib.framework.get_variables(vs)\n"
    src0, src1 = {"m.py": before.encode()}, {"m.py": after.encode()}
    f0 = {k: repos.file_facts(v, k) for k, v in src0.items()}
    f1 = {k: repos.file_facts(v, k) for k, v in src1.items()}
    repos.compare(res, Path("."), src0, f0, src1, f1, {"files": []})
    assert res.new_missing_tf2 == []
