"""The project model: components across files convert together, or stay together."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from migrate.cli import main
from migrate.project import imports_of, plan_project
from migrate.transform import transform_source

OPS = '''import tensorflow as tf


def linear(x, units, scope=None):
    with tf.variable_scope(scope or "Linear"):
        w = tf.get_variable("w", [x.get_shape()[-1], units])
        return tf.matmul(x, w)


def lrelu(x):
    return tf.maximum(x, 0.2 * x)
'''
STAR_MODEL = '''from ops import *


def discriminator(x, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        return linear(lrelu(x), 1, "d_lin")


def build(a, b):
    return discriminator(a), discriminator(b, reuse=True)
'''


def _migrate(files: dict[str, str]) -> dict[str, tuple[str, set[str]]]:
    """Plan a run over `files` (relative path -> text) and transform each file with its plan."""
    root = Path("/virtual/repo")
    sources = {root / name: text for name, text in files.items()}
    project, plan = plan_project(sources)
    out = {}
    for path, text in sources.items():
        if "print '" in text:
            continue  # Python 2: never transformed
        result = transform_source(text, str(path), project.pins.get(path, frozenset()), plan.plan_for(path))
        out[path.relative_to(root).as_posix()] = (result.code, {d.code for d in result.diagnostics})
    return out


def test_imports_of_every_form() -> None:
    used = imports_of("from pkg.ops import linear, conv2d as c\nfrom utils import *\nimport layers as L\n"
                      "y = L.dense(x)\nfrom . import helpers\n")
    assert used["ops"] == {"linear", "conv2d"}
    assert used["utils"] == {"*"}
    assert used["layers"] == {"dense"}
    assert used["helpers"] == {"*"}


def test_star_import_converts_both_files_and_inherits_tf() -> None:
    out = _migrate({"ops.py": OPS, "model.py": STAR_MODEL})
    ops, model = out["ops.py"][0], out["model.py"][0]
    assert "class Linear(tf.Module):" in ops and "def lrelu(" in ops
    assert "class Discriminator(tf.Module):" in model
    assert 'Linear(name="d_lin")' in model
    assert "from ops import *" in model and "variable_scope" not in model


def test_from_import_is_renamed_with_the_class() -> None:
    model = STAR_MODEL.replace("from ops import *", "import tensorflow as tf\nfrom ops import linear, lrelu")
    code = _migrate({"ops.py": OPS, "model.py": model})["model.py"][0]
    assert "from ops import Linear, lrelu" in code
    assert 'Linear(name="d_lin")' in code


def test_module_import_calls_the_class_through_the_module() -> None:
    model = (STAR_MODEL.replace("from ops import *", "import tensorflow as tf\nimport pkg.ops as ops")
             .replace("linear(", "ops.linear(").replace("lrelu(", "ops.lrelu("))
    out = _migrate({"pkg/__init__.py": "", "pkg/ops.py": OPS, "model.py": model})
    assert 'ops.Linear(name="d_lin")' in out["model.py"][0]
    assert "class Linear(tf.Module):" in out["pkg/ops.py"][0]


def test_relative_import_and_package_reexport() -> None:
    init = "from .ops import linear, lrelu\n"
    model = STAR_MODEL.replace("from ops import *", "import tensorflow as tf\nfrom pkg import linear, lrelu")
    out = _migrate({"pkg/__init__.py": init, "pkg/ops.py": OPS, "model.py": model})
    assert out["pkg/__init__.py"][0] == "from .ops import Linear, lrelu\n"
    assert "from pkg import Linear, lrelu" in out["model.py"][0]
    assert "class Linear(tf.Module):" in out["pkg/ops.py"][0]


def test_import_resolves_by_path_not_by_last_name() -> None:
    """`import ops` from b/ is b/ops.py, not a/ops.py: a/ops.py's function is not tied to b's model."""
    other = OPS.replace('[x.get_shape()[-1], units]', '[x.get_shape()[-1], units], partitioner=p')
    model = STAR_MODEL
    out = _migrate({"a/ops.py": OPS, "b/ops.py": other, "b/model.py": model})
    assert "class Linear(tf.Module):" in out["a/ops.py"][0]  # converts on its own
    # tied to b/ops.py, which is refused: only the renames that keep it running on TF2 (its
    # `tf` comes from the star import: the file binds it itself, migrate/upgrade/__init__.py)
    assert out["b/model.py"][0] == model.replace("from ops import *\n", "from ops import *\nimport tensorflow as tf\n").replace(
        "tf.variable_scope", "tf.compat.v1.variable_scope")


def test_a_refused_component_stays_in_every_file() -> None:
    model = STAR_MODEL.replace('return linear(lrelu(x), 1, "d_lin")',
                               'h = linear(lrelu(x), 1, "d_lin")\n'
                               '        return h * tf.get_variable("s", [1], partitioner=p)')
    out = _migrate({"ops.py": OPS, "model.py": model})
    # the helper converts for other users and keeps its TF1 def for the refused caller
    assert "\ndef linear(" in out["ops.py"][0] and "kept-tf1" in out["ops.py"][1]
    assert "class Discriminator" not in out["model.py"][0]
    assert "from ops import *" in out["model.py"][0] and "linear(lrelu(x)" in out["model.py"][0]


def test_function_used_as_value_elsewhere_stays() -> None:
    user = "import tensorflow as tf\nfrom ops import linear\nLAYERS = {'linear': linear}\n"
    out = _migrate({"ops.py": OPS, "registry.py": user})
    assert "class Linear" not in out["ops.py"][0]
    assert out["registry.py"][0] == user


def test_file_that_does_not_parse_keeps_what_it_imports() -> None:
    py2 = "from ops import linear\nprint 'hello'\n"
    out = _migrate({"ops.py": OPS, "old.py": py2})
    assert "class Linear(tf.Module)" in out["ops.py"][0] and "\ndef linear(" in out["ops.py"][0]
    assert "kept-tf1" in out["ops.py"][1]


def test_migrate_run_converts_across_files(tmp_path: Path) -> None:
    (tmp_path / "ops.py").write_text(OPS, encoding="utf-8")
    (tmp_path / "model.py").write_text(STAR_MODEL, encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--no-progress", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "class Linear(tf.Module)" in (tmp_path / "ops.py").read_text(encoding="utf-8")
    assert "class Build(tf.Module)" in (tmp_path / "model.py").read_text(encoding="utf-8")
    again = CliRunner().invoke(main, ["run", "--no-progress", "--check", str(tmp_path)])
    assert again.exit_code == 0, again.output  # a second run changes nothing


MODELS = '''import tensorflow as tf


class Tacotron:
    def __init__(self, hparams):
        self._hparams = hparams

    def initialize(self, inputs):
        with tf.variable_scope("inference"):
            w = tf.get_variable("w", [inputs.get_shape()[-1], 4])
            self.outputs = tf.matmul(inputs, w)


def create_model(name, hparams):
    return Tacotron(hparams)
'''
TRAIN = '''import tensorflow as tf
from models import create_model


def train(inputs, hparams):
    global_step = tf.Variable(0, name="global_step", trainable=False)
    with tf.variable_scope("model"):
        model = create_model("tacotron", hparams)
        model.initialize(inputs)
    return model.outputs, global_step
'''


def test_scope_around_another_files_object_is_not_renamed() -> None:
    """tacotron's train.py: the `model/` scope names variables another file's object creates."""
    out = _migrate({"models/__init__.py": MODELS, "train.py": TRAIN})
    code, codes = out["train.py"]
    assert 'variable_scope("model")' in code  # kept TF1 (compat spelling at most), never a name_scope
    assert "name_scope" not in code
    assert "cross-file" in codes


def test_a_call_the_emit_stage_cannot_rewrite_keeps_the_callee() -> None:
    """baselines' models.py: a host whose nested function calls utils.lnlstm (not rewritable)."""
    host = '''import tensorflow as tf
import ops


def network(units):
    def network_fn(x):
        return ops.linear(x, units, "h")
    return network_fn
'''
    root = Path("/virtual/repo")
    sources = {root / "ops.py": OPS, root / "nets.py": host}
    project, plan = plan_project(sources)
    out = transform_source(host, "nets.py", plan=plan.plan_for(root / "nets.py"))
    if "ops.Linear" not in out.code:  # not rewritten: the file says so, never a stale call
        assert out.code == host or "ops.linear" not in out.code or any(
            d.code in ("internal-error", "unsupported-call", "unconvertible-callee") for d in out.diagnostics)


REFUSED_CRITIC = '''import tensorflow as tf
from ops import linear


def critic(x):
    with tf.variable_scope("critic"):
        h = linear(x, 4, "h")
        return h * tf.get_variable("s", [1], partitioner=p)
'''
GENERATOR = '''import tensorflow as tf
from ops import linear


def generator(z):
    with tf.variable_scope("generator"):
        return linear(z, 6, "out")
'''


def test_helper_keeps_its_tf1_def_for_refused_callers_only() -> None:
    """A refused caller in one file does not refuse the helper's other callers (gan-collection:
    one model class with a partitioner used to refuse every class using ops.linear)."""
    out = _migrate({"ops.py": OPS, "critic.py": REFUSED_CRITIC, "generator.py": GENERATOR})
    ops_code, ops_codes = out["ops.py"]
    assert "class Linear(tf.Module)" in ops_code and "\ndef linear(" in ops_code
    assert "kept-tf1" in ops_codes
    assert "class Generator" in out["generator.py"][0] and "from ops import Linear\n" in out["generator.py"][0]
    assert "from ops import linear\n" in out["critic.py"][0] and "class Critic" not in out["critic.py"][0]
    # a second run over the output: nothing changes (the kept def has only TF1 callers now)
    again = _migrate({name: code for name, (code, _) in out.items()})
    assert {name: code for name, (code, _) in again.items()} == {name: code for name, (code, _) in out.items()}


def test_helper_whose_every_caller_is_refused_converts_and_keeps_its_def() -> None:
    """The class is there for whoever ports the callers (and for `migrate check`); a second run
    finds it and leaves the def as it is."""
    out = _migrate({"ops.py": OPS, "critic.py": REFUSED_CRITIC})
    assert "class Linear(tf.Module)" in out["ops.py"][0] and "\ndef linear(" in out["ops.py"][0]
    assert "from ops import linear\n" in out["critic.py"][0]
    again = _migrate({name: code for name, (code, _) in out.items()})
    assert {name: code for name, (code, _) in again.items()} == {name: code for name, (code, _) in out.items()}
    assert "kept-tf1" in again["ops.py"][1]


def test_function_a_python2_file_imports_converts_and_keeps_its_def_when_used() -> None:
    py2 = "from ops import linear\nprint 'hello'\n"
    out = _migrate({"ops.py": OPS, "old.py": py2, "generator.py": GENERATOR})
    assert "class Linear(tf.Module)" in out["ops.py"][0] and "\ndef linear(" in out["ops.py"][0]
    assert "class Generator" in out["generator.py"][0]
    assert "imported-elsewhere" not in out["ops.py"][1]


def test_a_camel_case_function_becomes_the_class_of_its_own_name() -> None:
    """BEGAN's models.GeneratorCNN: the class takes the def's name; its callers elsewhere agree."""
    models = ('import tensorflow as tf\n\n\ndef GeneratorCNN(z, hidden_num, reuse):\n'
              '    with tf.variable_scope("G", reuse=reuse):\n'
              '        w = tf.get_variable("w", [z.get_shape()[-1], hidden_num])\n'
              '        return tf.matmul(z, w)\n')
    trainer = ('import tensorflow as tf\nfrom models import GeneratorCNN\n\n\ndef build(z):\n'
               '    return GeneratorCNN(z, 4, reuse=False), GeneratorCNN(z, 4, reuse=True)\n')
    out = _migrate({"models.py": models, "trainer.py": trainer})
    assert "class GeneratorCNN(tf.Module)" in out["models.py"][0] and "def GeneratorCNN" not in out["models.py"][0]
    assert "GeneratorCNN()" in out["trainer.py"][0] and "internal-error" not in out["trainer.py"][1]


def test_a_camel_case_helper_kept_for_tf1_callers_gets_a_numbered_class() -> None:
    models = ('import tensorflow as tf\n\n\ndef GeneratorCNN(z, hidden_num, reuse):\n'
              '    with tf.variable_scope("G", reuse=reuse):\n'
              '        w = tf.get_variable("w", [z.get_shape()[-1], hidden_num])\n'
              '        return tf.matmul(z, w)\n')
    trainer = ('import tensorflow as tf\nfrom models import GeneratorCNN\n\n\ndef build(z):\n'
               '    return GeneratorCNN(z, 4, reuse=False)\n')
    out = _migrate({"models.py": models, "trainer.py": trainer, "critic.py": REFUSED_CRITIC.replace(
        "from ops import linear", "from models import GeneratorCNN as linear")})
    assert "class GeneratorCNN_2(tf.Module)" in out["models.py"][0] and "\ndef GeneratorCNN(" in out["models.py"][0]
    assert "from models import GeneratorCNN_2\n" in out["trainer.py"][0]
    again = _migrate({name: code for name, (code, _) in out.items()})
    assert {name: code for name, (code, _) in again.items()} == {name: code for name, (code, _) in out.items()}


def test_a_host_in_another_file_is_a_converted_caller_not_a_tf1_one() -> None:
    # P's F1: the host's instance takes the function's old name (`generator = Generator()`); the
    # stale-reference check saw that local as the old def and kept every def for it (kept-tf1)
    out = _migrate({
        "ops.py": OPS,
        "model.py": "import tensorflow as tf\nimport ops\n\n\ndef generator(z):\n"
                    "    with tf.variable_scope('generator'):\n        return ops.linear(z, 4, 'g_fc1')\n",
        "train.py": "import tensorflow as tf\nfrom model import generator\n\n\ndef build_train_op(z):\n"
                    "    loss = tf.reduce_mean(generator(z))\n"
                    "    return tf.train.GradientDescentOptimizer(0.1).minimize(loss)\n"})
    assert "def generator" not in out["model.py"][0] and "def linear" not in out["ops.py"][0]
    train = out["train.py"][0]
    assert "from model import Generator\n" in train and "generator = Generator()" in train
    assert "internal-error" not in out["train.py"][1]


def test_slim_create_train_op_makes_a_host() -> None:
    # P's F4: slim.learning.create_train_op is an optimizer step (a host marker), not a creator
    out = _migrate({
        "nets.py": "import tensorflow as tf\nslim = tf.contrib.slim\n\n\ndef net(x):\n"
                   "    with tf.variable_scope('net'):\n        return slim.fully_connected(x, 2, scope='fc')\n",
        "train.py": "import tensorflow as tf\nimport nets\nslim = tf.contrib.slim\n\n\ndef loss_of(x):\n"
                    "    return tf.reduce_mean(nets.net(x))\n\n\ndef build_train_op(x):\n    total = loss_of(x)\n"
                    "    optimizer = tf.train.GradientDescentOptimizer(0.1)\n"
                    "    return slim.learning.create_train_op(total, optimizer)\n"})
    train, codes = out["train.py"]
    assert "class LossOf(tf.Module):" in train and "loss_of = LossOf()" in train
    assert "implicit-creator" not in codes and "unconvertible-callee" not in codes


def test_a_sampler_calling_a_shared_step_directly_and_in_a_while_loop_body_is_a_host() -> None:
    # P's F11 (gpt-2's sample.py as users write it): step() is a converted function whose model
    # call has AUTO_REUSE; sample_sequence calls it directly and from its while_loop body
    out = _migrate({
        "model.py": "import tensorflow as tf\n\n\ndef model(X, scope='model', reuse=False):\n"
                    "    with tf.variable_scope(scope, reuse=reuse):\n"
                    "        w = tf.get_variable('w', [3, 3])\n        return tf.matmul(X, w)\n",
        "sample.py": "import tensorflow as tf\nimport model\n\n\ndef step(tokens):\n"
                     "    return model.model(X=tokens, reuse=tf.AUTO_REUSE)\n\n\n"
                     "def sample_sequence(context, length=3):\n    def body(prev):\n        return step(prev)\n"
                     "    first = step(context)\n"
                     "    return tf.while_loop(cond=lambda *args: True, body=body, maximum_iterations=length,\n"
                     "                         loop_vars=[first])\n"})
    sample, codes = out["sample.py"]
    assert "class Step(tf.Module):" in sample and "def step(" not in sample
    assert "step = _tf1_reused('step:step', lambda: Step())" in sample  # once per graph: AUTO_REUSE inside
    assert "def model(" not in out["model.py"][0]
    assert not codes - {"compat-v1-kept", "initializer-rewrite"}


def test_one_refused_caller_of_a_helper_does_not_refuse_its_file_neighbours(tmp_path: Path) -> None:
    # P's F10: two_heads refuses (its **kwargs helper hides the layer names); the trial's file
    # came back unchanged (a stale reference to the helper), which refused classifier too
    (tmp_path / "utils.py").write_text(
        "import tensorflow as tf\n\n\ndef block(x, units, name):\n    with tf.variable_scope(name):\n"
        "        return tf.layers.dense(x, units, activation=tf.nn.relu)\n\n\n"
        "def dense(x, units, **kwargs):\n    return tf.layers.dense(x, units, **kwargs)\n", encoding="utf-8")
    (tmp_path / "model.py").write_text(
        "import tensorflow as tf\nimport utils as U\n\n\ndef classifier(x):\n    with tf.variable_scope('clf'):\n"
        "        return U.block(x, 4, 'fc')\n\n\ndef two_heads(a, b):\n    with tf.variable_scope('heads'):\n"
        "        ha = U.dense(a, 4, name='proj')\n        hb = U.dense(b, 4, name='proj', reuse=True)\n"
        "        return ha, hb\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--no-progress", str(tmp_path)])
    assert result.exit_code == 0, result.output
    model = (tmp_path / "model.py").read_text(encoding="utf-8")
    assert "class Classifier(tf.Module)" in model and "def two_heads(" in model


def test_a_scope_around_calls_of_a_file_without_tf_code_is_modelled() -> None:
    """tacotron's `from util.infolog import log` in a scope: a file that neither mentions
    TensorFlow nor imports the run's modules defines nothing that creates a variable."""
    infolog = '''import json


def log(msg):
    print(json.dumps({"msg": msg}))
'''
    model = '''import tensorflow as tf
from util.infolog import log
import util.infolog as infolog
from ops import linear


def tower(x):
    with tf.variable_scope("tower"):
        log("building tower")
        infolog.log("still building")
        return linear(x, 4, "fc")
'''
    out = _migrate({"util/infolog.py": infolog, "ops.py": OPS, "model.py": model})
    code, codes = out["model.py"]
    assert "cross-file" not in codes, codes
    assert "class Tower" in code


def test_messages_name_files_from_the_runs_directory_inside_a_package(tmp_path: Path) -> None:
    """A run over a package resolves imports from above it, but names its files as the run does
    (`critic.py`, not `pkg/critic.py`)."""
    package = tmp_path / "pkg"
    package.mkdir()
    sources = {package / "__init__.py": "", package / "ops.py": OPS, package / "critic.py": REFUSED_CRITIC}
    for path, text in sources.items():
        path.write_text(text, encoding="utf-8")
    project, _ = plan_project(sources)
    assert project.root == tmp_path and project.display_root == package
    why = " ".join(project.kept_why.values())
    assert "critic" in why and "pkg/" not in why


def test_a_finding_prints_on_one_line() -> None:
    from migrate.diagnostics import Diagnostic

    text = str(Diagnostic("compat-v1-kept", "kept.\nThe calls have been converted.", 3, 4, "info", "a.py"))
    assert text == "a.py:3:4: compat-v1-kept: kept. The calls have been converted."
