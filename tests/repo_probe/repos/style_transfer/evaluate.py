"""Feed-forward evaluation: the network built under a device scope on a scaled placeholder."""
import tensorflow as tf

import transform


def ffwd(img):
    with tf.device('/cpu:0'):
        preds = transform.net(img / 255.0)
    return preds
