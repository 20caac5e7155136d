import tensorflow as tf


def norms(x):
    with tf.variable_scope("norms"):
        a = tf.contrib.layers.layer_norm(x, center=False, scope="ln_scale_only")
        b = tf.contrib.layers.layer_norm(x, begin_norm_axis=1, begin_params_axis=-1, scope="ln_axis1")
        c = tf.contrib.layers.layer_norm(x, activation_fn=tf.nn.relu, scale=False)
        return a, b, c


PROBE = {"entry": "norms", "inputs": {"x": "float32[2,3,4]"}}
