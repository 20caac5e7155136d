import tensorflow as tf


def _weight(name, shape, stddev):
    return tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))


def inference(images):
    # Every layer block names its output op after its scope (the CIFAR-10 tutorial's layout).
    with tf.variable_scope("local3") as scope:
        weights = _weight("weights", [images.get_shape()[-1], 6], 0.04)
        biases = tf.get_variable("biases", [6], initializer=tf.constant_initializer(0.1))
        local3 = tf.nn.relu(tf.matmul(images, weights) + biases, name=scope.name)
    with tf.variable_scope("local4") as scope:
        weights = _weight("weights", [6, 4], 0.04)
        biases = tf.get_variable("biases", [4], initializer=tf.constant_initializer(0.1))
        local4 = tf.nn.relu(tf.matmul(local3, weights) + biases, name=scope.name)
    with tf.variable_scope("softmax_linear") as scope:
        weights = _weight("weights", [4, 3], 1 / 4.0)
        logits = tf.add(tf.matmul(local4, weights), 0.0, name=scope.name)
    return logits
