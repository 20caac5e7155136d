import tensorflow as tf
# Kyubyong's transformer: the attention helper opens a reusable variable scope around ops and a
# dropout only (no variables: a name scope); the block calling it makes the variables


def scaled_dot_product_attention(Q, K, V, dropout_rate=0., training=True, scope="scaled_dot_product_attention"):
    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
        d_k = Q.get_shape().as_list()[-1]
        outputs = tf.matmul(Q, tf.transpose(K, [0, 2, 1])) / d_k ** 0.5
        outputs = tf.nn.softmax(outputs)
        outputs = tf.layers.dropout(outputs, rate=dropout_rate, training=training)
        return tf.matmul(outputs, V)


def pooled_summary(x, scope="summary"):
    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
        h = tf.layers.max_pooling1d(x, 2, 2)
        return tf.layers.flatten(h)


def attention_block(x, num_units=4, scope="attention_block"):
    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
        q = tf.layers.dense(x, num_units)
        k = tf.layers.dense(x, num_units)
        v = tf.layers.dense(x, num_units)
        out = scaled_dot_product_attention(q, k, v, training=False)
        return tf.layers.dense(pooled_summary(out), 2)
