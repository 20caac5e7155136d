import tensorflow as tf


def l2_regularizer(scale):
    def l2(weights):
        return scale * tf.nn.l2_loss(weights)
    return l2


def l1_regularizer(weights):
    return 1e-5 * tf.reduce_sum(tf.abs(weights))


class SparseAutoencoder(tf.Module):
    def __init__(self, name='sae'):
        super().__init__(name=name)
        self.w_enc = None
        self.w_enc_regularizer = None
        self.w_dec = None
        self.w_dec_regularizer = None

    @tf.Module.with_name_scope
    def __call__(self, x, code_size=3):
        d = x.get_shape()[-1].value
        if self.w_enc is None:
            self.w_enc = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([d, code_size], tf.float32), name="w_enc")
            self.w_enc_regularizer = l2_regularizer(1e-3)
        w_enc = self.w_enc
        if self.w_dec is None:
            self.w_dec = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([code_size, d], tf.float32), name="w_dec")
            self.w_dec_regularizer = l1_regularizer
        w_dec = self.w_dec
        code = tf.nn.relu(tf.matmul(x, w_enc))
        return tf.matmul(code, w_dec)

    def regularization_losses(self):
        """The REGULARIZATION_LOSSES TF1 collected for this module's own variables."""
        losses = []
        if self.w_enc is not None:
            losses.append(self.w_enc_regularizer(self.w_enc))
        if self.w_dec is not None:
            losses.append(self.w_dec_regularizer(self.w_dec))
        return [loss for loss in losses if loss is not None]
