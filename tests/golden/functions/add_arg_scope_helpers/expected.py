import tensorflow as tf


class Dense(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, width, init_scale=1.0):
        n_in = int(x.shape[1])
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(0, 0.05 * init_scale)([n_in, width], dtype=tf.float32), name="W")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([1, width], dtype=tf.float32), name="b")
        b = self.b
        return tf.matmul(x, w) + b


class Encoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        with self.name_scope:
            self.fc1 = Dense(name="fc1")
            self.fc2 = Dense(name="fc2")

    @tf.Module.with_name_scope
    def __call__(self, x, width=8):
        h = tf.nn.relu(self.fc1(x=x, width=width))
        return self.fc2(x=h, width=2)
