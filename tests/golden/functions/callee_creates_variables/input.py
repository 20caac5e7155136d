import tensorflow as tf


def linear(input_, output_size, scope):
    shape = input_.get_shape().as_list()
    with tf.variable_scope(scope):
        matrix = tf.get_variable("Matrix", [shape[1], output_size], tf.float32,
                                 tf.random_normal_initializer(stddev=0.02))
        bias = tf.get_variable("bias", [output_size],
                               initializer=tf.constant_initializer(0.0))
        return tf.matmul(input_, matrix) + bias


def mlp(x):
    with tf.variable_scope("mlp"):
        h = tf.nn.relu(linear(x, 8, "hidden"))
        return linear(h, 2, "logits")
