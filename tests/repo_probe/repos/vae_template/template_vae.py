import tensorflow as tf

from layers import fc


def decoder_fn(z, n_out=5):
    h = fc(z, 6, 'h1', activation=tf.nn.relu)
    return fc(h, n_out, 'out')


def templated_decoder_outputs(z, z2):
    decode = tf.make_template('decoder', decoder_fn)
    return decode(z), decode(z2)


class ConvVAE(object):
    def __init__(self, n_z=2, n_out=5):
        self.n_z = n_z
        self.n_out = n_out

    def _encode(self, x):
        with tf.variable_scope('conv_vae/encoder', reuse=tf.AUTO_REUSE):
            h = fc(x, 6, 'fc1', activation=tf.nn.relu)
            return fc(h, 2 * self.n_z, 'params')

    def _decode(self, z):
        with tf.variable_scope('conv_vae/decoder', reuse=tf.AUTO_REUSE):
            return fc(z, self.n_out, 'fc_out')

    def reconstruct(self, x):
        params = self._encode(x)
        z_mean = params[:, :self.n_z]
        return self._decode(z_mean)

    def sample(self, z):
        return tf.sigmoid(self._decode(z))
