# Probe program kept out of cases/ (not migrated as a whole): refused (contrib/arg_scope): the arg_scope applies to slim.conv2d inside a helper called in the block; not converted yet.
import tensorflow as tf

slim = tf.contrib.slim


def residual_block(net, depth, scope):
    with tf.variable_scope(scope):
        shortcut = net
        net = slim.conv2d(net, depth, [3, 3], scope="conv1")
        net = slim.conv2d(net, depth, [3, 3], activation_fn=None, scope="conv2")
        return tf.nn.relu(net + shortcut)


def resnet(images, is_training, num_blocks=2):
    with tf.variable_scope("resnet"):
        with slim.arg_scope([slim.conv2d], padding="SAME", normalizer_fn=slim.batch_norm,
                            normalizer_params={"is_training": is_training, "decay": 0.9,
                                               "updates_collections": None},
                            weights_regularizer=slim.l2_regularizer(1e-4)):
            net = slim.conv2d(images, 4, [3, 3], scope="stem")
            for i in range(num_blocks):
                net = residual_block(net, 4, "block%d" % i)
        net = tf.reduce_mean(net, [1, 2])
        return slim.fully_connected(net, 3, activation_fn=None, scope="logits")


PROBE = {"entry": "resnet", "inputs": {"images": "float32[2,6,6,3]", "is_training": "bool[]"}}
