import tensorflow as tf


def stem(inputs):
    with tf.variable_scope("stem"):
        net = tf.layers.conv2d(inputs=inputs, filters=8, kernel_size=(3, 3), strides=(2, 2),
                               padding="SAME", activation=tf.nn.relu, use_bias=False,
                               kernel_initializer=tf.variance_scaling_initializer(),
                               name="conv")
        net = tf.layers.batch_normalization(net, axis=3, momentum=0.9, epsilon=1e-5, center=True,
                                            scale=False, training=True, name="bn")
        return net


PROBE = {"entry": "stem", "inputs": {"inputs": "float32[4,8,8,3]"}}
