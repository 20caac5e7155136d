import tensorflow as tf
from ops import *


class Discriminator(tf.Module):
    def __init__(self, name='discriminator'):
        super().__init__(name=name)
        with self.name_scope:
            self.d_h0_lin = Linear(name="d_h0_lin")
            self.d_h1_lin = Linear(name="d_h1_lin")
            self.d_h2_lin = Linear(name="d_h2_lin")

    @tf.Module.with_name_scope
    def __call__(self, owner, x):
        h0 = tf.nn.relu(self.d_h0_lin(x, owner.dfc_dim))
        h1 = tf.nn.relu(owner.d_bn1(self.d_h1_lin(h0, owner.dfc_dim)))
        return self.d_h2_lin(h1, 1)


class DCGAN(tf.Module):
    def __init__(self, dfc_dim=8):
        super().__init__()
        self._discriminator_module = {}
        self.dfc_dim = dfc_dim
        self.d_bn1 = batch_norm(name="d_bn1")

    def discriminator(self, x, reuse=False):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._discriminator_module:
            self._discriminator_module[key] = Discriminator()
        return self._discriminator_module[key](self, x)


class GanLogits(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.gan = None

    def __call__(self, real, fake):
        if self.gan is None:
            self.gan = DCGAN()
        gan = self.gan
        return gan.discriminator(real), gan.discriminator(fake, reuse=True)
