import tensorflow as tf


class Rnn(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.rnn_cell_w_x = None
        self.rnn_cell_w_h = None
        self.rnn_cell_b = None

    def __call__(self, inputs, num_units=5):
        steps = tf.unstack(inputs, axis=1)
        state = tf.zeros([tf.shape(inputs)[0], num_units])
        outputs = []
        for t, x in enumerate(steps):
            with tf.name_scope("rnn_cell"):
                if self.rnn_cell_w_x is None:
                    self.rnn_cell_w_x = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], num_units], tf.float32), name="w_x")
                w_x = self.rnn_cell_w_x
                if self.rnn_cell_w_h is None:
                    self.rnn_cell_w_h = tf.Variable(tf.orthogonal_initializer()([num_units, num_units], dtype=tf.float32), name="w_h")
                w_h = self.rnn_cell_w_h
                if self.rnn_cell_b is None:
                    self.rnn_cell_b = tf.Variable(tf.zeros_initializer()([num_units], dtype=tf.float32), name="b")
                b = self.rnn_cell_b
                state = tf.tanh(tf.matmul(x, w_x) + tf.matmul(state, w_h) + b)
                outputs.append(state)
        return tf.stack(outputs, axis=1), state
