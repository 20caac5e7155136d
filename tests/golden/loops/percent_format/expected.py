import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class Mlp(tf.Module):
    def __init__(self, name='mlp'):
        super().__init__(name=name)
        self.h_w = {}
        self.h_b = {}

    @tf.Module.with_name_scope
    def __call__(self, x, hidden_sizes=(8, 6, 4)):
        h = x
        for i, size in enumerate(hidden_sizes):
            with _tf1_scope("h%d" % i):
                if "h%d" % i not in self.h_w:
                    self.h_w["h%d" % i] = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([h.shape[-1], size], dtype=tf.float32), name="w")
                w = self.h_w["h%d" % i]
                if "h%d" % i not in self.h_b:
                    self.h_b["h%d" % i] = tf.Variable(tf.zeros_initializer()([size], dtype=tf.float32), name="b")
                b = self.h_b["h%d" % i]
                h = tf.nn.relu(tf.matmul(h, w) + b)
        return h
