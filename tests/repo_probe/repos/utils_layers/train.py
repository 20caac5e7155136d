import tensorflow as tf

import model
import utils as U


def train_logits(images):
    return model.classifier(images, training=True)


def features(images):
    with tf.variable_scope('features'):
        return U.dense_block(tf.layers.flatten(images), 6, 'proj')


def residual_stack(x):
    with tf.variable_scope('stack'):
        for i in range(2):
            x = U.residual_dense(x, 'res%d' % i)
        return x


def main():
    images = tf.placeholder(tf.float32, [None, 8, 8, 2])
    labels = tf.placeholder(tf.int32, [None])
    logits = train_logits(images)
    loss = tf.losses.sparse_softmax_cross_entropy(labels, logits)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        return tf.train.AdamOptimizer().minimize(loss)
