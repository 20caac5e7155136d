import tensorflow as tf


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class Tower(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.w = None
        self.b = None

    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(stddev=0.1)([x.shape[-1], 3], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([3], dtype=tf.float32), name="b")
        b = self.b
        return tf.nn.relu(tf.matmul(x, w) + b)


class Siamese(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.siamese_tower = None

    def __call__(self, left, right):
        with _tf1_scope("siamese"):
            if self.siamese_tower is None:
                with tf.init_scope():
                    self.siamese_tower = Tower()
            out_left = self.siamese_tower(left)
        with _tf1_scope("siamese"):
            out_right = self.siamese_tower(right)
        return tf.reduce_sum(tf.abs(out_left - out_right), axis=1)
