import tensorflow as tf


class Build(tf.Module):
    def __init__(self, name='autoencoder'):
        super().__init__(name=name)

    @tf.Module.with_name_scope
    def __call__(self, owner, x):
        code = owner.encoder(x)
        recon = owner.decoder(code, x.get_shape()[1].value)
        owner.loss = tf.reduce_mean(tf.square(recon - x))
        return recon, owner.loss


class Decoder(tf.Module):
    def __init__(self, name='decoder'):
        super().__init__(name=name)
        self.w1 = None
        self.w2 = None

    @tf.Module.with_name_scope
    def __call__(self, owner, code, output_size):
        if self.w1 is None:
            self.w1 = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([owner.code_size, owner.hidden_size], tf.float32), name="w1")
        w1 = self.w1
        if self.w2 is None:
            self.w2 = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([owner.hidden_size, output_size], tf.float32), name="w2")
        w2 = self.w2
        return tf.matmul(tf.nn.relu(tf.matmul(code, w1)), w2)


class Encoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.w1 = None
        self.w2 = None

    @tf.Module.with_name_scope
    def __call__(self, owner, x):
        if self.w1 is None:
            self.w1 = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[1], owner.hidden_size], tf.float32), name="w1")
        w1 = self.w1
        if self.w2 is None:
            self.w2 = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([owner.hidden_size, owner.code_size], tf.float32), name="w2")
        w2 = self.w2
        return tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)


class AutoEncoder(tf.Module):
    def __init__(self, hidden_size, code_size=3):
        super().__init__()
        self._encoder_module = None
        self._decoder_module = None
        self._build_module = None
        self.hidden_size = hidden_size
        self.code_size = code_size

    def encoder(self, x):
        if self._encoder_module is None:
            self._encoder_module = Encoder()
        return self._encoder_module(self, x)

    def decoder(self, code, output_size):
        if self._decoder_module is None:
            self._decoder_module = Decoder()
        return self._decoder_module(self, code, output_size)

    def build(self, x):
        if self._build_module is None:
            self._build_module = Build()
        return self._build_module(self, x)
