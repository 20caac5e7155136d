import tensorflow as tf


class DCGAN(object):
    """carpedm20-style DCGAN: contrib batch_norm (updates_collections=None) + tf.layers."""

    def __init__(self, gf_dim=4, df_dim=4, batch_size=2):
        self.gf_dim = gf_dim
        self.df_dim = df_dim
        self.batch_size = batch_size

    def bn(self, x, name, train=True):
        return tf.contrib.layers.batch_norm(x, decay=0.9, updates_collections=None, epsilon=1e-5,
                                            scale=True, is_training=train, scope=name)

    def generator(self, z):
        with tf.variable_scope("generator"):
            h0 = tf.layers.dense(z, 2 * 2 * self.gf_dim * 2, name="g_h0_lin")
            h0 = tf.nn.relu(self.bn(tf.reshape(h0, [-1, 2, 2, self.gf_dim * 2]), "g_bn0"))
            h1 = tf.layers.conv2d_transpose(h0, self.gf_dim, 5, strides=2, padding="same", name="g_h1")
            h1 = tf.nn.relu(self.bn(h1, "g_bn1"))
            h2 = tf.layers.conv2d_transpose(h1, 3, 5, strides=2, padding="same", name="g_h2")
            return tf.nn.tanh(h2)

    def discriminator(self, image, reuse=False):
        with tf.variable_scope("discriminator") as scope:
            if reuse:
                scope.reuse_variables()
            h0 = tf.nn.leaky_relu(tf.layers.conv2d(image, self.df_dim, 5, strides=2, padding="same", name="d_h0_conv"))
            h1 = tf.layers.conv2d(h0, self.df_dim * 2, 5, strides=2, padding="same", name="d_h1_conv")
            h1 = tf.nn.leaky_relu(self.bn(h1, "d_bn1"))
            h2 = tf.layers.dense(tf.reshape(h1, [self.batch_size, -1]), 1, name="d_h2_lin")
            return tf.nn.sigmoid(h2), h2

    def build(self, z, images):
        fake = self.generator(z)
        d_real, d_real_logits = self.discriminator(images)
        d_fake, d_fake_logits = self.discriminator(fake, reuse=True)
        return fake, d_real_logits, d_fake_logits


PROBE = {"entry": "DCGAN.build", "init_args": {"gf_dim": 4, "df_dim": 4, "batch_size": 2},
         "inputs": {"z": "float32[2,5]", "images": "float32[2,8,8,3]"}}
