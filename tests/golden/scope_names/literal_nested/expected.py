import tensorflow as tf


class Tower(tf.Module):
    def __init__(self, name='tower'):
        super().__init__(name=name)
        self.conv1_kernel = None
        self.conv2_kernel = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        with tf.name_scope("conv1"):
            if self.conv1_kernel is None:
                self.conv1_kernel = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([3, 3, 1, 2], tf.float32), name="kernel")
            k1 = self.conv1_kernel
            y = tf.nn.relu(tf.nn.conv2d(x, k1, [1, 1, 1, 1], "SAME"))
        with tf.name_scope("conv2"):
            if self.conv2_kernel is None:
                self.conv2_kernel = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([3, 3, 2, 2], tf.float32), name="kernel")
            k2 = self.conv2_kernel
            y = tf.nn.relu(tf.nn.conv2d(y, k2, [1, 1, 1, 1], "SAME"))
        return tf.reduce_mean(y, axis=[1, 2])
