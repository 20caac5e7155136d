import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'Linear')
        self.matrix = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_size, stddev=0.02, with_w=False):
        shape = input_.shape.as_list()
        if self.matrix is None:
            self.matrix = tf.Variable(tf.random_normal_initializer(stddev=stddev)([shape[1], output_size], dtype=tf.float32), name="Matrix")
        matrix = self.matrix
        if self.bias is None:
            self.bias = tf.Variable(tf.constant_initializer(0.0)([output_size], dtype=tf.float32), name="bias")
        bias = self.bias
        if with_w:
            return tf.matmul(input_, matrix) + bias, matrix, bias
        return tf.matmul(input_, matrix) + bias


class BuildModel(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)

    def __call__(self, owner, z, images):
        owner.G = owner.generator(z)
        owner.D_logits = owner.discriminator(images)
        owner.S = owner.sampler(z)
        owner.D_logits_ = owner.discriminator(owner.G, reuse=True)
        return owner.G, owner.S, owner.D_logits, owner.D_logits_


class Discriminator(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.d_h0_lin = Linear(name='d_h0_lin')
        self.d_h1_lin = Linear(name='d_h1_lin')

    def __call__(self, owner, image):
        h0 = tf.nn.relu(self.d_h0_lin(image, owner.df_dim))
        return self.d_h1_lin(h0, 1)


class Generator(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.g_h0_lin = Linear(name='g_h0_lin')
        self.g_h1_lin = Linear(name='g_h1_lin')

    def __call__(self, owner, z):
        owner.z_, owner.h0_w, owner.h0_b = self.g_h0_lin(z, owner.gf_dim * 2, with_w=True)
        h0 = tf.nn.relu(owner.z_)
        return tf.nn.tanh(self.g_h1_lin(h0, 6))


class Sampler(tf.Module):
    def __init__(self, generator, name=None):
        super().__init__(name=name)
        self.generator = generator  # DCGAN.generator's module: its variables are reused

    def __call__(self, owner, z):
        h0 = tf.nn.relu(self.generator.g_h0_lin(z, owner.gf_dim * 2))
        return tf.nn.tanh(self.generator.g_h1_lin(h0, 6))


class DCGAN(tf.Module):
    """The 2016 DCGAN-tensorflow: no scopes of their own; the sampler reuses its caller's scope."""

    def __init__(self, gf_dim=4, df_dim=4):
        super().__init__()
        self._discriminator_module = {}
        self._generator_module = {}
        self._sampler_module = {}
        self._build_model_module = {}
        self.gf_dim = gf_dim
        self.df_dim = df_dim

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

    def sampler(self, z):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._sampler_module:
            self._sampler_module[key] = Sampler(self._generator_module[key])
        return self._sampler_module[key](self, z)

    def build_model(self, z, images):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._build_model_module:
            self._build_model_module[key] = BuildModel()
        return self._build_model_module[key](self, z, images)
