import tensorflow as tf


class TwoAccumulators(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.acc = None
        self.acc_1 = None
        self.scale = None

    def __call__(self, x):
        with tf.name_scope("accumulators"):
            if self.acc is None:
                self.acc = tf.Variable(tf.zeros([3]), name="acc", trainable=False)
            # TF1 uniquifies: accumulators/acc and accumulators/acc_1
            acc_sum = self.acc
            if self.acc_1 is None:
                self.acc_1 = tf.Variable(tf.zeros([3]), name='acc_1', trainable=False)
            acc_sq = self.acc_1
            if self.scale is None:
                self.scale = tf.Variable(tf.ones([3]), name="scale")
            scale = self.scale
        s = acc_sum + tf.reduce_sum(x, axis=0)
        q = acc_sq + tf.reduce_sum(tf.square(x), axis=0)
        return scale * (q - tf.square(s) / 2.0)
