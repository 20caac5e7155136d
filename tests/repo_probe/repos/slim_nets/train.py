import tensorflow as tf

import nets

slim = tf.contrib.slim


def build_logits(images):
    logits = nets.small_net(images, num_classes=4)
    return tf.nn.softmax(logits)


def build_loss(images, labels):
    logits = nets.small_net(images, num_classes=4)
    loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    return loss + tf.add_n(tf.losses.get_regularization_losses())


def main():
    images = tf.placeholder(tf.float32, [None, 8, 8, 1])
    labels = tf.placeholder(tf.int64, [None])
    total = build_loss(images, labels)
    optimizer = tf.train.GradientDescentOptimizer(0.1)
    return slim.learning.create_train_op(total, optimizer)
