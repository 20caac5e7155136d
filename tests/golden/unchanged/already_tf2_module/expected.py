import tensorflow as tf


class Dense(tf.Module):
    def __init__(self, in_features, out_features, name=None):
        super().__init__(name=name)
        self.w = tf.Variable(tf.random.normal([in_features, out_features]), name="w")
        self.b = tf.Variable(tf.zeros([out_features]), name="b")

    def __call__(self, x):
        return tf.nn.relu(tf.matmul(x, self.w) + self.b)


class MLP(tf.Module):
    def __init__(self, sizes=(4, 8, 2), name="mlp"):
        super().__init__(name=name)
        with self.name_scope:
            self.layers = [Dense(a, b, name="dense_%d" % i)
                           for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]))]

    @tf.Module.with_name_scope
    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
