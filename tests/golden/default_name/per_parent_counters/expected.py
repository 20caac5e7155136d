import tensorflow as tf


class Dense(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'dense')
        self.kernel = None

    @tf.Module.with_name_scope
    def __call__(self, x, units):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], units], tf.float32), name="kernel")
        w = self.kernel
        return tf.matmul(x, w)


class EncoderDecoder(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.encoder_dense = None
        self.encoder_dense_1 = None
        self.decoder_dense = None
        self.decoder_dense_1 = None

    def __call__(self, x):
        with tf.name_scope("encoder"):
            if self.encoder_dense is None:
                self.encoder_dense = Dense(name='dense')
            h = self.encoder_dense(x, 6)                # encoder/dense
            if self.encoder_dense_1 is None:
                self.encoder_dense_1 = Dense(name='dense_1')
            h = self.encoder_dense_1(h, 4)                # encoder/dense_1
        with tf.name_scope("decoder"):
            if self.decoder_dense is None:
                self.decoder_dense = Dense(name='dense')
            y = self.decoder_dense(h, 6)                # decoder/dense (counters are per parent)
            if self.decoder_dense_1 is None:
                self.decoder_dense_1 = Dense(name='dense_1')
            y = self.decoder_dense_1(y, x.get_shape()[-1].value)  # decoder/dense_1
        return y
