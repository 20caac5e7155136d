"""Sampling: a second model over the training weights (reuse=True), fed its own input."""
import tensorflow as tf

from config import get_config
from ptb_dynamic import PTBDynamicModel


def train_and_sample_logits(input_data, sample_input):
    config = get_config()
    with tf.variable_scope("Model", reuse=None):
        m = PTBDynamicModel(is_training=True, config=config, input_data=input_data)
    with tf.variable_scope("Model", reuse=True):
        msample = PTBDynamicModel(is_training=False, config=config, input_data=sample_input)
    return m.logits, msample.logits
