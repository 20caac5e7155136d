"""Legacy side of the checker's function-mode cases (TF1 graph code, DCGAN style).

Entry point: build(z, images); z float32[2,8], images float32[2,16].
Covers: a shared discriminator (reuse_variables), AUTO_REUSE under two parents (two variables),
a non-trainable variable, a float64 variable, get_variable's implicit glorot initializer.
"""
import tensorflow as tf


def linear(input_, output_size, scope=None, stddev=0.02, bias_start=0.0):
    shape = input_.get_shape().as_list()
    with tf.variable_scope(scope or "Linear"):
        matrix = tf.get_variable("Matrix", [shape[1], output_size], tf.float32,
                                 tf.random_normal_initializer(stddev=stddev))
        bias = tf.get_variable("bias", [output_size],
                               initializer=tf.constant_initializer(bias_start))
        return tf.matmul(input_, matrix) + bias


def position_table(dim):
    with tf.variable_scope("shared_embedding", reuse=tf.AUTO_REUSE):
        return tf.get_variable("table", [dim, dim])  # implicit glorot_uniform


def generator(z):
    with tf.variable_scope("generator"):
        with tf.variable_scope("encoder"):
            e = tf.matmul(z, position_table(8))
        with tf.variable_scope("decoder"):
            d = tf.matmul(tf.nn.tanh(e), position_table(8))
        scale = tf.get_variable("scale", [8], initializer=tf.ones_initializer(),
                                trainable=False)
        temperature = tf.get_variable("temperature", [], tf.float64,
                                      initializer=tf.constant_initializer(1.0))
        h = tf.nn.tanh(linear(d, 16, "g_h0_lin")) * scale[0]
        return h / tf.cast(temperature, tf.float32)


def discriminator(image, reuse=False):
    with tf.variable_scope("discriminator") as scope:
        if reuse:
            scope.reuse_variables()
        h0 = tf.nn.leaky_relu(linear(image, 6, "d_h0_lin"), 0.2)
        return linear(h0, 1, "d_h1_lin")


def build(z, images):
    fake = generator(z)
    return discriminator(images), discriminator(fake, reuse=True)
