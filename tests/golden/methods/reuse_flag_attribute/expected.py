import tensorflow as tf


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
        with tf.name_scope(owner.scope_name):
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
        if scope not in self._score_module:
            self._score_module[scope] = Score()
        return self._score_module[scope](self, x)

    def compare(self, real, fake):
        scope = tf.get_current_name_scope()
        if scope not in self._compare_module:
            self._compare_module[scope] = Compare()
        return self._compare_module[scope](self, real, fake)
