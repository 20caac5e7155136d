import tensorflow as tf


def self_attention(x, d_model=6):
    q = tf.layers.dense(x, d_model, use_bias=False, name="q")
    k = tf.layers.dense(x, d_model, use_bias=False, name="k")
    v = tf.layers.dense(x, d_model, use_bias=False, name="v")
    w = tf.nn.softmax(tf.matmul(q, k, transpose_b=True) / (d_model ** 0.5))
    return tf.layers.dense(tf.matmul(w, v), d_model, name="o")


def transformer(x, num_blocks=2):
    with tf.variable_scope("transformer"):
        for i in range(num_blocks):
            with tf.variable_scope("block_{}".format(i)):
                with tf.variable_scope("attn"):
                    x = tf.contrib.layers.layer_norm(x + self_attention(x))
                with tf.variable_scope("ffn"):
                    h = tf.layers.dense(x, 12, activation=tf.nn.relu)
                    x = tf.contrib.layers.layer_norm(x + tf.layers.dense(h, 6))
        return x


PROBE = {"entry": "transformer", "inputs": {"x": "float32[2,3,6]"}}
