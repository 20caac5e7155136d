import tensorflow as tf


class InitZoo(tf.Module):
    def __init__(self, name='zoo'):
        super().__init__(name=name)
        self.normal = None
        self.uniform = None
        self.truncated = None
        self.glorot = None
        self.glorot_normal = None
        self.scaled = None
        self.ortho = None
        self.zeros = None
        self.ones = None
        self.const = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        d = x.get_shape()[-1].value
        if self.normal is None:
            self.normal = tf.Variable(tf.random_normal_initializer(0.0, 0.5)([d, 3], dtype=tf.float32), name="normal")
        a = self.normal
        if self.uniform is None:
            self.uniform = tf.Variable(tf.random_uniform_initializer(-0.2, 0.2)([d, 3], dtype=tf.float32), name="uniform")
        b = self.uniform
        if self.truncated is None:
            self.truncated = tf.Variable(tf.truncated_normal_initializer(stddev=0.1)([d, 3], dtype=tf.float32), name="truncated")
        c = self.truncated
        if self.glorot is None:
            self.glorot = tf.Variable(tf.glorot_uniform_initializer()([d, 3], dtype=tf.float32), name="glorot")
        e = self.glorot
        if self.glorot_normal is None:
            self.glorot_normal = tf.Variable(tf.glorot_normal_initializer()([d, 3], dtype=tf.float32), name="glorot_normal")
        f = self.glorot_normal
        if self.scaled is None:
            self.scaled = tf.Variable(tf.variance_scaling_initializer(scale=2.0)([d, 3], dtype=tf.float32), name="scaled")
        g = self.scaled
        if self.ortho is None:
            self.ortho = tf.Variable(tf.orthogonal_initializer()([d, 3], dtype=tf.float32), name="ortho")
        h = self.ortho
        if self.zeros is None:
            self.zeros = tf.Variable(tf.zeros_initializer()([3], dtype=tf.float32), name="zeros")
        z = self.zeros
        if self.ones is None:
            self.ones = tf.Variable(tf.ones_initializer()([3], dtype=tf.float32), name="ones")
        o = self.ones
        if self.const is None:
            self.const = tf.Variable(tf.constant_initializer([1.0, 2.0, 3.0])([3], dtype=tf.float32), name="const")
        k = self.const
        w = a + b + c + e + f + g + h
        return tf.matmul(x, w) * o + z + k
