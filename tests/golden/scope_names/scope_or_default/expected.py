import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'Linear')
        self.matrix = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_size, stddev=0.02, bias_start=0.0):
        shape = input_.shape.as_list()
        if self.matrix is None:
            self.matrix = tf.Variable(tf.random_normal_initializer(stddev=stddev)([shape[1], output_size], dtype=tf.float32), name="Matrix")
        matrix = self.matrix
        if self.bias is None:
            self.bias = tf.Variable(tf.constant_initializer(bias_start)([output_size], dtype=tf.float32), name="bias")
        bias = self.bias
        return tf.matmul(input_, matrix) + bias


class Generator(tf.Module):
    def __init__(self, name='generator'):
        super().__init__(name=name)
        with self.name_scope:
            self.linear = Linear()
            self.g_out = Linear(name="g_out")

    @tf.Module.with_name_scope
    def __call__(self, z):
        h0 = tf.nn.relu(self.linear(z, 8))
        return tf.nn.tanh(self.g_out(h0, 4, bias_start=0.5))
