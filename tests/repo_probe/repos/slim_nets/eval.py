import tensorflow as tf

from nets import small_net


def predictions(images):
    logits = small_net(images, num_classes=4, is_training=False, scope='small_net')
    return tf.argmax(logits, axis=1), logits
