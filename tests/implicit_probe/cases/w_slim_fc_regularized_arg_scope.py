import tensorflow as tf

slim = tf.contrib.slim


def policy(obs, num_actions=3):
    with tf.variable_scope("policy"):
        with slim.arg_scope([slim.fully_connected], activation_fn=tf.nn.relu,
                            weights_regularizer=slim.l2_regularizer(0.01),
                            biases_initializer=tf.constant_initializer(0.1)):
            net = slim.fully_connected(obs, 8, scope="fc1")
            net = slim.fully_connected(net, 8, scope="fc2")
            logits = slim.fully_connected(net, num_actions, activation_fn=None, scope="logits")
        return tf.nn.softmax(logits), logits


PROBE = {"entry": "policy", "inputs": {"obs": "float32[4,5]"}}
