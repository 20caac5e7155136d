import tensorflow as tf

slim = tf.contrib.slim


def mlp(x, hidden_sizes=(16, 8), reuse=False):
    """baselines-style MLP: unnamed layers over a list of sizes, then an output layer
    (TF1: dense, dense_1 for the sizes, dense_2 for the output)."""
    with tf.variable_scope("mlp", reuse=reuse):
        for size in hidden_sizes:
            x = tf.layers.dense(x, size, activation=tf.nn.relu)
        return tf.layers.dense(x, 1)


def encoder(image):
    """slim convolutions and fully connected layers over literal lists."""
    with tf.variable_scope("encoder"):
        net = image
        for depth in [4, 8]:
            net = slim.conv2d(net, depth, [3, 3], stride=2)
        net = slim.flatten(net)
        for units, act in zip([12, 6], [tf.nn.relu, tf.nn.tanh]):
            net = slim.fully_connected(net, units, activation_fn=act)
        return net


def model(x, image):
    return mlp(x), mlp(x, reuse=True), encoder(image)
