import tensorflow as tf


def loss_fn(logits, labels):
    with tf.name_scope("loss"):
        return tf.reduce_mean(tf.square(logits - labels))


def metrics(x, name=None):
    with tf.name_scope(name or "metrics"):
        return tf.reduce_max(x)


def evaluate(logits, labels):
    with tf.name_scope("eval"):
        return loss_fn(logits, labels) + metrics(logits)
