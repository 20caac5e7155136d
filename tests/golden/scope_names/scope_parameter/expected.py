import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.weights = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, x, output_size, stddev=0.02):
        if self.weights is None:
            self.weights = tf.Variable(tf.random_normal_initializer(stddev=stddev)([x.shape[1], output_size], dtype=tf.float32), name="weights")
        w = self.weights
        if self.biases is None:
            self.biases = tf.Variable(tf.zeros_initializer()([output_size], dtype=tf.float32), name="biases")
        b = self.biases
        return tf.matmul(x, w) + b


class TwoLayer(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.fc1 = Linear(name="fc1")
        self.fc2 = Linear(name="fc2")

    def __call__(self, x):
        h = tf.nn.relu(self.fc1(x, 8))
        return self.fc2(h, 2, stddev=0.1)
