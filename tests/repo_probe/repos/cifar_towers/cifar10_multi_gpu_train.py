"""Multi-tower training in the style of the CIFAR-10 multi-GPU tutorial: one tower per device under
name_scope('tower_%d'), variables shared by reuse_variables() after the first tower, gradients
averaged on the CPU."""
import tensorflow as tf

import cifar10

NUM_GPUS = 2


def tower_loss(scope, images, labels):
    logits = cifar10.inference(images)
    _ = cifar10.loss(logits, labels)
    losses = tf.get_collection('losses', scope)
    total_loss = tf.add_n(losses, name='total_loss')
    return total_loss


def average_gradients(tower_grads):
    average_grads = []
    for grad_and_vars in zip(*tower_grads):
        grads = []
        for g, _ in grad_and_vars:
            expanded_g = tf.expand_dims(g, 0)
            grads.append(expanded_g)
        grad = tf.concat(axis=0, values=grads)
        grad = tf.reduce_mean(grad, 0)
        v = grad_and_vars[0][1]
        average_grads.append((grad, v))
    return average_grads


def build_train_op(images, labels, lr=0.1):
    with tf.device('/cpu:0'):
        opt = tf.train.GradientDescentOptimizer(lr)
        image_splits = tf.split(images, NUM_GPUS)
        label_splits = tf.split(labels, NUM_GPUS)
        tower_grads = []
        with tf.variable_scope(tf.get_variable_scope()):
            for i in range(NUM_GPUS):
                with tf.device('/cpu:0'):
                    with tf.name_scope('%s_%d' % (cifar10.TOWER_NAME, i)) as scope:
                        loss = tower_loss(scope, image_splits[i], label_splits[i])
                        tf.get_variable_scope().reuse_variables()
                        grads = opt.compute_gradients(loss)
                        tower_grads.append(grads)
        grads = average_gradients(tower_grads)
        apply_gradient_op = opt.apply_gradients(grads)
        return loss, apply_gradient_op
