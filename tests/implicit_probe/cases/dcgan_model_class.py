import tensorflow as tf


class DCGAN(object):
    def __init__(self, gf_dim=4, df_dim=4):
        self.gf_dim = gf_dim
        self.df_dim = df_dim

    def generator(self, z, is_training=True):
        with tf.variable_scope("generator"):
            h = tf.layers.dense(z, 2 * 2 * self.gf_dim * 2, name="g_h0_lin")
            h = tf.reshape(h, [-1, 2, 2, self.gf_dim * 2])
            h = tf.nn.relu(tf.contrib.layers.batch_norm(h, is_training=is_training, scale=True,
                                                        decay=0.9, epsilon=1e-5, scope="g_bn0"))
            h = tf.layers.conv2d_transpose(h, self.gf_dim, 5, 2, padding="same", name="g_h1")
            return tf.nn.tanh(h)

    def discriminator(self, image, reuse=False):
        with tf.variable_scope("discriminator", reuse=reuse):
            h = tf.layers.conv2d(image, self.df_dim, 5, 2, padding="same", name="d_h0_conv")
            h = tf.nn.leaky_relu(h)
            return tf.layers.dense(tf.layers.flatten(h), 1, name="d_h1_lin")

    def build(self, z, images):
        fake = self.generator(z)
        return self.discriminator(images), self.discriminator(fake, reuse=True)


PROBE = {"entry": "DCGAN.build", "init_args": {"gf_dim": 4, "df_dim": 4},
         "inputs": {"z": "float32[2,3]", "images": "float32[2,4,4,4]"}}
