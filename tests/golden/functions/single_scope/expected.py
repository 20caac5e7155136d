import tensorflow as tf


class FullyConnected(tf.Module):
    def __init__(self, name='fc'):
        super().__init__(name=name)
        self.weights = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.weights is None:
            self.weights = tf.Variable(tf.random_normal_initializer(stddev=0.02)([16, 8], dtype=tf.float32), name="weights")
        w = self.weights
        if self.biases is None:
            self.biases = tf.Variable(tf.constant_initializer(0.0)([8], dtype=tf.float32), name="biases")
        b = self.biases
        h = tf.nn.relu(tf.matmul(x, w) + b)
        return tf.nn.dropout(h, rate=1 - 1.0)
