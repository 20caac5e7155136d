import tensorflow as tf

import nets


def build_classifier(images, labels):
    logits = nets.resnet_small(images, num_classes=5)
    with tf.variable_scope('aux'):
        aux = nets.fc(tf.reduce_mean(images, axis=[1, 2]), 5, name='head', activation=tf.nn.tanh)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits + aux))
    return logits, loss
