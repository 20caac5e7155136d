"""The other tower idiom: variable_scope(tf.get_variable_scope(), reuse=i > 0) around each tower,
the towers' logits concatenated."""
import tensorflow as tf

import cifar10


def tower_logits(images, num_towers=2):
    splits = tf.split(images, num_towers)
    outputs = []
    for i in range(num_towers):
        with tf.device('/cpu:0'), tf.name_scope('tower_%d' % i):
            with tf.variable_scope(tf.get_variable_scope(), reuse=i > 0):
                outputs.append(cifar10.inference(splits[i]))
    return tf.concat(outputs, axis=0)


def tower_logits_in_scope(images):
    with tf.variable_scope('model'):
        first = cifar10.inference(images)
    with tf.variable_scope('model', reuse=True):
        second = cifar10.inference(images * 2.0)
    return first, second
