"""A literal dict of arguments unpacked into the next statement's call (Kyubyong's transformer
`feedforward`: params = {...}; outputs = tf.layers.conv1d(**params)) is written as keywords
(migrate/codemod/dict_kwargs.py), so the layer converts; anything else keeps its text."""

from __future__ import annotations

import textwrap

from migrate.codemod.dict_kwargs import inline_dict_kwargs, transform_with_dict_kwargs
from migrate.transform import transform_source

_FF = '''import tensorflow as tf


def feedforward(inputs, num_units=(8, 4), scope="multihead_attention", reuse=None):
    with tf.variable_scope(scope, reuse=reuse):
        # Inner layer
        params = {"inputs": inputs, "filters": num_units[0], "kernel_size": 1,
                  "activation": tf.nn.relu, "use_bias": True}
        outputs = tf.layers.conv1d(**params)

        # Readout layer
        params = {"inputs": outputs, "filters": num_units[1], "kernel_size": 1,
                  "activation": None, "use_bias": True}
        outputs = tf.layers.conv1d(**params)
        outputs += inputs
    return outputs
'''


def test_the_dict_becomes_the_calls_keywords() -> None:
    out = inline_dict_kwargs(_FF)
    assert out.regions == {"feedforward"} and out.resolved == 2
    assert "params" not in out.source
    assert ("outputs = tf.layers.conv1d(inputs=inputs, filters=num_units[0], kernel_size=1, "
            "activation=tf.nn.relu, use_bias=True)") in out.source
    assert "tf.layers.conv1d(inputs=outputs, filters=num_units[1]" in out.source


def test_the_transform_converts_it() -> None:
    out = transform_with_dict_kwargs(lambda text: transform_source(text, "modules.py"), _FF, "modules.py")
    assert "feedforward" in {f.legacy_name for f in out.functions}
    assert "**params" not in out.code and "class Feedforward" in out.code


def test_anything_else_keeps_the_dict() -> None:
    def kept(body: str) -> bool:
        source = "import tensorflow as tf\n\n\ndef f(x, n):\n" + textwrap.indent(textwrap.dedent(body), "    ")
        return not inline_dict_kwargs(source).resolved
    assert kept('p = {"inputs": x, "filters": n}\nprint(p)\nreturn tf.layers.conv1d(**p)\n')  # not next
    # a call in a value, when other code runs between the dict and its call
    assert kept('p = {"inputs": x, "filters": g(n)}\nreturn tf.concat([h(), tf.layers.conv1d(**p)], 0)\n')
    assert kept('p = {"inputs": x, "filters": g(n)}\nreturn layers()[0](**p)\n')
    # ... or an overridden value with effects, which the merged call would not evaluate
    assert kept('p = {"inputs": x, "filters": g(n)}\np.update({"filters": n})\nreturn tf.layers.conv1d(**p)\n')
    assert kept('p = {"inputs": x, "filters": n}\ny = tf.layers.conv1d(**p)\nreturn p\n')  # read later
    assert kept('p = {"inputs": x}\nreturn tf.layers.conv1d(x, **p)\n')  # other arguments
    assert kept('p = {"inputs": x, **extra}\nreturn tf.layers.conv1d(**p)\n')  # an unpacked dict
    assert kept('p = {"inputs": x}\nreturn [tf.layers.conv1d(**p) for _ in range(2)]\n')  # run twice
    assert kept('p = {"inputs": x}\nreturn (lambda: tf.layers.conv1d(**p))()\n')  # later
    assert kept('p = {"inputs": x}; y = 1\nreturn tf.layers.conv1d(**p)\n')  # shares its line


def test_values_that_run_code_move_into_a_call_that_runs_next() -> None:
    """dc_tts's conv1d: `"kernel_initializer": tf.contrib.layers.variance_scaling_initializer()`
    in the dict, then `tensor = tf.layers.conv1d(**params)`: only the dotted lookup of the layer
    function runs between them, so the values still run once, in the order written."""
    source = ("import tensorflow as tf\n\n\ndef f(x, n):\n"
              "    params = {\"inputs\": x, \"filters\": n,\n"
              "              \"kernel_initializer\": tf.contrib.layers.variance_scaling_initializer()}\n"
              "    tensor = tf.layers.conv1d(**params)\n    return tensor\n")
    out = inline_dict_kwargs(source)
    assert out.resolved == 1, out.source
    assert ("tensor = tf.layers.conv1d(inputs=x, filters=n, "
            "kernel_initializer=tf.contrib.layers.variance_scaling_initializer())") in out.source


def test_a_dict_call_of_keywords_counts_as_a_literal() -> None:
    """XLNet builds its layer arguments with `dict(key=value, ...)`."""
    source = _FF.replace('''{"inputs": inputs, "filters": num_units[0], "kernel_size": 1,
                  "activation": tf.nn.relu, "use_bias": True}''', '''dict(inputs=inputs, filters=num_units[0], kernel_size=1,
                      activation=tf.nn.relu, use_bias=True)''')
    out = inline_dict_kwargs(source)
    assert out.resolved == 2, out.source
    assert ("outputs = tf.layers.conv1d(inputs=inputs, filters=num_units[0], kernel_size=1, "
            "activation=tf.nn.relu, use_bias=True)") in out.source


def test_a_rebound_dict_is_not_the_builtin() -> None:
    source = _FF.replace('''{"inputs": inputs, "filters": num_units[0], "kernel_size": 1,
                  "activation": tf.nn.relu, "use_bias": True}''', '''dict(inputs=inputs, filters=num_units[0])''')
    source = source.replace("import tensorflow as tf\n", "import tensorflow as tf\nfrom collections import OrderedDict as dict\n")
    out = inline_dict_kwargs(source)
    # (the other `**params` of the function keeps its dict too: the name is read by a kept call)
    assert out.resolved == 0, out.source
    assert "params = dict(inputs=inputs, filters=num_units[0])" in out.source


_XLNET = '''import tensorflow as tf


class Model(object):
    def __init__(self, config, input_ids, input_mask=None):
        tfm_args = dict(
            n_token=config.n_token,
            d_model=config.d_model)
        input_args = dict(
            inp_k=input_ids,
            input_mask=input_mask)
        tfm_args.update(input_args)

        with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
            self.output = transformer(**tfm_args)
'''


def test_dicts_merged_by_update_are_written_into_the_call() -> None:
    """XLNet's `tfm_args = dict(...)`, `input_args = dict(...)`, `tfm_args.update(input_args)`,
    then `transformer_xl(**tfm_args)` inside the next `with`."""
    out = inline_dict_kwargs(_XLNET)
    assert out.resolved == 1, out.source
    assert ("self.output = transformer(n_token=config.n_token, d_model=config.d_model, inp_k=input_ids, "
            "input_mask=input_mask)") in out.source
    assert "tfm_args" not in out.source and "input_args" not in out.source


def test_a_merged_dict_read_again_keeps_every_dict() -> None:
    source = _XLNET + "        self.args = input_args\n"
    assert inline_dict_kwargs(source).resolved == 0
