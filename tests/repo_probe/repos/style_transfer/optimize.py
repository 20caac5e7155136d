"""The training graph: content loss against the input under a name scope, total variation, Adam."""
import tensorflow as tf

import transform

CONTENT_WEIGHT = 7.5
TV_WEIGHT = 2e2


def _tensor_size(tensor):
    from operator import mul
    from functools import reduce
    return reduce(mul, (d.value for d in tensor.get_shape()[1:]), 1)


def build_train(content):
    with tf.name_scope("transform_net"):
        preds = transform.net(content / 255.0)
    content_size = _tensor_size(content)
    content_loss = CONTENT_WEIGHT * (2 * tf.nn.l2_loss(preds - content) / content_size)
    tv_y_size = _tensor_size(preds[:, 1:, :, :])
    tv_x_size = _tensor_size(preds[:, :, 1:, :])
    y_tv = tf.nn.l2_loss(preds[:, 1:, :, :] - preds[:, :-1, :, :])
    x_tv = tf.nn.l2_loss(preds[:, :, 1:, :] - preds[:, :, :-1, :])
    tv_loss = TV_WEIGHT * 2 * (x_tv / tv_x_size + y_tv / tv_y_size)
    loss = content_loss + tv_loss
    train_step = tf.train.AdamOptimizer(1e-3).minimize(loss)
    return loss, train_step
