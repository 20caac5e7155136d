"""Methods of classes with bases and decorators: what converts, and that the output still builds.

Real test files (`class LayersTest(tf.test.TestCase)` with `@parameterized.parameters`) and model
classes derived from a user base call converted helpers from their methods.
"""

from __future__ import annotations

from migrate.transform import transform_source

_HELPER = '''import tensorflow as tf
from six.moves import range
from absl.testing import parameterized
from tensorflow.python.framework import test_util


def dense(x, n, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.shape[-1], n])
        return tf.matmul(x, w)


def model(x):
    with tf.variable_scope("model"):
        for i in range(2):
            x = dense(x, 4, "d%d" % i)
        return x

'''


def _codes(out) -> set[str]:
    return {d.code for d in out.diagnostics if d.severity != "info"}


def test_six_moves_range_in_a_scope_is_not_another_files_code() -> None:
    out = transform_source(_HELPER, "m.py")
    assert "cross-file" not in _codes(out)
    assert {f.class_name for f in out.functions} >= {"Dense", "Model"}


def test_subclass_gets_an_init_that_forwards_to_its_base() -> None:
    source = _HELPER + '''
class ModelTest(tf.test.TestCase):

    @parameterized.parameters(1, 2)
    def testModel(self, n):
        with tf.variable_scope("t"):
            y = model(tf.ones([n, 3]))
        self.assertEqual(y.shape, (n, 4))
'''
    out = transform_source(source, "m_test.py")
    assert "def __init__(self, *args, **kwargs):\n        super().__init__(*args, **kwargs)" in out.code
    assert "@parameterized.parameters(1, 2)\n    def testModel(self, n):" in out.code  # decorator kept
    assert "decorated" not in _codes(out)
    assert "    \n" not in out.code  # no whitespace-only line in the generated __init__


def test_decorator_that_runs_the_body_in_two_graphs_is_refused() -> None:
    source = _HELPER + '''
class ModelTest(tf.test.TestCase):

    @test_util.run_in_graph_and_eager_modes
    def testModel(self):
        with tf.variable_scope("t"):
            y = model(tf.ones([2, 3]))
        self.assertEqual(y.shape, (2, 4))
'''
    out = transform_source(source, "m_test.py")
    messages = [d.message for d in out.diagnostics if d.code == "decorated"]
    assert messages and "run_in_graph_and_eager_modes" in messages[0]
    assert "class ModelTest(tf.test.TestCase):\n\n    @test_util" in out.code  # left as it was


def test_scope_opening_decorators_are_refused_on_methods() -> None:
    # (a @staticmethod converts since H25: migrate/codemod/static_methods.py, golden
    # methods/static_and_class_methods; one that is used otherwise stays a method: test_static_methods.py)
    for decorator in ("expert_utils.add_var_scope()", "util.reuse_variables"):
        source = _HELPER + f'''
class Net(object):

    @{decorator}
    def build(x):
        with tf.variable_scope("net"):
            return model(x)
'''
        out = transform_source(source, "net.py")
        assert "decorated" in _codes(out), decorator
