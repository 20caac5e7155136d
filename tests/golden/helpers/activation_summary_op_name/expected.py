import re

import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")

TOWER_NAME = "tower"


def _activation_summary(x):
    # CIFAR-10 style: strip the tower prefix from the op name for the summary tag
    tensor_name = re.sub("%s_[0-9]*/" % TOWER_NAME, "", (x.op.name if not tf.executing_eagerly() else ""))
    tf.compat.v1.summary.histogram(tensor_name + "/activations", x)
    tf.compat.v1.summary.scalar(tensor_name + "/sparsity", tf.nn.zero_fraction(x))


class Inference(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.local3_weights = None
        self.softmax_linear_weights = None

    def __call__(self, images):
        with _tf1_scope("local3") as scope:
            if self.local3_weights is None:
                self.local3_weights = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.04)([images.shape[-1], 4], dtype=tf.float32), name="weights")
            weights = self.local3_weights
            local3 = tf.nn.relu(tf.matmul(images, weights), name=scope[:-1])
            _activation_summary(local3)
        with _tf1_scope("softmax_linear") as scope:
            if self.softmax_linear_weights is None:
                self.softmax_linear_weights = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.25)([4, 2], dtype=tf.float32), name="weights")
            weights = self.softmax_linear_weights
            logits = tf.matmul(local3, weights, name=scope[:-1])
            _activation_summary(logits)
        return logits
