"""A network function bound once to `self.<attr>` in `__init__` and only called through it
(P's H4, CycleGAN-tensorflow: `self.discriminator = discriminator`) is a plain alias: its calls
become direct calls and convert as such (migrate/codemod/function_aliases.py). The migrated
pair of the first case is proven by `migrate check ...:GAN.build` (see the module's report)."""

from __future__ import annotations

import pytest

from migrate.codemod.function_aliases import resolve_function_aliases, transform_with_function_aliases
from migrate.transform import transform_source

_NETS = '''import tensorflow as tf


def discriminator(image, reuse=False, name="discriminator"):
    with tf.variable_scope(name):
        if reuse:
            tf.get_variable_scope().reuse_variables()
        else:
            assert tf.get_variable_scope().reuse is False
        w = tf.get_variable("w", [3, 1])
        return tf.matmul(image, w)


def generator(z, name="generator"):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [3, 3])
        return tf.matmul(z, w)

'''

_GAN = _NETS + '''
class GAN(object):
    def __init__(self, size):
        self.size = size
        self.discriminator = discriminator
        self.generator = generator

    def build(self, real, z):
        fake = self.generator(z, name="generatorA2B")
        return (self.discriminator(real, name="discriminatorA"),
                self.discriminator(fake, reuse=True, name="discriminatorA"))
'''


def _run(source: str, elsewhere: frozenset[str] = frozenset()):
    return transform_with_function_aliases(lambda text: transform_source(text, "model.py"), source, "model.py",
                                           elsewhere)


def test_a_plain_alias_converts_as_direct_calls() -> None:
    out = _run(_GAN)
    assert {"discriminator", "generator", "GAN.build"} <= {f.legacy_name for f in out.functions}
    assert "self.discriminator(" not in out.code and "self.generator(" not in out.code
    assert "get_variable_scope" not in out.code  # the reuse guard went with the TF1 store
    assert not [d for d in out.diagnostics if d.severity != "info"]


def test_lines_are_kept_by_the_rewrite() -> None:
    resolved = resolve_function_aliases(_GAN)
    assert resolved.source.count("\n") == _GAN.count("\n")
    assert "        pass\n" in resolved.source and resolved.regions == {"discriminator", "generator", "GAN.build"}


@pytest.mark.parametrize("change, kept", [
    # chosen by an option: two bindings
    (("        self.generator = generator\n",
      "        if size:\n            self.generator = generator\n        else:\n            self.generator = discriminator\n"),
     "self.generator = generator"),
    # used as a value too
    (("        return (", "        nets = [self.discriminator]\n        return ("), "self.discriminator = discriminator"),
    # another object's attribute of the same name
    (("        return (", "        other = GAN(1)\n        other.discriminator = None\n        return ("),
     "self.discriminator = discriminator"),
    # named by a string
    (("        return (", "        getattr(self, 'discriminator')\n        return ("), "self.discriminator = discriminator"),
])
def test_an_alias_that_is_not_plain_is_left_alone(change: tuple[str, str], kept: str) -> None:
    source = _GAN.replace(*change)
    assert source != _GAN
    assert kept in _run(source).code


def test_an_attribute_another_file_mentions_is_left_alone() -> None:
    assert _run(_GAN, frozenset({"discriminator", "generator"})).code == transform_source(_GAN, "model.py").code


def test_refused_code_gets_its_aliases_back() -> None:
    source = _GAN.replace('        w = tf.get_variable("w", [3, 3])',
                          '        w = tf.get_variable("w", [3, 3], partitioner=tf.fixed_size_partitioner(2))')
    out = _run(source)
    assert "self.generator = generator" in out.code
    assert "generator" not in {f.legacy_name for f in out.functions}


_IMPORTED = '''import tensorflow as tf
from module import *


class cyclegan(object):
    def __init__(self, sess, args):
        self.sess = sess
        self.discriminator = discriminator
        self.generator = generator_resnet

    def build_model(self, real_A, real_B):
        fake_B = self.generator(real_A, name="generatorA2B")
        return self.discriminator(fake_B, reuse=False, name="discriminatorB")
'''


def test_a_star_imported_network_is_an_alias_too() -> None:
    resolved = resolve_function_aliases(_IMPORTED)
    assert "fake_B = generator_resnet(real_A" in resolved.source
    assert "return discriminator(fake_B" in resolved.source
    assert resolved.regions == {"cyclegan.build_model"}  # (the functions convert in their own file)


def test_an_injected_network_is_not_an_alias() -> None:
    source = _IMPORTED.replace("def __init__(self, sess, args):", "def __init__(self, sess, discriminator):")
    assert "self.discriminator(fake_B" in resolve_function_aliases(source).source


_CYCLE_OPS = '''import tensorflow as tf


def conv(x, n, name="conv"):
    with tf.variable_scope(name):
        return tf.matmul(x, tf.get_variable("w", [3, n]))
'''

_CYCLE_MODULE = '''import tensorflow as tf
from ops import *


def discriminator(image, reuse=False, name="discriminator"):
    with tf.variable_scope(name, reuse=reuse):
        return conv(image, 1, name="pred")
'''

_CYCLE_MODEL = '''import tensorflow as tf
from module import *


class GAN(object):
    def __init__(self):
        self.discriminator = discriminator

    def build(self, real, fake):
        return (self.discriminator(real, name="discriminatorA"),
                self.discriminator(fake, reuse=True, name="discriminatorA"),
                self.discriminator(fake, name="discriminatorB"))
'''


def _cycle_tree(work, extra: str | None = None):
    (work / "src").mkdir()
    for name, text in (("ops.py", _CYCLE_OPS), ("module.py", _CYCLE_MODULE), ("model.py", _CYCLE_MODEL)):
        (work / "src" / name).write_text(text)
    if extra is not None:
        (work / "src" / "train.py").write_text(extra)


def test_wired_across_files_each_call_site_is_a_module(work, cli) -> None:
    """The run resolves the alias (planning and transform alike) and reads module.py's scope
    signature with ops.conv as a creator there: one module per TF1 scope name, name= gone."""
    _cycle_tree(work)
    result = cli("run", "--out", "out", "src")
    assert result.exit_code == 0, result.output
    model = (work / "out" / "model.py").read_text()
    assert 'Discriminator(name="discriminatorA")' in model and 'Discriminator(name="discriminatorB")' in model
    assert "self.discriminator(" not in model.replace("self.discriminator_", "") and "name=" not in \
        model.split("def __call__", 1)[1]


def test_another_file_reaching_the_attribute_keeps_the_alias(work, cli) -> None:
    _cycle_tree(work, "from model import GAN\n\nd = GAN().discriminator\n")
    result = cli("run", "--out", "out", "src")
    assert result.exit_code == 0, result.output
    model = (work / "out" / "model.py").read_text()
    assert "self.discriminator = discriminator" in model and "self.discriminator(real" in model
