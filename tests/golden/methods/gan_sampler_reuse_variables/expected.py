import tensorflow as tf


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class BatchNormCall(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope_beta = {}
        self.scope_gamma = {}

    def __call__(self, owner, x, train=True):
        with _tf1_scope(owner.scope_name):
            n = x.shape[-1]
            if owner.scope_name not in self.scope_beta:
                self.scope_beta[owner.scope_name] = tf.Variable(tf.constant_initializer(0.0)([n], dtype=tf.float32), name="beta")
            beta = self.scope_beta[owner.scope_name]
            if owner.scope_name not in self.scope_gamma:
                self.scope_gamma[owner.scope_name] = tf.Variable(tf.random_normal_initializer(1.0, 0.02)([n], dtype=tf.float32), name="gamma")
            gamma = self.scope_gamma[owner.scope_name]
            mean, var = tf.nn.moments(x, [0, 1, 2] if len(x.shape) == 4 else [0])
            return tf.nn.batch_normalization(x, mean, var, beta, gamma, owner.epsilon)


class batch_norm(tf.Module):
    """Batch statistics only (no moving averages): the sampler's outputs do not depend on the
    order TF1 ran the generator's updates in."""

    def __init__(self, epsilon=1e-5, name="batch_norm"):
        super().__init__()
        self._call_module = {}
        self.epsilon = epsilon
        self.scope_name = name

    def __call__(self, x, train=True):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._call_module:
            self._call_module[key] = BatchNormCall()
        return self._call_module[key](self, x, train)


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'Linear')
        self.matrix = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_size, stddev=0.02, bias_start=0.0):
        shape = input_.shape.as_list()
        if self.matrix is None:
            self.matrix = tf.Variable(tf.random_normal_initializer(stddev=stddev)([shape[1], output_size], dtype=tf.float32), name="Matrix")
        matrix = self.matrix
        if self.bias is None:
            self.bias = tf.Variable(tf.constant_initializer(bias_start)([output_size], dtype=tf.float32), name="bias")
        bias = self.bias
        return tf.matmul(input_, matrix) + bias


class Deconv2d(tf.Module):
    def __init__(self, name="deconv2d"):
        super().__init__(name=name)
        self.w = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_shape, k_h=5, k_w=5, d_h=2, d_w=2, stddev=0.02):
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(stddev=stddev)([k_h, k_w, output_shape[-1], input_.shape[-1]], dtype=tf.float32), name='w')
        w = self.w
        deconv = tf.nn.conv2d_transpose(input_, w, output_shape=output_shape, strides=[1, d_h, d_w, 1])
        if self.biases is None:
            self.biases = tf.Variable(tf.constant_initializer(0.0)([output_shape[-1]], dtype=tf.float32), name='biases')
        biases = self.biases
        return tf.nn.bias_add(deconv, biases)


class BuildModel(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)

    def __call__(self, owner, z, inputs):
        owner.G = owner.generator(z)
        owner.D, owner.D_logits = owner.discriminator(inputs)
        owner.S = owner.sampler(z)
        owner.D_, owner.D_logits_ = owner.discriminator(owner.G, reuse=True)
        t_vars = list(owner.trainable_variables)
        owner.d_vars = [var for var in t_vars if 'd_' in var.name]
        owner.g_vars = [var for var in t_vars if 'g_' in var.name]
        d_sum = tf.add_n([tf.reduce_sum(v) for v in owner.d_vars])
        g_sum = tf.add_n([tf.reduce_sum(v) for v in owner.g_vars])
        return owner.G, owner.S, owner.D_logits, owner.D_logits_, d_sum, g_sum


class Discriminator(tf.Module):
    def __init__(self, name='discriminator'):
        super().__init__(name=name)
        with self.name_scope:
            self.d_h0_lin = Linear(name='d_h0_lin')
            self.d_h1_lin = Linear(name='d_h1_lin')
            self.d_h2_lin = Linear(name='d_h2_lin')

    @tf.Module.with_name_scope
    def __call__(self, owner, image):
        h0 = lrelu(self.d_h0_lin(tf.reshape(image, [owner.batch_size, -1]), owner.df_dim * 2))
        h1 = lrelu(owner.d_bn1(self.d_h1_lin(h0, owner.df_dim)))
        h2 = self.d_h2_lin(h1, 1)
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
        h0 = tf.reshape(self.g_h0_lin(z, owner.gf_dim * 2 * 2 * 2), [-1, 2, 2, owner.gf_dim * 2])
        h0 = tf.nn.relu(owner.g_bn0(h0))
        h1 = self.g_h1(h0, [owner.batch_size, 4, 4, owner.gf_dim])
        h1 = tf.nn.relu(owner.g_bn1(h1))
        h2 = self.g_h2(h1, [owner.batch_size, 8, 8, owner.c_dim])
        return tf.nn.tanh(h2)


class Sampler(tf.Module):
    def __init__(self, generator, name='generator'):
        super().__init__(name=name)
        self.generator = generator  # DCGAN.generator's module: its variables are reused

    def __call__(self, owner, z):
        with self.generator.name_scope:
            h0 = tf.reshape(self.generator.g_h0_lin(z, owner.gf_dim * 2 * 2 * 2), [-1, 2, 2, owner.gf_dim * 2])
            h0 = tf.nn.relu(owner.g_bn0(h0, train=False))
            h1 = self.generator.g_h1(h0, [owner.batch_size, 4, 4, owner.gf_dim])
            h1 = tf.nn.relu(owner.g_bn1(h1, train=False))
            h2 = self.generator.g_h2(h1, [owner.batch_size, 8, 8, owner.c_dim])
            return tf.nn.tanh(h2)


class DCGAN(tf.Module):
    def __init__(self, batch_size=4, gf_dim=4, df_dim=4, c_dim=3):
        super().__init__()
        self._discriminator_module = {}
        self._generator_module = {}
        self._sampler_module = {}
        self._build_model_module = {}
        self.batch_size = batch_size
        self.gf_dim = gf_dim
        self.df_dim = df_dim
        self.c_dim = c_dim
        self.d_bn1 = batch_norm(name='d_bn1')
        self.g_bn0 = batch_norm(name='g_bn0')
        self.g_bn1 = batch_norm(name='g_bn1')

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

    def build_model(self, z, inputs):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._build_model_module:
            self._build_model_module[key] = BuildModel()
        return self._build_model_module[key](self, z, inputs)
