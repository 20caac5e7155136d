import tensorflow as tf


def end_logits(output, start_features, is_training, hidden=6):
    """ALBERT's SQuAD head: the same named and unnamed layers in both arms of an if/else; one
    arm runs per call, so either may build them first (LayerNorm is the first of its name)."""
    with tf.variable_scope("end_logits"):
        if is_training:
            h = tf.layers.dense(tf.concat([output, start_features], -1), hidden,
                                activation=tf.tanh, name="dense_0")
            h = tf.contrib.layers.layer_norm(h, begin_norm_axis=-1)
            return tf.layers.dense(h, 1, name="dense_1")
        else:
            h = tf.layers.dense(tf.concat([output, output * 2.0], -1), hidden,
                                activation=tf.tanh, name="dense_0")
            h = tf.contrib.layers.layer_norm(h, begin_norm_axis=-1)
            return tf.layers.dense(h, 1, name="dense_1")


def affine_stack(x, depth, use_bias=True):
    """A variable first asked for in a loop and again after it: the loop may not turn."""
    with tf.variable_scope("stack"):
        for _ in range(depth):
            w = tf.get_variable("w", [x.shape[-1], x.shape[-1]])
            x = tf.nn.tanh(tf.matmul(x, w))
            tf.get_variable_scope().reuse_variables()
        w = tf.get_variable("w", [x.shape[-1], x.shape[-1]])
        return tf.matmul(x, w)


def gate(x, use_proj):
    """A variable each arm asks for with a shape of its own: whichever runs makes it."""
    with tf.variable_scope("gate"):
        if use_proj:
            n = x.shape[-1] * 2
            h = tf.concat([x, x], -1)
            w = tf.get_variable("w", [n, 3])
        else:
            h = x
            w = tf.get_variable("w", [x.shape[-1], 3], initializer=tf.ones_initializer())
        return tf.matmul(h, w)
