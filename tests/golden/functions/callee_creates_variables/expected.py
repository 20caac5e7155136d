import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.matrix = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_size):
        shape = input_.shape.as_list()
        if self.matrix is None:
            self.matrix = tf.Variable(tf.random_normal_initializer(stddev=0.02)([shape[1], output_size], dtype=tf.float32), name="Matrix")
        matrix = self.matrix
        if self.bias is None:
            self.bias = tf.Variable(tf.constant_initializer(0.0)([output_size], dtype=tf.float32), name="bias")
        bias = self.bias
        return tf.matmul(input_, matrix) + bias


class Mlp(tf.Module):
    def __init__(self, name='mlp'):
        super().__init__(name=name)
        with self.name_scope:
            self.hidden = Linear(name="hidden")
            self.logits = Linear(name="logits")

    @tf.Module.with_name_scope
    def __call__(self, x):
        h = tf.nn.relu(self.hidden(x, 8))
        return self.logits(h, 2)
