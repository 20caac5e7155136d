"""The verification stage (migrate/verify.py): planted breakages are rejected, the real outputs
(golden expected.py vs input.py, the examples through the codemod) are accepted, and a rejected
file is left byte-identical by `migrate run`. No TensorFlow import: the TF2 API listing is read
from the installed package's files."""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

import pytest

from migrate import pipeline
from migrate.namescan import scan
from migrate.result import TransformOutput
from migrate.tf2_api import Tf2Api, load_api
from migrate.verify import VERIFY_FAILED, find_problems, verify_output

from conftest import write

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
EXAMPLES = REPO / "examples" / "legacy"

SOURCE = textwrap.dedent(
    """\
    import numpy as np
    import tensorflow as tf


    def f(x):
        return tf.nn.relu(x) + np.ones(1)
    """
)


def checks(source: str, output: str, path: str = "/nonexistent/pkg/a.py", **kw) -> list[tuple[str, str]]:
    tree_in = ast.parse(source)
    problems = find_problems(tree_in, ast.parse(output), path, api=kw.pop("api", load_api()), **kw)
    return [(p.check, p.name) for p in problems]


# ---------------------------------------------------------------------- rejected


def test_planted_undefined_name_is_rejected() -> None:
    output = SOURCE.replace("np.ones(1)", "np.ones(1) + helper_gone(x)")
    diag = verify_output(SOURCE, output, "a.py")
    assert diag is not None and diag.code == "internal-error" and diag.severity == "error"
    assert diag.message.startswith(VERIFY_FAILED)
    assert "undefined-name" in diag.message and "`helper_gone`" in diag.message
    assert (diag.line, diag.column) == (6, 40)  # the output's position


def test_dropped_import_is_rejected() -> None:
    output = SOURCE.replace("import numpy as np\n", "")
    assert checks(SOURCE, output) == [("undefined-name", "np")]


def test_missing_tf_name_is_rejected() -> None:
    output = SOURCE.replace("tf.nn.relu", "tf.foo_bar")
    diag = verify_output(SOURCE, output, "a.py")
    assert diag is not None and "missing-tf-api: `tf.foo_bar` (line 6)" in diag.message


def test_missing_compat_path_is_rejected() -> None:
    output = SOURCE.replace("tf.nn.relu", "tf.compat.v1.get_current_name_scope")
    assert checks(SOURCE, output) == [("missing-tf-api", "tf.compat.v1.get_current_name_scope")]
    assert checks(SOURCE, SOURCE.replace("tf.nn.relu", "tf.compat.v1.nn.relu")) == []


def test_generated_helper_under_a_kept_v1_import_is_rejected() -> None:
    """Issue 12 #2: a helper naming TF2 API through a file's `tensorflow.compat.v1` alias."""
    source = "import tensorflow.compat.v1 as tf\n\ndef f(x):\n    return tf.nn.relu(x)\n"
    output = source + "\ndef _tf1_scope(name):\n    return tf.get_current_name_scope()\n"
    assert checks(source, output) == [("missing-tf-api", "tf.compat.v1.get_current_name_scope")]


def test_tf1_name_on_a_switched_import_is_rejected() -> None:
    """Same text, other meaning: the output's import now points at TF2."""
    source = "import tensorflow.compat.v1 as tf\nscope = tf.variable_scope\n"
    output = "import tensorflow as tf\nscope = tf.variable_scope\n"
    assert checks(source, output) == [("missing-tf-api", "tf.variable_scope")]


def test_new_imports_are_resolved() -> None:
    extra = "from tensorflow.compat.v1 import nope\nimport not_a_module_xyz\nfrom ops import Linear\n"
    output = extra + SOURCE
    assert sorted(checks(SOURCE, output)) == [
        ("missing-tf-api", "tensorflow.compat.v1.nope"),
        ("unresolved-import", "not_a_module_xyz"),
        ("unresolved-import", "ops.Linear"),
    ]


def test_sibling_module_resolves_without_a_hook(tmp_path: Path) -> None:
    write(tmp_path / "ops.py", "def linear(x):\n    return x\n")
    output = "from ops import Linear\n" + SOURCE
    assert checks(SOURCE, output, str(tmp_path / "model.py")) == []  # unknown names: not checked


def test_a_package_above_the_file_resolves(tmp_path: Path) -> None:
    write(tmp_path / "proj/layers/common.py", "def f():\n    pass\n")
    output = "from proj.layers.common import Linear\n" + SOURCE
    assert checks(SOURCE, output, str(tmp_path / "proj/models/deep/model.py")) == []


def test_exports_hook_checks_the_runs_modules() -> None:
    def exports(module: str, importing: str | None) -> set[str] | None:
        assert importing == "/nonexistent/pkg/a.py"
        return {"linear", "tf"} if module in ("ops", ".ops") else None

    output = SOURCE + "from ops import Linear\nfrom .ops import linear\nimport ops\ny = ops.conv2d\nz = ops.linear\n"
    assert checks(SOURCE, output, exports=exports) == [
        ("unresolved-import", "ops.Linear"),
        ("unresolved-import", "ops.conv2d"),
    ]
    # a star import binds exactly what the module exports
    star_in = "from ops import *\n\ndef f(x):\n    return linear(x)\n"
    assert checks(star_in, star_in.replace("linear(x)", "Linear()(x)"), exports=exports) == [
        ("undefined-name", "Linear")
    ]


def test_module_exports_for_the_hook() -> None:
    from migrate.verify import module_exports

    text = "import tensorflow as tf\nfrom x import y as z\n\nclass Linear(tf.Module):\n    pass\n\ndef f():\n    global g\n    g = 1\n"
    assert module_exports(text) == {"tf", "z", "Linear", "f", "g"}
    assert module_exports("from elsewhere import *\n") is None
    assert module_exports("def (:\n") is None


def test_dropped_star_import_is_rejected() -> None:
    source = "from ops import *\nimport tensorflow as tf\n\ndef f(x):\n    return linear(x)\n"
    output = source.replace("from ops import *\n", "")
    assert checks(source, output) == [("undefined-name", "linear")]


# ---------------------------------------------------------------------- accepted


def test_existing_sloppiness_is_not_blamed() -> None:
    source = "import tensorflow as tf\n\ndef f(x):\n    s = tf.variable_scope\n    return undefined_thing(x)\n"
    output = source + "\ndef g(x):\n    return f(x)\n"
    assert checks(source, output) == []
    assert checks(source, output, strict_tf=True) == [("missing-tf-api", "tf.variable_scope")]


def test_a_local_named_tf_is_not_the_module() -> None:
    output = SOURCE + "\ndef g(tf):\n    return tf.foo_bar\n"
    assert checks(SOURCE, output) == []


def test_star_import_makes_names_unknowable() -> None:
    source = "from ops import *\nimport tensorflow as tf\n\ndef f(x):\n    return linear(x)\n"
    assert checks(source, source.replace("linear(x)", "anything_at_all(x)")) == []


def test_lazy_keras_and_internal_packages_are_accepted() -> None:
    output = SOURCE + (
        "\nfrom tensorflow.python.ops import variable_scope\n"
        "k = tf.keras.layers.Dense\nl = tf.compat.v1.layers.dense\nc = tf.compat.v1.nn.rnn_cell.LSTMCell\n"
        "d = tf.float32.as_numpy_dtype\nv = tf.__version__\n"
    )
    assert checks(SOURCE, output) == []


def test_unchanged_or_unparsable_output_is_not_judged() -> None:
    assert verify_output(SOURCE, SOURCE, "a.py") is None
    assert verify_output(SOURCE, "def (:\n", "a.py") is None  # the pipeline reports that itself


def test_without_tensorflow_only_names_are_checked() -> None:
    empty = Tf2Api(frozenset(), frozenset({"tf"}))
    assert checks(SOURCE, SOURCE.replace("tf.nn.relu", "tf.foo"), api=empty) == [("missing-tf-api", "tf.foo")]
    output = SOURCE.replace("tf.nn.relu", "tf.foo")
    assert find_problems(ast.parse(SOURCE), ast.parse(output), "a.py", api=None) == []


def _golden_pairs() -> list[tuple[str, Path, Path]]:
    return [(f"{e.parent.parent.name}/{e.parent.name}", e.with_name("input.py"), e)
            for e in sorted(GOLDEN.glob("*/*/expected.py"))]


@pytest.mark.parametrize("case, source, expected", _golden_pairs(), ids=[c for c, _, _ in _golden_pairs()])
def test_golden_outputs_are_accepted(case: str, source: Path, expected: Path) -> None:
    diag = verify_output(source.read_text("utf-8"), expected.read_text("utf-8"), str(source))
    assert diag is None, diag.message


def test_examples_outputs_are_accepted() -> None:
    from migrate.transform import transform_source

    for path in sorted(EXAMPLES.glob("*.py")):
        source = path.read_text("utf-8")
        output = transform_source(source, str(path)).code
        diag = verify_output(source, output, str(path))
        assert diag is None, f"{path.name}: {diag.message}"


# ---------------------------------------------------------------------- the name pass itself


TRICKY = {
    "class scope hidden from methods": "class C:\n    x = 1\n    def f(self):\n        return x\n",
    "class body sees its own names": "class C:\n    x = 1\n    y = x + 1\n",
    "comprehension targets": "a = [i for i in range(3) if i]\nb = {k: v for k, v in {}.items()}\nc = i\n",
    "comprehension in class": "class C:\n    n = 3\n    xs = [n for _ in range(2)]\n",
    "global from a function": "def f():\n    global g\n    g = 1\n\ndef h():\n    return g\n",
    "use before def at module level": "print(x)\nx = 1\n",
    "use before def in a function": "x = 1\ndef f():\n    print(x)\n    x = 2\n",
    "function sees later module names": "def f():\n    return later\nlater = 1\n",
    "del": "x = 1\ndel x\nprint(x)\n",
    "del under a branch": "x = 1\nif x:\n    del x\nprint(x)\n",
    "guarded by NameError": "try:\n    unicode\nexcept NameError:\n    unicode = str\n",
    "guarded import": "try:\n    import cPickle as pickle\nexcept ImportError:\n    import pickle\npickle.dumps\n",
    "walrus": "if (n := 3) > 2:\n    print(n)\nys = [y := 1 for _ in range(2)]\nprint(y)\n",
    "nonlocal": "def f():\n    a = 1\n    def g():\n        nonlocal a\n        a = 2\n    return g\n",
    "closures": "def f():\n    def g():\n        return h()\n    def h():\n        return 1\n    return g\n",
    "defaults and decorators": "def d(f):\n    return f\n@d\ndef f(a=missing_default):\n    return a\n",
    "lambda": "f = lambda a, *b, **c: a + b + c + free_var\n",
    "except as": "try:\n    pass\nexcept Exception as e:\n    print(e)\n",
    "with as": "with open('f') as fh:\n    print(fh)\nprint(undefined_y)\n",
    "aug assign": "def f():\n    total += 1\n",
    "__class__ and dunders": "class C:\n    def f(self):\n        return __class__, __name__, __file__\n    q = __qualname__\n",
    "loop carried": "def f(xs):\n    for i in xs:\n        if i:\n            print(prev)\n        prev = i\n",
    "match": "match x:\n    case [a, *rest]:\n        print(a, rest)\n    case {'k': v, **kw}:\n        print(v, kw)\n    case P(q) as w:\n        print(q, w)\n",
}


# Where we are stricter than pyflakes, because Python is: a comprehension in a class body does
# not see the class's names (NameError at run time), except in its first iterable.
STRICTER = {"comprehension in class": {"n"}}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_undefined_names_agree_with_pyflakes(name: str) -> None:
    checker = pytest.importorskip("pyflakes.checker")
    messages = pytest.importorskip("pyflakes.messages")
    source = TRICKY[name]
    tree = ast.parse(source)
    reported = checker.Checker(tree, filename="t.py").messages
    expected = {m.message_args[0] for m in reported
                if isinstance(m, (messages.UndefinedName, messages.UndefinedLocal))}
    assert scan(ast.parse(source)).undefined_names() == expected | STRICTER.get(name, set())


# ---------------------------------------------------------------------- in the pipeline


def test_run_leaves_a_file_that_fails_verification_untouched(work: Path, cli, monkeypatch) -> None:
    source = "import tensorflow as tf\n\n\ndef f(x):\n    return tf.nn.relu(x)\n"
    write(work / "src/model.py", source)

    def broken_transform(text: str, path: str, **_: object) -> TransformOutput:
        return TransformOutput(code=text.replace("tf.nn.relu(x)", "tf.nn.relu(x) + gone"))

    monkeypatch.setattr(pipeline, "transform_source", broken_transform)
    result = cli("run", "src", "--report", "report.json")
    assert result.exit_code == 1
    assert (work / "src/model.py").read_text() == source
    report = json.loads((work / "report.json").read_text())
    assert report["summary"]["verification_failed"] == 1 and report["summary"]["error"] == 1
    (entry,) = report["files"]
    assert (entry["status"], entry["reason"]) == ("error", "internal-error")
    assert entry["diagnostics"][0]["line"] == 5 and "`gone`" in entry["diagnostics"][0]["message"]
    assert "verification failed: 1 file" in result.stderr


def test_a_name_broken_before_the_import_switch_is_not_blamed() -> None:
    """`tf.summary.historgram` (a typo in tensor2tensor) names nothing in compat.v1 either."""
    source = "import tensorflow.compat.v1 as tf\nh = tf.summary.historgram\ns = tf.variable_scope\n"
    output = source.replace("tensorflow.compat.v1", "tensorflow")
    assert checks(source, output) == [("missing-tf-api", "tf.variable_scope")]
