"""slim.arg_scope defaults made explicit (migrate/codemod/arg_scopes.py): before/after pairs."""

from __future__ import annotations

import textwrap

import pytest

from migrate.codemod.arg_scopes import resolve_arg_scopes
from migrate.transform import transform_source

_HEAD = "import tensorflow as tf\nimport tensorflow.contrib.slim as slim\n\n\n"


def _resolve(body: str):
    return resolve_arg_scopes(_HEAD + textwrap.dedent(body), "t.py")


def _body(result) -> str:
    return result.source[len(_HEAD):]


def test_defaults_written_into_listed_calls_explicit_wins():
    r = _resolve('''\
        def net(x):
            with slim.arg_scope([slim.conv2d, slim.fully_connected], activation_fn=tf.nn.tanh, padding="VALID"):
                h = slim.conv2d(x, 8, [3, 3], activation_fn=None)
                return slim.fully_connected(h, 2)
        ''')
    assert _body(r) == textwrap.dedent('''\
        def net(x):
            h = slim.conv2d(x, 8, [3, 3], activation_fn=None, padding="VALID")
            return slim.fully_connected(h, 2, activation_fn=tf.nn.tanh, padding="VALID")
        ''')
    assert r.resolved == 1 and [d.severity for d in r.diagnostics] == ["info"]


def test_nested_scopes_merge_keys_and_innermost_wins():
    r = _resolve('''\
        def net(x):
            with slim.arg_scope([slim.conv2d], padding="SAME", stride=1):
                with slim.arg_scope([slim.convolution2d], stride=2, rate=1):
                    h = slim.conv2d(x, 8, 3)
                return slim.conv2d(h, 8, 3)
        ''')
    assert _body(r) == textwrap.dedent('''\
        def net(x):
            h = slim.conv2d(x, 8, 3, padding="SAME", stride=2, rate=1)
            return slim.conv2d(h, 8, 3, padding="SAME", stride=1)
        ''')


def test_positional_argument_counts_as_explicit():
    r = _resolve('''\
        def net(x):
            with slim.arg_scope([slim.conv2d], stride=2, padding="VALID"):
                return slim.conv2d(x, 8, 3, 1)
        ''')
    assert "slim.conv2d(x, 8, 3, 1, padding=\"VALID\")" in r.source


def test_other_with_items_kept_and_multiline_layout():
    r = _resolve('''\
        def net(x):
            with tf.variable_scope("d"), slim.arg_scope([slim.fully_connected], activation_fn=None):
                return slim.fully_connected(x,
                                            2,
                                            scope="fc")
        ''')
    assert _body(r) == textwrap.dedent('''\
        def net(x):
            with tf.variable_scope("d"):
                return slim.fully_connected(x,
                                            2,
                                            scope="fc",
                                            activation_fn=None)
        ''')


def test_normalizer_params_get_the_batch_norm_defaults():
    r = _resolve('''\
        def net(x, training):
            with slim.arg_scope([slim.conv2d], normalizer_fn=slim.batch_norm):
                with slim.arg_scope([slim.batch_norm], is_training=training, decay=0.9):
                    a = slim.conv2d(x, 8, 3)
                    return slim.conv2d(a, 8, 3, normalizer_params={"decay": 0.5})
        ''')
    assert "slim.conv2d(x, 8, 3, normalizer_fn=slim.batch_norm, normalizer_params={'is_training': training, 'decay': 0.9})" in r.source
    assert "normalizer_params={\"decay\": 0.5, 'is_training': training}" in r.source


def test_add_arg_scope_function_of_the_file():
    r = resolve_arg_scopes(textwrap.dedent('''\
        import tensorflow as tf
        from tensorflow.contrib.framework import arg_scope, add_arg_scope


        @add_arg_scope
        def block(x, units, init_scale=1.0):
            return tf.layers.dense(x, units) * init_scale


        def net(x):
            with arg_scope([block], init_scale=0.1):
                return block(x, 4)
        '''), "t.py")
    assert "return block(x, 4, init_scale=0.1)" in r.source and "arg_scope([" not in r.source


@pytest.mark.parametrize("body, why", [
    ('''\
        def net(x):
            ops = [slim.fully_connected]
            with slim.arg_scope(ops, activation_fn=None):
                return slim.fully_connected(x, 2)
        ''', "op list held in a name"),
    ('''\
        def helper(x):
            return slim.fully_connected(x, 3)


        def net(x):
            with slim.arg_scope([slim.fully_connected], activation_fn=None):
                return helper(x)
        ''', "also in callees"),
    ('''\
        from ops import linear


        def net(x):
            with slim.arg_scope([slim.fully_connected], activation_fn=None):
                return linear(x)
        ''', "cannot be seen"),
    ('''\
        def net(x):
            with slim.arg_scope([slim.fully_connected], weights_initializer=make_init()):
                return slim.fully_connected(x, 2)
        ''', "calls user code"),
    ('''\
        def net(x, scale):
            with slim.arg_scope([slim.fully_connected], weights_regularizer=slim.l2_regularizer(scale)):
                scale = 2.0
                return slim.fully_connected(x, 2)
        ''', "reassigned"),
    ('''\
        def net(x, sc):
            with slim.arg_scope(sc):
                return slim.fully_connected(x, 2)
        ''', "scope object"),
    ('''\
        def net(x, kw):
            with slim.arg_scope([slim.fully_connected], activation_fn=None):
                return slim.fully_connected(x, 2, **kw)
        ''', "**kwargs"),
    ('''\
        def net(x):
            with slim.arg_scope([slim.fully_connected], activation_fn=None):
                return slim.repeat(x, 2, slim.fully_connected, 4)
        ''', "slim.repeat"),
    ('''\
        def net(x):
            with slim.arg_scope([tf.layers.dense], activation=None):
                return tf.layers.dense(x, 2)
        ''', "not a known @add_arg_scope op"),
    ('''\
        def net(x, layers):
            with slim.arg_scope([slim.fully_connected], activation_fn=None):
                return layers[0](x, 2)
        ''', "cannot be seen"),
])
def test_undecidable_blocks_are_kept_and_reported(body, why):
    r = _resolve(body)
    assert r.resolved == 0 and r.source == _HEAD + textwrap.dedent(body)
    errors = [d for d in r.diagnostics if d.severity == "error"]
    assert len(errors) == 1 and errors[0].code == "contrib" and "arg_scope" in errors[0].message
    assert why in errors[0].message


def test_refused_function_keeps_its_arg_scope_and_lines():
    source = _HEAD + textwrap.dedent('''\
        def net(x):
            with tf.variable_scope("net"):
                with slim.arg_scope([slim.fully_connected], activation_fn=None):
                    h = slim.fully_connected(x, 2)
                return tf.custom_thing(h, tf.get_variable("v", [2], partitioner=p))
        ''')
    out = transform_source(source, "t.py")
    # the partitioner refuses the function: it stays TF1 (compat renames only), arg_scope as written
    assert "with slim.arg_scope([slim.fully_connected], activation_fn=None):" in out.code
    assert "class Net" not in out.code
    assert not any(d.severity == "info" and "arg_scope" in d.message for d in out.diagnostics)
    partitioner = [d for d in out.diagnostics if d.code == "partitioner"]
    assert partitioner and partitioner[0].line == source.splitlines().index(
        '        return tf.custom_thing(h, tf.get_variable("v", [2], partitioner=p))') + 1


def test_unresolved_arg_scope_refuses_the_function():
    source = _HEAD + textwrap.dedent('''\
        from other import my_scope


        def net(x):
            with tf.variable_scope("net"):
                with slim.arg_scope(my_scope()):
                    return slim.fully_connected(x, 2)
        ''')
    out = transform_source(source, "t.py")
    assert "class Net" not in out.code
    assert any(d.code == "implicit-creator" and "arg_scope" in d.message for d in out.diagnostics)


def test_no_arg_scope_is_a_no_op():
    source = _HEAD + "x = 1\n"
    assert resolve_arg_scopes(source).source is source


def test_project_plan_sees_resolved_arg_scopes(tmp_path):
    from migrate.project import plan_project

    model = tmp_path / "model.py"
    train = tmp_path / "train.py"
    sources = {model: _HEAD + textwrap.dedent('''\
        def net(x):
            with tf.variable_scope("net"):
                with slim.arg_scope([slim.fully_connected], activation_fn=None):
                    return slim.fully_connected(x, 2)
        '''), train: "import tensorflow as tf\nfrom model import net\n\n\ndef run(x):\n    return net(x)\n"}
    _, plan = plan_project(sources)
    outs = {p: transform_source(s, str(p), plan=plan.plan_for(p)) for p, s in sources.items()}
    assert "class Net(tf.Module)" in outs[model].code
    assert "self.fully_connected(x, 2, activation_fn=None)" in outs[model].code
    assert "class Run(tf.Module)" in outs[train].code


def test_method_calls_of_the_same_class_are_checked_not_refused():
    r = _resolve('''\
        class Model(object):
            def act(self, h):
                return tf.nn.relu(h)

            def build(self, x):
                with slim.arg_scope([slim.fully_connected], activation_fn=None):
                    return self.act(slim.fully_connected(x, 2))
        ''')
    assert r.resolved == 1 and "self.act(slim.fully_connected(x, 2, activation_fn=None))" in r.source
