import tensorflow as tf


class RidgeLayer(tf.Module):
    def __init__(self, name='ridge'):
        super().__init__(name=name)
        self.weights = None
        self.weights_regularizer = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, x, units=3, weight_decay=1e-4):
        if self.weights is None:
            self.weights = tf.Variable(tf.truncated_normal_initializer(stddev=0.1)([x.get_shape()[-1], units], dtype=tf.float32), name="weights")
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
