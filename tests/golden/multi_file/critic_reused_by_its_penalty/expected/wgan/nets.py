import tensorflow as tf


class Critic(tf.Module):
    def __init__(self, name='critic'):
        super().__init__(name=name)
        self.w1 = None
        self.b1 = None
        self.w2 = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w1 is None:
            self.w1 = tf.Variable(tf.random_normal_initializer(stddev=0.1)([x.shape[-1], 8], dtype=tf.float32), name="w1")
        w1 = self.w1
        if self.b1 is None:
            self.b1 = tf.Variable(tf.zeros_initializer()([8], dtype=tf.float32), name="b1")
        b1 = self.b1
        h = tf.nn.leaky_relu(tf.matmul(x, w1) + b1)
        if self.w2 is None:
            self.w2 = tf.Variable(tf.random_normal_initializer(stddev=0.1)([8, 1], dtype=tf.float32), name="w2")
        w2 = self.w2
        return tf.matmul(h, w2)
