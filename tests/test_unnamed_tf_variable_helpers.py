"""tf.Variable helpers whose variables no argument names (fast-style-transfer's _conv_init_vars /
_instance_norm, P's H13): TF1 graph mode names them Variable, Variable_1, ... across all calls in
creation order (verified: transform_net -> ['Variable', 'Variable_1', ..., 'Variable_5']); a
module per call site cannot know its numbers, so the refusal says that (body._call_site), not
"called again"."""

from __future__ import annotations

from migrate.transform import transform_source

_SOURCE = '''import tensorflow as tf


def _instance_norm(net):
    channels = net.get_shape()[-1].value
    mu, sigma_sq = tf.nn.moments(net, [1, 2], keep_dims=True)
    shift = tf.Variable(tf.zeros([channels]))
    scale = tf.Variable(tf.ones([channels]))
    return scale * (net - mu) / (sigma_sq + 1e-3) ** .5 + shift


def _conv_layer(net, num_filters):
    w = tf.Variable(tf.truncated_normal([3, 3, net.get_shape()[-1].value, num_filters], stddev=.1, seed=1))
    return tf.nn.relu(_instance_norm(tf.nn.conv2d(net, w, [1, 1, 1, 1], "SAME")))


def transform_net(image):
    return _conv_layer(_conv_layer(image, 4), 3)
'''


def test_the_refusal_names_the_uniquified_names() -> None:
    out = transform_source(_SOURCE, "transform.py")
    assert not out.functions
    messages = [d.message for d in out.diagnostics if d.code == "unsupported-call"]
    assert any("no argument names them" in m and "Variable_1" in m for m in messages), messages
