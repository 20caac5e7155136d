import tensorflow as tf

from sagan import SAGAN, discriminator_loss


def build_d_train(real, fake):
    gan = SAGAN()
    real_logits, fake_logits = gan.gan_outputs(real, fake)
    d_loss = discriminator_loss(real_logits, fake_logits)
    t_vars = tf.trainable_variables()
    d_vars = [var for var in t_vars if 'discriminator' in var.name]
    d_optim = tf.train.AdamOptimizer(0.0004, beta1=0.0, beta2=0.9).minimize(d_loss, var_list=d_vars)
    return d_loss, d_optim
