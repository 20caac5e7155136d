import tensorflow as tf

from model import discriminator, transformer_lm


def lm_loss(inp, target, use_tpu=False):
    logits = transformer_lm(inp, use_tpu=use_tpu)
    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=target, logits=logits)
    return tf.reduce_mean(loss)


def gan_d_outputs(real, fake):
    d_real, d_real_logits = discriminator(real)
    d_fake, d_fake_logits = discriminator(fake, reuse=True)
    return d_real_logits, d_fake_logits


def plain_d(real):
    return discriminator(real, activation=tf.nn.relu, norm_fn=lambda x, scope: x)
