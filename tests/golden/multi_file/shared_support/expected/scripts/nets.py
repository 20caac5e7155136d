import tensorflow.compat.v1 as tf
from tf2_migrate_support import Dense


class Discriminator(tf.Module):
    def __init__(self, name='discriminator'):
        super().__init__(name=name)
        with self.name_scope:
            self.h0 = Dense(name="h0")
            self.h1 = Dense(name="h1")
            self.logit = Dense(name="logit")

    @tf.Module.with_name_scope
    def __call__(self, x):
        h = self.h0(x, 16, activation=tf.nn.leaky_relu)
        h = self.h1(h, 16, activation=tf.nn.leaky_relu)
        return self.logit(h, 1)
