import tensorflow as tf
# RL policy heads name their layers by scope paths ('policy/pi', '%s/vf' % name): TF1 opens
# every part (policy/pi/Matrix), and no tf.Module takes a name with a '/'


def linear(x, output_size, scope=None):
    with tf.variable_scope(scope or "Linear"):
        matrix = tf.get_variable("Matrix", [x.get_shape()[1], output_size], tf.float32)
        bias = tf.get_variable("bias", [output_size], initializer=tf.zeros_initializer())
        return tf.matmul(x, matrix) + bias


def heads(x):
    return linear(x, 2, scope="policy/pi"), linear(x, 1, scope="policy/vf")


def named_heads(x, name):
    pi = linear(x, 2, scope="%s/pi" % name)
    vf = linear(x, 1, scope=name + "/vf")
    return pi, vf


def actor_critic(x):
    with tf.variable_scope("model"):
        h = tf.nn.tanh(linear(x, 4, scope="shared/fc1"))
        return heads(h)
