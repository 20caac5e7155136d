import tensorflow as tf


class BuildEncoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.w = None
        self.stats_mean = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], 4], tf.float32), name="w")
        w = self.w
        h = tf.matmul(x, w)
        with tf.name_scope("stats"):
            if self.stats_mean is None:
                self.stats_mean = tf.Variable(tf.zeros_initializer()([4], dtype=tf.float32), name="mean", trainable=False)
            mean = self.stats_mean
        return h - mean, scope.name


class EncodePair(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope_name_w = {}
        self.encoder = BuildEncoder()

    def __call__(self, x1, x2):
        h1, scope_name = self.encoder(x1)
        with tf.name_scope(scope_name):
            if scope_name not in self.scope_name_w:
                self.scope_name_w[scope_name] = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x2.get_shape()[-1], 4], tf.float32), name="w")
            w = self.scope_name_w[scope_name]
        return h1, tf.matmul(x2, w)
