import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


NETWORKS = {}


def register(name):
    def _thunk(fn):
        NETWORKS[name] = fn
        return fn
    return _thunk


class Fc(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, units):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([x.shape[-1], units], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.constant_initializer(0.1)([units], dtype=tf.float32), name="b")
        b = self.b
        return tf.matmul(x, w) + b


def fc(x, units, scope):
    with tf.compat.v1.variable_scope(scope):
        w = tf.compat.v1.get_variable("w", [x.get_shape()[-1], units],
                            initializer=tf.compat.v1.truncated_normal_initializer(stddev=0.1))
        b = tf.compat.v1.get_variable("b", [units], initializer=tf.compat.v1.constant_initializer(0.1))
        return tf.matmul(x, w) + b


class Mlp(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.fc0 = Fc(name="fc0")
        self.fc1 = Fc(name="fc1")

    def __call__(self, x, num_hidden=8):
        h = tf.nn.tanh(self.fc0(x, num_hidden))
        return self.fc1(h, 2)


@register("mlp")
def mlp(x, num_hidden=8):
    h = tf.nn.tanh(fc(x, num_hidden, "fc0"))
    return fc(h, 2, "fc1")


class Policy(tf.Module):
    def __init__(self, name='pi'):
        super().__init__(name=name)
        with self.name_scope:
            self.mlp = Mlp()

    @tf.Module.with_name_scope
    def __call__(self, obs):
        return self.mlp(obs)
