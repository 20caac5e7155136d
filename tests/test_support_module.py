"""The shared support module of a multi-file run (migrate/support_module.py, support_run.py):
one `tf2_migrate_support.py` per directory holding migrated files, imported instead of inlined."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import write
from migrate import support_module as support
from migrate.codemod.context import SCOPE_HELPER
from migrate.transform import transform_source
from migrate.verify import verify_output

BLOCKS = '''import tensorflow as tf


def mlp_block(x, units=8, name="mlp"):
    with tf.variable_scope(name):
        h = tf.layers.dense(x, units, activation=tf.nn.relu, name="fc1")
        return tf.layers.dense(h, units, name="fc2")
'''

HEADS = '''import tensorflow as tf


def value_head(x):
    with tf.variable_scope("value"):
        w = tf.get_variable("w", [x.shape[-1], 1], initializer=tf.truncated_normal_initializer(stddev=0.1))
        return tf.matmul(x, w)
'''

TRAIN = '''import tensorflow as tf


def discriminator(x, reuse=False):
    with tf.variable_scope("disc", reuse=reuse):
        h = tf.layers.dense(x, 16, activation=tf.nn.leaky_relu, name="h0")
        return tf.layers.dense(h, 1, name="logit")


def both(real, fake):
    return discriminator(real), discriminator(fake, reuse=True)
'''

V1_EVAL = '''import tensorflow.compat.v1 as tf


def classifier(x):
    with tf.variable_scope("clf"):
        return tf.layers.dense(x, 3, name="out")
'''


def _tree(work: Path) -> None:
    write(work / "models/__init__.py", "")
    write(work / "models/blocks.py", BLOCKS)
    write(work / "models/heads.py", HEADS)
    write(work / "scripts/train.py", TRAIN)
    write(work / "scripts/eval.py", V1_EVAL)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.py"))}


# ---------------------------------------------------------------- the text functions


def test_extract_replaces_inlined_library_by_an_import() -> None:
    inlined = transform_source(BLOCKS).code
    assert "class Dense(" in inlined
    code, names = support.extract(BLOCKS, inlined, "relative")
    assert names == {"Dense"}
    assert "class Dense(" not in code and "_tf1_variable" not in code
    assert code.startswith("import tensorflow as tf\nfrom .tf2_migrate_support import Dense\n\n\nclass MlpBlock(")
    assert "import math" not in code  # the library brought it; nothing else uses it
    ast.parse(code)


def test_extract_styles_and_merging_with_an_earlier_import() -> None:
    inlined = transform_source(HEADS).code
    code, names = support.extract(HEADS, inlined, "absolute")
    assert names == {"_tf1_truncated_normal_initializer"}
    assert "from tf2_migrate_support import _tf1_truncated_normal_initializer\n" in code
    either, _ = support.extract(HEADS, inlined, "either")
    assert "try:  # run as a package module\n    from .tf2_migrate_support import" in either
    assert support.imported_names(either) == names
    # a file that already imports the module and gets one more name: one merged import
    earlier = "import tensorflow as tf\nfrom tf2_migrate_support import Dense\n"
    helper = SCOPE_HELPER.format(tf="tf").strip()
    merged, both = support.extract(earlier, f"{earlier}\n\n{helper}\n\n\nx = Dense, _tf1_scope\n", "absolute")
    assert both == {"Dense", "_tf1_scope"}
    assert merged.count("tf2_migrate_support") == 1 and "def _tf1_scope" not in merged
    # a support name the user's own code defines (a converted `def layer_norm`) is not taken
    own = "import tensorflow as tf\n\n\nclass LayerNorm(tf.Module):\n    pass\n"
    assert support.extract("import tensorflow as tf\n", own, "relative") == (own, frozenset())


def test_support_source_is_plain_tf2_deterministic_and_complete() -> None:
    names = {"Dense", "_tf1_scope", "_tf1_glorot_uniform_initializer"}
    text = support.support_source(names)
    assert text == support.support_source(sorted(names, reverse=True))
    assert support.is_ours(text)
    tree = ast.parse(text)
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert imported == {"math", "tensorflow"}
    assert not any(isinstance(n, ast.ImportFrom) for n in ast.walk(tree))
    defined = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert names <= defined and "_tf1_fans" in defined  # and what they use
    assert [n for n in tree.body if isinstance(n, ast.Import)][-1].names[0].name == "tensorflow"
    assert "compat.v2" not in text


def test_import_style_rule() -> None:
    assert support.import_style("import ops\n", False) == "absolute"
    assert support.import_style("from . import ops\n", True) == "relative"
    assert support.import_style("x = 1\n", True) == "relative"
    assert support.import_style("if __name__ == '__main__':\n    main()\n", True) == "either"
    assert support.import_style("from ops import *\n", True, {"ops", "model"}) == "absolute"
    assert support.import_style("import ops\nfrom . import model\n", True, {"ops", "model"}) == "either"
    # XLNet: a package directory whose scripts `import modeling`: modeling.py runs top-level too
    assert support.import_style("x = 1\n", True, {"xlnet"}, imported_bare=True) == "either"


def test_a_sibling_importing_a_file_by_bare_name_is_seen(tmp_path: Path) -> None:
    from migrate import pipeline

    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "modeling.py").write_text("import tensorflow as tf\n")
    (tmp_path / "xlnet.py").write_text("import json, modeling as m\nfrom data_utils import x\n")
    assert {"modeling", "json", "data_utils"} <= pipeline._imported_bare(tmp_path)


def test_verification_accepts_the_import_and_refuses_a_name_the_module_lacks() -> None:
    source = "import tensorflow as tf\n"
    good = "import tensorflow as tf\nfrom .tf2_migrate_support import Dense\nlayer = Dense\n"
    bad = "import tensorflow as tf\nfrom tf2_migrate_support import Dense, NoSuchLayer\nlayer = Dense, NoSuchLayer\n"
    assert verify_output(source, good, "pkg/m.py", support.exports) is None
    failure = verify_output(source, bad, "pkg/m.py", support.exports)
    assert failure is not None and "unresolved-import" in failure.message and "NoSuchLayer" in failure.message
    assert verify_output(source, good.replace(".tf2", "tf2"), "/nowhere/m.py") is not None  # no hook: not found


# ---------------------------------------------------------------- migrate run


def test_dry_run_shows_the_module_as_a_new_file(work: Path, cli) -> None:
    _tree(work)
    before = _snapshot(work)
    result = cli("run", ".", "--dry-run")
    assert result.exit_code == 0, result.output
    assert _snapshot(work) == before
    out = result.stdout
    assert "--- /dev/null\n+++ b/models/tf2_migrate_support.py\n" in out
    assert "--- /dev/null\n+++ b/scripts/tf2_migrate_support.py\n" in out
    assert "+from .tf2_migrate_support import Dense\n" in out  # models/ is a package
    assert "+from tf2_migrate_support import Dense\n" in out  # scripts/ is not
    assert "7 files: 6 would change" in result.output


def test_write_then_second_run_changes_nothing(work: Path, cli) -> None:
    _tree(work)
    assert cli("run", ".").exit_code == 0
    after = _snapshot(work)
    models = after["models/tf2_migrate_support.py"].decode()
    assert "class Dense(" in models and "_tf1_truncated_normal_initializer" in models
    assert "_tf1_truncated_normal_initializer" not in after["scripts/tf2_migrate_support.py"].decode()
    for name in ("models/blocks.py", "models/heads.py", "scripts/train.py", "scripts/eval.py"):
        text = after[name].decode()
        assert "tf2_migrate_support import" in text and "\nclass Dense(" not in text, name
    second = cli("run", ".")
    assert second.exit_code == 0 and "0 changed" in second.output, second.output
    assert _snapshot(work) == after
    assert cli("run", ".", "--check").exit_code == 0
    # a module deleted by hand comes back: --check says so
    (work / "scripts/tf2_migrate_support.py").unlink()
    assert cli("run", ".", "--check").exit_code == 1
    assert cli("run", ".").exit_code == 0
    assert _snapshot(work) == after


def test_v1_alias_file_converts_implicit_creators_only_with_the_module(work: Path, cli) -> None:
    _tree(work)
    alone = transform_source(V1_EVAL)  # one-file: the library would be inlined under a v1 `tf`
    assert alone.code == V1_EVAL or "class Classifier" not in alone.code
    assert cli("run", ".").exit_code == 0
    text = (work / "scripts/eval.py").read_text()
    assert "class Classifier(tf.Module)" in text and "self.out = Dense(" in text
    assert "from tf2_migrate_support import Dense" in text


def test_a_user_file_with_the_reserved_name_keeps_inlining(work: Path, cli) -> None:
    _tree(work)
    write(work / "scripts/tf2_migrate_support.py", "HELPERS = 1  # the user's own module\n")
    result = cli("run", ".", "-v")
    assert result.exit_code == 0, result.output
    assert (work / "scripts/tf2_migrate_support.py").read_text() == "HELPERS = 1  # the user's own module\n"
    train = (work / "scripts/train.py").read_text()
    assert "\nclass Dense(" in train and "tf2_migrate_support" not in train
    assert "support-module" in result.output
    assert (work / "scripts/eval.py").read_text() == V1_EVAL  # v1 alias, inlined: still refused
    assert "from .tf2_migrate_support import Dense" in (work / "models/blocks.py").read_text()


def test_one_file_runs_keep_inlining(work: Path, cli) -> None:
    write(work / "train.py", TRAIN)
    assert cli("run", "train.py").exit_code == 0
    assert not (work / "tf2_migrate_support.py").exists()
    assert (work / "train.py").read_text() == transform_source(TRAIN).code


def test_extract_sees_the_library_through_the_file_s_own_indentation() -> None:
    two_spaces = BLOCKS.replace("    ", "  ")  # tensor2tensor's style: printing re-indents the library
    inlined = transform_source(two_spaces).code
    assert "\nclass Dense(_Regularized):\n  " in inlined
    code, names = support.extract(two_spaces, inlined, "relative")
    assert names == {"Dense"} and "class Dense(" not in code


def test_a_partial_run_keeps_the_names_other_files_import(work: Path, cli) -> None:
    _tree(work)
    assert cli("run", ".").exit_code == 0
    write(work / "scripts/value.py", HEADS)  # a new file, migrated with one old one only
    assert cli("run", "scripts/value.py", "scripts/train.py").exit_code == 0
    module = (work / "scripts/tf2_migrate_support.py").read_text()
    assert "class Dense(" in module  # still imported by eval.py, which was not in this run
    assert "def _tf1_truncated_normal_initializer(" in module
    assert "from tf2_migrate_support import _tf1_truncated_normal_initializer" in (work / "scripts/value.py").read_text()


def test_importers_are_not_written_when_their_module_cannot_be(work: Path, cli, monkeypatch) -> None:
    from migrate import support_run

    _tree(work)
    before = _snapshot(work)
    real = support_run.atomic_write

    def failing(path, data, *args, **kwargs):
        if Path(path).name == support.SUPPORT_FILE and Path(path).parent.name == "scripts":
            raise OSError("disk full")
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(support_run, "atomic_write", failing)
    result = cli("run", ".")
    assert result.exit_code == 1
    after = _snapshot(work)
    for name in ("scripts/train.py", "scripts/eval.py"):
        assert after[name] == before[name], name  # never a file importing a missing module
    assert "scripts/tf2_migrate_support.py" not in after
    assert "from .tf2_migrate_support import Dense" in after["models/blocks.py"].decode()
    assert "io-error" in result.output
