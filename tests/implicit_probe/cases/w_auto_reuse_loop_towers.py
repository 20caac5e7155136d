import tensorflow as tf


def towers(x, num_towers=3):
    outs = []
    for i in range(num_towers):
        with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
            h = tf.layers.dense(x[i], 5, activation=tf.nn.relu, name="fc")
            outs.append(tf.contrib.layers.fully_connected(h, 2, activation_fn=None, scope="logits"))
    return outs


PROBE = {"entry": "towers", "inputs": {"x": "float32[3,2,4]"}}
