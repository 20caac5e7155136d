"""The model_fn side: logits from a Model object, weight decay over trainable variables, the train
op under control_dependencies(UPDATE_OPS)."""
import tensorflow as tf

import resnet_model

WEIGHT_DECAY = 2e-4


def exclude_batch_norm(name):
    return 'batch_normalization' not in name


def train_graph(features, labels, learning_rate=0.1, momentum=0.9):
    model = resnet_model.Model()
    logits = model(features, training=True)
    cross_entropy = tf.losses.sparse_softmax_cross_entropy(logits=logits, labels=labels)
    l2_loss = WEIGHT_DECAY * tf.add_n(
        [tf.nn.l2_loss(tf.cast(v, tf.float32)) for v in tf.trainable_variables()
         if exclude_batch_norm(v.name)])
    loss = cross_entropy + l2_loss
    global_step = tf.train.get_or_create_global_step()
    optimizer = tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=momentum)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(loss, global_step)
    return loss, train_op


def eval_logits(features):
    model = resnet_model.Model()
    train_logits = model(features, training=True)
    eval_logits = model(features, training=False)
    return train_logits, eval_logits
