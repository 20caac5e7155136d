import tensorflow as tf


def mixed(seq, vol, is_training):
    with tf.variable_scope("mixed"):
        conv = tf.layers.Conv1D(6, 3, padding="same", activation=tf.nn.relu, name="c1")
        bn = tf.layers.BatchNormalization(momentum=0.9, name="bn")
        h = bn(conv(seq), training=is_training)
        s = tf.layers.separable_conv1d(h, 4, 3, depth_multiplier=2, name="sep1d")
        c1 = tf.contrib.layers.conv1d(seq, 3, 2, scope="contrib_c1")
        c3 = tf.contrib.layers.conv3d(vol, 2, [2, 2, 2], activation_fn=None, scope="contrib_c3")
        return tf.reduce_mean(s, 1), tf.reduce_mean(c1, 1), tf.reduce_mean(c3, [1, 2, 3])


PROBE = {"entry": "mixed", "inputs": {"seq": "float32[2,7,3]", "vol": "float32[2,3,4,3,2]",
                                      "is_training": "bool[]"}}
