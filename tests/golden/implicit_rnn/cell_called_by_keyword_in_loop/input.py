import tensorflow as tf


class CaptionGenerator(object):
    """show-attend-and-tell: the LSTM cell called by keyword, at each step, inside a
    `variable_scope('lstm', reuse=(t != 0))` the loop enters again."""

    def __init__(self, dim_feature=6, dim_hidden=5, n_time_step=3):
        self.D = dim_feature
        self.H = dim_hidden
        self.T = n_time_step

    def _get_initial_lstm(self, features):
        with tf.variable_scope('initial_lstm'):
            features_mean = tf.reduce_mean(features, 1)
            w_h = tf.get_variable('w_h', [self.D, self.H])
            b_h = tf.get_variable('b_h', [self.H], initializer=tf.constant_initializer(0.0))
            h = tf.nn.tanh(tf.matmul(features_mean, w_h) + b_h)
            w_c = tf.get_variable('w_c', [self.D, self.H])
            b_c = tf.get_variable('b_c', [self.H], initializer=tf.constant_initializer(0.0))
            c = tf.nn.tanh(tf.matmul(features_mean, w_c) + b_c)
            return c, h

    def _decode_lstm(self, h, reuse=False):
        with tf.variable_scope('logits', reuse=reuse):
            w = tf.get_variable('w', [self.H, 4])
            return tf.matmul(h, w)

    def build_model(self, features, x):
        c, h = self._get_initial_lstm(features=features)
        lstm_cell = tf.nn.rnn_cell.BasicLSTMCell(num_units=self.H)
        logits = []
        for t in range(self.T):
            with tf.variable_scope('lstm', reuse=(t != 0)):
                _, (c, h) = lstm_cell(inputs=tf.concat([x[:, t, :], h], 1), state=[c, h])
            logits.append(self._decode_lstm(h, reuse=(t != 0)))
        return tf.stack(logits, 1)
