import tensorflow as tf


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class Compare(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)

    def __call__(self, owner, real, fake):
        d_real = owner.score(real)
        d_fake = owner.score(fake)
        return tf.reduce_mean(d_real - d_fake)


class Score(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope_w = {}
        self.scope_b = {}

    def __call__(self, owner, x):
        with _tf1_scope(owner.scope_name):
            if owner.scope_name not in self.scope_w:
                self.scope_w[owner.scope_name] = tf.Variable(tf.random_normal_initializer(stddev=0.02)([x.shape[-1], 1], dtype=tf.float32), name="w")
            w = self.scope_w[owner.scope_name]
            if owner.scope_name not in self.scope_b:
                self.scope_b[owner.scope_name] = tf.Variable(tf.constant_initializer(0.0)([1], dtype=tf.float32), name="b")
            b = self.scope_b[owner.scope_name]
        owner.reuse = True
        return tf.matmul(x, w) + b


class Discriminator(tf.Module):
    def __init__(self, name="discriminator"):
        super().__init__()
        self._score_module = {}
        self._compare_module = {}
        self.scope_name = name
        self.reuse = False

    def score(self, x):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._score_module:
            self._score_module[key] = Score()
        return self._score_module[key](self, x)

    def compare(self, real, fake):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._compare_module:
            self._compare_module[key] = Compare()
        return self._compare_module[key](self, real, fake)
