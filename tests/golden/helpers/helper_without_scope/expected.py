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


class WeightVariable(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.weights = None

    def __call__(self, shape, stddev=0.1):
        if self.weights is None:
            self.weights = tf.Variable(_tf1_truncated_normal_initializer(stddev=stddev)(shape, dtype=tf.float32), name="weights")
        return self.weights


class BiasVariable(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.biases = None

    def __call__(self, shape, value=0.1):
        if self.biases is None:
            self.biases = tf.Variable(tf.constant_initializer(value)(shape, dtype=tf.float32), name="biases")
        return self.biases


class Inference(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.hidden1_weight_variable = None
        self.hidden1_bias_variable = None
        self.softmax_linear_weight_variable = None
        self.softmax_linear_bias_variable = None

    def __call__(self, images):
        with _tf1_scope("hidden1"):
            if self.hidden1_weight_variable is None:
                with tf.init_scope():
                    self.hidden1_weight_variable = WeightVariable()
            w = self.hidden1_weight_variable([images.shape[1], 8])
            if self.hidden1_bias_variable is None:
                with tf.init_scope():
                    self.hidden1_bias_variable = BiasVariable()
            hidden1 = tf.nn.relu(tf.matmul(images, w) + self.hidden1_bias_variable([8]))
        with _tf1_scope("softmax_linear"):
            if self.softmax_linear_weight_variable is None:
                with tf.init_scope():
                    self.softmax_linear_weight_variable = WeightVariable()
            w = self.softmax_linear_weight_variable([8, 3], stddev=0.01)
            if self.softmax_linear_bias_variable is None:
                with tf.init_scope():
                    self.softmax_linear_bias_variable = BiasVariable()
            logits = tf.matmul(hidden1, w) + self.softmax_linear_bias_variable([3], value=0.0)
        return logits
