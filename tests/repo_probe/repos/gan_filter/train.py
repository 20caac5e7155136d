import tensorflow as tf

from model import gan_losses


def build_train_ops(z, x, lr=0.1):
    d_loss, g_loss = gan_losses(z, x)
    t_vars = tf.trainable_variables()
    d_vars = [v for v in t_vars if 'd_' in v.name]
    g_vars = [v for v in t_vars if 'g_' in v.name]
    d_opt = tf.train.GradientDescentOptimizer(lr).minimize(d_loss, var_list=d_vars)
    g_opt = tf.train.GradientDescentOptimizer(lr).minimize(g_loss, var_list=g_vars)
    return d_loss, g_loss, d_opt, g_opt
