import tensorflow as tf

from ops import *


class BuildModel(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)

    def __call__(self, owner, z, images):
        owner.G = owner.generator(z)
        owner.D, owner.D_logits = owner.discriminator(images, reuse=False)
        owner.sampler = owner.sampler_net(z)
        owner.D_, owner.D_logits_ = owner.discriminator(owner.G, reuse=True)

        t_vars = list(owner.trainable_variables)
        owner.d_vars = [var for var in t_vars if 'd_' in var.name]
        owner.g_vars = [var for var in t_vars if 'g_' in var.name]
        d_total = tf.add_n([tf.reduce_sum(v) for v in owner.d_vars])
        g_total = tf.add_n([tf.reduce_sum(v) for v in owner.g_vars])
        return owner.G, owner.sampler, owner.D_logits, owner.D_logits_, d_total, g_total


class Discriminator(tf.Module):
    def __init__(self, name='discriminator'):
        super().__init__(name=name)
        with self.name_scope:
            self.d_h0_conv = Conv2d(name='d_h0_conv')
            self.d_h1_conv = Conv2d(name='d_h1_conv')
            self.d_h2_lin = Linear(name='d_h2_lin')

    @tf.Module.with_name_scope
    def __call__(self, owner, image):
        h0 = lrelu(self.d_h0_conv(image, owner.df_dim))
        h1 = lrelu(owner.d_bn1(self.d_h1_conv(h0, owner.df_dim * 2)))
        h2 = self.d_h2_lin(tf.reshape(h1, [owner.batch_size, -1]), 1)
        return tf.nn.sigmoid(h2), h2


class Generator(tf.Module):
    def __init__(self, name='generator'):
        super().__init__(name=name)
        with self.name_scope:
            self.g_h0_lin = Linear(name='g_h0_lin')
            self.g_h1 = Deconv2d(name='g_h1')
            self.g_h2 = Deconv2d(name='g_h2')

    @tf.Module.with_name_scope
    def __call__(self, owner, z):
        s2, s4 = int(owner.output_size / 2), int(owner.output_size / 4)
        owner.z_ = self.g_h0_lin(z, owner.gf_dim * 2 * s4 * s4)
        h0 = tf.nn.relu(owner.g_bn0(tf.reshape(owner.z_, [-1, s4, s4, owner.gf_dim * 2])))
        h1 = self.g_h1(h0, [owner.batch_size, s2, s2, owner.gf_dim])
        h1 = tf.nn.relu(owner.g_bn1(h1))
        h2 = self.g_h2(h1, [owner.batch_size, owner.output_size, owner.output_size, owner.c_dim])
        return tf.nn.tanh(h2)


class SamplerNet(tf.Module):
    def __init__(self, generator, name='generator'):
        super().__init__(name=name)
        self.generator = generator  # DCGAN.generator's module: its variables are reused

    def __call__(self, owner, z):
        with self.generator.name_scope:
            s2, s4 = int(owner.output_size / 2), int(owner.output_size / 4)
            h0 = tf.reshape(self.generator.g_h0_lin(z, owner.gf_dim * 2 * s4 * s4), [-1, s4, s4, owner.gf_dim * 2])
            h0 = tf.nn.relu(owner.g_bn0(h0, train=False))
            h1 = self.generator.g_h1(h0, [owner.batch_size, s2, s2, owner.gf_dim])
            h1 = tf.nn.relu(owner.g_bn1(h1, train=False))
            h2 = self.generator.g_h2(h1, [owner.batch_size, owner.output_size, owner.output_size, owner.c_dim])
            return tf.nn.tanh(h2)


class DCGAN(tf.Module):
    def __init__(self, batch_size=2, output_size=8, gf_dim=4, df_dim=4, c_dim=3):
        super().__init__()
        self._build_model_module = {}
        self._discriminator_module = {}
        self._generator_module = {}
        self._sampler_net_module = {}
        self.batch_size = batch_size
        self.output_size = output_size
        self.gf_dim = gf_dim
        self.df_dim = df_dim
        self.c_dim = c_dim

        self.d_bn1 = batch_norm(name='d_bn1')
        self.g_bn0 = batch_norm(name='g_bn0')
        self.g_bn1 = batch_norm(name='g_bn1')

    def build_model(self, z, images):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._build_model_module:
            self._build_model_module[key] = BuildModel()
        return self._build_model_module[key](self, z, images)

    def discriminator(self, image, reuse=False):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._discriminator_module:
            self._discriminator_module[key] = Discriminator()
        return self._discriminator_module[key](self, image)

    def generator(self, z):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._generator_module:
            self._generator_module[key] = Generator()
        return self._generator_module[key](self, z)

    def sampler_net(self, z):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._sampler_net_module:
            self._sampler_net_module[key] = SamplerNet(self._generator_module[key])
        return self._sampler_net_module[key](self, z)
