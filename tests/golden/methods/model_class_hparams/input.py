import tensorflow as tf


class AutoEncoder(object):
    def __init__(self, hidden_size, code_size=3):
        self.hidden_size = hidden_size
        self.code_size = code_size

    def encoder(self, x):
        with tf.variable_scope("encoder"):
            w1 = tf.get_variable("w1", [x.get_shape()[1], self.hidden_size])
            w2 = tf.get_variable("w2", [self.hidden_size, self.code_size])
            return tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)

    def decoder(self, code, output_size):
        with tf.variable_scope("decoder"):
            w1 = tf.get_variable("w1", [self.code_size, self.hidden_size])
            w2 = tf.get_variable("w2", [self.hidden_size, output_size])
            return tf.matmul(tf.nn.relu(tf.matmul(code, w1)), w2)

    def build(self, x):
        with tf.variable_scope("autoencoder"):
            code = self.encoder(x)
            recon = self.decoder(code, x.get_shape()[1].value)
            self.loss = tf.reduce_mean(tf.square(recon - x))
            return recon, self.loss
