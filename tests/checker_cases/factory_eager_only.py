"""BROKEN under tf.function only: Dense reads a tensor value in Python (.numpy())."""
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
        scale = float(tf.reduce_max(tf.abs(x)).numpy()) * 0.0 + 1.0  # eager-only
        return (tf.matmul(x, self.w) + self.b) * scale


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
        if self._encode_module is None:
            self._encode_module = Encode(self.units)
        return self._encode_module(x)


def build_model(x, y, units=3):
    model = Model(units)
    return model.encode(x), model.encode(y)
