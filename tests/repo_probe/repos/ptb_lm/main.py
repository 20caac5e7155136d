"""Train / valid models built under one variable_scope("Model") with a uniform initializer, the
valid model reusing the training model's variables."""
import tensorflow as tf

from config import get_config
from ptb_dynamic import PTBDynamicModel
from ptb_word_lm import PTBModel


def train_and_valid(input_data, targets):
    config = get_config()
    eval_config = get_config()
    eval_config.batch_size = 2
    initializer = tf.random_uniform_initializer(-config.init_scale, config.init_scale)
    with tf.name_scope("Train"):
        with tf.variable_scope("Model", reuse=None, initializer=initializer):
            m = PTBModel(is_training=True, config=config, input_data=input_data, targets=targets)
    with tf.name_scope("Valid"):
        with tf.variable_scope("Model", reuse=True, initializer=initializer):
            mvalid = PTBModel(is_training=False, config=eval_config, input_data=input_data, targets=targets)
    return m.cost, mvalid.cost, m.train_op


def valid_logits(input_data, targets):
    config = get_config()
    initializer = tf.random_uniform_initializer(-config.init_scale, config.init_scale)
    with tf.variable_scope("Model", reuse=None, initializer=initializer):
        m = PTBModel(is_training=False, config=config, input_data=input_data, targets=targets)
    return m.logits


def dynamic_train_and_valid(input_data):
    config = get_config()
    initializer = tf.random_uniform_initializer(-config.init_scale, config.init_scale)
    with tf.name_scope("Train"):
        with tf.variable_scope("Model", reuse=None, initializer=initializer):
            m = PTBDynamicModel(is_training=True, config=config, input_data=input_data)
    with tf.name_scope("Valid"):
        with tf.variable_scope("Model", reuse=True, initializer=initializer):
            mvalid = PTBDynamicModel(is_training=False, config=config, input_data=input_data)
    return m.logits, mvalid.logits
