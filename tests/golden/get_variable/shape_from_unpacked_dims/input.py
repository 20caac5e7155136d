import tensorflow as tf


def shape_list(x):
    return x.get_shape().as_list()


def message_pass(node_states, edges):
    """tensor2tensor's dense_message_pass: a bias shaped by a dimension unpacked from a shape."""
    with tf.variable_scope("message_pass"):
        batch_size, num_nodes, node_dim = shape_list(node_states)
        kernel = tf.get_variable("kernel", shape=[node_dim, node_dim])
        message_bias = tf.get_variable("message_bias", shape=node_dim)
        h = tf.reshape(node_states, [-1, node_dim])
        return tf.matmul(h, kernel) + message_bias
