import tensorflow as tf


def model(x):
    h = tf.layers.dense(x, 6, activation=tf.nn.relu, name="fc1")
    return tf.layers.dense(h, 2, name="fc2")


def towers(batch_a, batch_b):
    outputs = []
    for i, batch in enumerate([batch_a, batch_b]):
        with tf.variable_scope(tf.get_variable_scope(), reuse=i > 0):
            with tf.name_scope("tower_%d" % i):
                outputs.append(model(batch))
    return outputs


PROBE = {"entry": "towers", "inputs": {"batch_a": "float32[2,4]", "batch_b": "float32[3,4]"}}
