import tensorflow as tf


def feed_forward(x, d_ff, scope):
    with tf.variable_scope(scope):
        d_model = x.get_shape().as_list()[-1]
        h = tf.contrib.layers.fully_connected(x, d_ff, scope="ff1")
        h = tf.contrib.layers.fully_connected(h, d_model, activation_fn=None, scope="ff2")
        return tf.contrib.layers.layer_norm(x + h, begin_norm_axis=-1, begin_params_axis=-1)


def encoder(tokens, n_blocks=2, d_ff=12):
    with tf.variable_scope("encoder"):
        x = tf.contrib.layers.embed_sequence(tokens, vocab_size=10, embed_dim=8, scope="embed")
        for i in range(n_blocks):
            x = feed_forward(x, d_ff, "block_%d" % i)
        return x


PROBE = {"entry": "encoder", "inputs": {"tokens": "int32[2,5]"}}
