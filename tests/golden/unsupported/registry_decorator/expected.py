import tensorflow as tf

_NETWORKS = {}


def register(name):
    def _register(fn):
        _NETWORKS[name] = fn
        return fn
    return _register


@register("mlp")
def mlp(x, units=4):
    with tf.compat.v1.variable_scope("mlp"):
        w = tf.compat.v1.get_variable("w", [x.get_shape()[-1], units])
        return tf.matmul(x, w)


def build(x, network="mlp"):
    return _NETWORKS[network](x)
