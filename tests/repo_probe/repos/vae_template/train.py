import tensorflow as tf

from template_vae import ConvVAE
from vae import vae_loss


def build_train_op(x, eps, learning_rate=0.01):
    loss = vae_loss(x, eps)
    optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate)
    return loss, optimizer.minimize(loss)


def reconstruct_then_sample(x, z):
    model = ConvVAE()
    return model.reconstruct(x), model.sample(z)
