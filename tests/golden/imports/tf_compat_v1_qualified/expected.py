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


class SharedProjection(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.proj_w = None

    def __call__(self, x, y):
        with _tf1_scope("proj"):
            if self.proj_w is None:
                self.proj_w = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([x.shape[-1], 3], dtype=tf.float32), name="w")
            w = self.proj_w
            px = tf.matmul(x, w)
        with _tf1_scope("proj"):
            w2 = self.proj_w
            py = tf.matmul(y, w2)
        return px - py
