"""Optimizers over the variables of each network, found by scope."""
import tensorflow as tf

from losses import wgan_gp_losses


def build_train_ops(z, real, alpha, lr=1e-4):
    gen_cost, disc_cost = wgan_gp_losses(z, real, alpha)
    gen_params = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='generator')
    disc_params = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='critic')
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        gen_train_op = tf.train.AdamOptimizer(learning_rate=lr, beta1=0.5, beta2=0.9).minimize(
            gen_cost, var_list=gen_params)
    disc_train_op = tf.train.AdamOptimizer(learning_rate=lr, beta1=0.5, beta2=0.9).minimize(
        disc_cost, var_list=disc_params)
    return gen_cost, disc_cost, disc_train_op, gen_train_op
