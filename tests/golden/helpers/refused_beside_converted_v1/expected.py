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


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'linear')
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x, n):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([x.shape[1], n], dtype=tf.float32), name="w")
        w = self.w
        return tf.matmul(x, w)


def tower(x):
    with tf.compat.v1.variable_scope("tower"):
        h = tf.compat.v1.layers.Dense(4, name="d")(x)
        return tf.nn.relu(h) * tf.compat.v1.to_float(tf.shape(x)[0])


class Model(tf.Module):
    def __init__(self, name='model'):
        super().__init__(name=name)
        self.b_a = None
        with self.name_scope:
            self.a = Linear(name="a")

    @tf.Module.with_name_scope
    def __call__(self, x):
        a = self.a(x, 3)
        with _tf1_scope("b"):
            if self.b_a is None:
                with tf.init_scope():
                    self.b_a = Linear(name="a")
            b = self.b_a(x, 3)
        return a + b
