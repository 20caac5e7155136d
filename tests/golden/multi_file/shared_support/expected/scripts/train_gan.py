import tensorflow.compat.v1 as tf

import nets
from tf2_migrate_support import Dense


class Generator(tf.Module):
    def __init__(self, name='generator'):
        super().__init__(name=name)
        with self.name_scope:
            self.h0 = Dense(name="h0")
            self.out = Dense(name="out")

    @tf.Module.with_name_scope
    def __call__(self, z, out_dim=6):
        h = self.h0(z, 16, activation=tf.nn.relu)
        return self.out(h, out_dim, activation=tf.tanh)


class GanLosses(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.generator = Generator()
        self.discriminator = nets.Discriminator()

    def __call__(self, z, real):
        fake = self.generator(z, out_dim=6)
        d_real = self.discriminator(real)
        d_fake = self.discriminator(fake)
        return tf.reduce_mean(d_real) - tf.reduce_mean(d_fake)
