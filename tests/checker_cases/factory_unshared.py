"""BROKEN: Model.encode builds a new encoder per call (the two calls no longer share)."""
import tensorflow as tf


class Dense(tf.Module):
    def __init__(self, units, name=None):
        super().__init__(name=name)
        self.units = units
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(
                tf.random_normal_initializer(stddev=0.5)([x.shape[-1], self.units], tf.float32),
                name="w")
            self.b = tf.Variable(tf.constant_initializer(0.1)([self.units], tf.float32), name="b")
        return tf.matmul(x, self.w) + self.b


class Encode(tf.Module):
    def __init__(self, units, name="encoder"):
        super().__init__(name=name)
        with self.name_scope:
            self.h0 = Dense(units, name="h0")
            self.h1 = Dense(units, name="h1")

    @tf.Module.with_name_scope
    def __call__(self, x):
        return self.h1(tf.nn.relu(self.h0(x)))


class Model(tf.Module):
    def __init__(self, units):
        super().__init__()
        self.units = units
        self._encode_module = None

    def encode(self, x):
        if True:  # BROKEN: a new module per call
            self._encode_module = Encode(self.units)
        return self._encode_module(x)


def build_model(x, y, units=3):
    model = Model(units)
    return model.encode(x), model.encode(y)
