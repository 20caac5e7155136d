import tensorflow as tf


def inference(images):
    with tf.variable_scope("fc1"):
        w = tf.get_variable("weights", [images.get_shape()[1], 8],
                            initializer=tf.truncated_normal_initializer(stddev=0.05))
        b = tf.get_variable("biases", [8], initializer=tf.constant_initializer(0.1))
        h = tf.nn.relu(tf.matmul(images, w) + b)
    with tf.variable_scope("fc2"):
        w = tf.get_variable("weights", [8, 3], initializer=tf.truncated_normal_initializer(stddev=0.05))
        return tf.matmul(h, w)


def multi_tower(images_a, images_b):
    # CIFAR-10 multi-GPU style: towers in name scopes share variables by reuse
    losses = []
    for i, images in enumerate([images_a, images_b]):
        with tf.name_scope("tower_%d" % i):
            logits = inference(images)
            losses.append(tf.reduce_mean(logits))
            tf.get_variable_scope().reuse_variables()
    return tf.add_n(losses)
