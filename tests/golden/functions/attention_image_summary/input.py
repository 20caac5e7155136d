import tensorflow as tf


def attention(queries, keys, num_units, scope="attention"):
    """Kyubyong-style attention that logs its weights as an image summary."""
    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
        q = tf.matmul(queries, tf.get_variable("wq", [queries.shape[-1], num_units]))
        k = tf.matmul(keys, tf.get_variable("wk", [keys.shape[-1], num_units]))
        weights = tf.nn.softmax(tf.matmul(q, k, transpose_b=True))
        tf.summary.image("attention", tf.expand_dims(weights[:, None, :], -1))
        tf.summary.histogram("attention_weights", weights)
        return tf.matmul(weights, k)
