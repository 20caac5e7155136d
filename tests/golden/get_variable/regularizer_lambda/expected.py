import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class RidgeLayer(tf.Module):
    def __init__(self, name='ridge'):
        super().__init__(name=name)
        self.weights = None
        self.weights_regularizer = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, x, units=3, weight_decay=1e-4):
        if self.weights is None:
            self.weights = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([x.shape[-1], units], dtype=tf.float32), name="weights")
            self.weights_regularizer = lambda w: weight_decay * tf.reduce_sum(tf.square(w))
        w = self.weights
        if self.biases is None:
            self.biases = tf.Variable(tf.zeros_initializer()([units], dtype=tf.float32), name="biases")
        b = self.biases
        return tf.matmul(x, w) + b

    def regularization_losses(self):
        """The REGULARIZATION_LOSSES TF1 collected for this module's own variables."""
        losses = []
        if self.weights is not None:
            losses.append(self.weights_regularizer(self.weights))
        return [loss for loss in losses if loss is not None]
