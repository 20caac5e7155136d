import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'linear')
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, n):
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(stddev=0.02)([x.shape[-1], n], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([n], dtype=tf.float32), name="b")
        b = self.b
        return tf.matmul(x, w) + b


def linear(x, n, scope=None):
    with tf.compat.v1.variable_scope(scope or "linear"):
        w = tf.compat.v1.get_variable("w", [x.get_shape()[-1], n], initializer=tf.compat.v1.random_normal_initializer(stddev=0.02))
        b = tf.compat.v1.get_variable("b", [n], initializer=tf.compat.v1.zeros_initializer())
        return tf.matmul(x, w) + b


class Mlp(tf.Module):
    def __init__(self, name="mlp"):
        super().__init__(name=name)
        self.fc = {}

    @tf.Module.with_name_scope
    def __call__(self, x, sizes):
        for i, n in enumerate(sizes):
            if "fc%d" % i not in self.fc:
                with tf.init_scope():
                    self.fc["fc%d" % i] = Linear(name="fc%d" % i)
            x = tf.nn.relu(self.fc["fc%d" % i](x, n))
        return x
