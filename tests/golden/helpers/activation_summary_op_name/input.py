import re

import tensorflow as tf

TOWER_NAME = "tower"


def _activation_summary(x):
    # CIFAR-10 style: strip the tower prefix from the op name for the summary tag
    tensor_name = re.sub("%s_[0-9]*/" % TOWER_NAME, "", x.op.name)
    tf.summary.histogram(tensor_name + "/activations", x)
    tf.summary.scalar(tensor_name + "/sparsity", tf.nn.zero_fraction(x))


def inference(images):
    with tf.variable_scope("local3") as scope:
        weights = tf.get_variable("weights", [images.get_shape()[-1], 4],
                                  initializer=tf.truncated_normal_initializer(stddev=0.04))
        local3 = tf.nn.relu(tf.matmul(images, weights), name=scope.name)
        _activation_summary(local3)
    with tf.variable_scope("softmax_linear") as scope:
        weights = tf.get_variable("weights", [4, 2],
                                  initializer=tf.truncated_normal_initializer(stddev=0.25))
        logits = tf.matmul(local3, weights, name=scope.name)
        _activation_summary(logits)
    return logits
