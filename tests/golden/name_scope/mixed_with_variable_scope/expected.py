import tensorflow as tf


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class BatchStatsLayer(tf.Module):
    def __init__(self, name='bn'):
        super().__init__(name=name)
        self.gamma = None
        self.num_batches = None
        self.moving_mean = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        dim = x.shape[-1]
        if self.gamma is None:
            self.gamma = tf.Variable(tf.ones_initializer()([dim], dtype=tf.float32), name="gamma")
        gamma = self.gamma
        with tf.name_scope("moments"):
            mean, var = tf.nn.moments(x, [0])
            if self.num_batches is None:
                self.num_batches = tf.Variable(0, name="num_batches", trainable=False, dtype=tf.int32)
            step = self.num_batches
        with _tf1_scope("moving"):
            if self.moving_mean is None:
                self.moving_mean = tf.Variable(tf.zeros_initializer()([dim], dtype=tf.float32), name="mean", trainable=False)
            moving_mean = self.moving_mean
        y = gamma * (x - mean) / tf.sqrt(var + 1e-3)
        return y, moving_mean, step
