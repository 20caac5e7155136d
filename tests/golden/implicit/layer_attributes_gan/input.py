import tensorflow as tf


class Generator(object):
    def __init__(self, name="generator"):
        self.name = name
        self.fc = tf.layers.Dense(4 * 4 * 8)
        self.deconv = tf.layers.Conv2DTranspose(4, 5, strides=2, padding="same")
        self.bn = tf.layers.BatchNormalization()

    def __call__(self, z, training=True):
        with tf.variable_scope(self.name, reuse=tf.AUTO_REUSE):
            h = tf.reshape(self.fc(z), [-1, 4, 4, 8])
            h = tf.nn.relu(self.bn(self.deconv(h), training=training))
            return tf.tanh(h)


class Critic(object):
    """Encoder and decoder halves, each in its own scope, shared by real and fake images."""

    def __init__(self, code_size=3):
        self.enc = tf.layers.Conv2D(code_size, 3, strides=2, activation=tf.nn.leaky_relu,
                                    name="enc")
        self.dec = tf.layers.Dense(1, name="dec")

    def encode(self, x):
        with tf.variable_scope("encoder"):
            return tf.layers.flatten(self.enc(x))

    def decode(self, code):
        with tf.variable_scope("decoder"):
            return self.dec(code)

    def __call__(self, x):
        with tf.variable_scope("critic", reuse=tf.AUTO_REUSE):
            return self.decode(self.encode(x))


def build(z, images):
    generator = Generator()
    critic = Critic()
    fake = generator(z)
    return critic(images), critic(fake)
