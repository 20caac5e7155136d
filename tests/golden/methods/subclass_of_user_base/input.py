import tensorflow as tf
from six.moves import range


def dense(x, num_units, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.shape[-1], num_units])
        b = tf.get_variable("b", [num_units], initializer=tf.zeros_initializer())
        return tf.nn.relu(tf.matmul(x, w) + b)


class BaseModel(object):
    def __init__(self, num_units, num_layers=2):
        self.num_units = num_units
        self.num_layers = num_layers


class Encoder(BaseModel):
    def build(self, x):
        with tf.variable_scope("encoder"):
            for i in range(self.num_layers):
                x = dense(x, self.num_units, "layer_%d" % i)
            return x
