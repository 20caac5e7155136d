import tensorflow as tf


def softmax_cross_entropy(logits, labels, label_smoothing=0.1):
    num_classes = tf.shape(logits)[-1]
    onehot = tf.one_hot(labels, num_classes)
    smooth = onehot * (1.0 - label_smoothing) + label_smoothing / tf.cast(num_classes, tf.float32)
    with tf.name_scope("xent"):
        log_probs = tf.nn.log_softmax(logits)
        return -tf.reduce_mean(tf.reduce_sum(smooth * log_probs, axis=-1))


def gelu(x):
    return 0.5 * x * (1.0 + tf.tanh(0.7978845608 * (x + 0.044715 * tf.pow(x, 3))))


def masked_mean(values, mask):
    mask = tf.cast(mask, values.dtype)
    return tf.reduce_sum(values * mask) / tf.maximum(tf.reduce_sum(mask), 1.0)
