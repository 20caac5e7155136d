import tensorflow as tf


def encoder(x, widths=(6, 5)):
    with tf.variable_scope("encoder"):
        convs = [tf.layers.Conv1D(w, 3, padding="same", name="conv_%d" % i)
                 for i, w in enumerate(widths)]
        norms = [tf.layers.BatchNormalization(momentum=0.9) for _ in widths]
        h = x
        for i, conv in enumerate(convs):
            with tf.variable_scope("block_%d" % i):
                h = tf.nn.relu(conv(h))
        for norm in norms:
            h = norm(h, training=False)
        return tf.reduce_mean(h, axis=1)


PROBE = {"entry": "encoder", "inputs": {"x": "float32[2,7,3]"}}
