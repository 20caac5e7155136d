import numpy as np
import tensorflow as tf

from model import DCGAN


def build_gan(z, images):
    dcgan = DCGAN()
    G = dcgan.generator(z)
    D, D_logits = dcgan.discriminator(images)
    D_, D_logits_ = dcgan.discriminator(G, reuse=True)
    return G, D_logits, D_logits_


def main():
    z = tf.placeholder(tf.float32, [2, 6], name='z')
    images = tf.placeholder(tf.float32, [2, 8, 8, 1], name='real_images')
    G, d_real, d_fake = build_gan(z, images)
    d_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=d_real, labels=tf.ones_like(d_real)))
    t_vars = tf.trainable_variables()
    d_vars = [var for var in t_vars if 'd_' in var.name]
    d_optim = tf.train.AdamOptimizer(0.0002, beta1=0.5).minimize(d_loss, var_list=d_vars)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(d_optim, {z: np.zeros([2, 6]), images: np.zeros([2, 8, 8, 1])})


if __name__ == '__main__':
    main()
