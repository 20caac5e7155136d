import tensorflow as tf


class Discriminator(object):
    def __init__(self, name, num_class):
        self.name = name
        self._num_class = num_class
        self._reuse = False

    def __call__(self, images):
        with tf.variable_scope(self.name, reuse=self._reuse):
            if not self._reuse:
                print("building " + self.name)
            h = tf.layers.conv2d(images, 4, 3, strides=2, padding="same", name="conv1")
            h = tf.nn.leaky_relu(h)
            h = tf.reshape(h, [int(h.shape[0]), -1])
            w = tf.get_variable("w", [int(h.shape[-1]), self._num_class + 1],
                                initializer=tf.truncated_normal_initializer(stddev=0.02))
            logits = tf.matmul(h, w)
            self._reuse = True
            return tf.nn.sigmoid(logits), logits


def discriminate(real, fake):
    D = Discriminator("Discriminator", 3)
    d_real, d_real_logits = D(real)
    d_fake, d_fake_logits = D(fake)
    return d_real_logits - d_fake_logits
