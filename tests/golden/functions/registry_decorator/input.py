import tensorflow as tf

NETWORKS = {}


def register(name):
    def _thunk(fn):
        NETWORKS[name] = fn
        return fn
    return _thunk


def fc(x, units, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.get_shape()[-1], units],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        b = tf.get_variable("b", [units], initializer=tf.constant_initializer(0.1))
        return tf.matmul(x, w) + b


@register("mlp")
def mlp(x, num_hidden=8):
    h = tf.nn.tanh(fc(x, num_hidden, "fc0"))
    return fc(h, 2, "fc1")


def policy(obs):
    with tf.variable_scope("pi"):
        return mlp(obs)
