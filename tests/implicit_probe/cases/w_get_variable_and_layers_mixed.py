import tensorflow as tf


def attention(query, keys):
    with tf.variable_scope("attention"):
        v = tf.get_variable("v", [4], initializer=tf.random_normal_initializer(stddev=0.1))
        q = tf.layers.dense(query, 4, use_bias=False, name="query_layer")
        k = tf.layers.dense(keys, 4, use_bias=False, name="memory_layer")
        scores = tf.reduce_sum(v * tf.tanh(tf.expand_dims(q, 1) + k), axis=2)
        return tf.nn.softmax(scores)


PROBE = {"entry": "attention", "inputs": {"query": "float32[2,3]", "keys": "float32[2,5,3]"}}
