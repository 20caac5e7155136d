import tensorflow as tf


class MixedPrecisionStats(tf.Module):
    def __init__(self, name='stats'):
        super().__init__(name=name)
        self.total = None
        self.count = None
        self.scale = None
        self.bucket_ids = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.total is None:
            self.total = tf.Variable(tf.zeros_initializer()([3], dtype=tf.float64), name="total", trainable=False)
        total = self.total
        if self.count is None:
            self.count = tf.Variable(tf.zeros([], tf.int32), name="count", trainable=False)
        count = self.count
        if self.scale is None:
            self.scale = tf.Variable(tf.constant_initializer(2.0)([3], dtype=tf.float64), name="scale")
        scale64 = self.scale
        if self.bucket_ids is None:
            self.bucket_ids = tf.Variable(tf.constant_initializer(7)([3], dtype=tf.int64), name="bucket_ids", trainable=False)
        bucket_ids = self.bucket_ids
        y = tf.cast(x, tf.float64) * scale64 + total
        return y, count + 1, bucket_ids
