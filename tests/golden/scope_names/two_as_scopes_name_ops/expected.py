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


class Weight(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.name_ = {}

    def __call__(self, name, shape, stddev):
        if name not in self.name_:
            self.name_[name] = tf.Variable(_tf1_truncated_normal_initializer(stddev=stddev)(shape, dtype=tf.float32), name=name)
        return self.name_[name]


class Inference(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.local3_weight = None
        self.local3_biases = None
        self.local4_weight = None
        self.local4_biases = None
        self.softmax_linear_weight = None

    def __call__(self, images):
        # Every layer block names its output op after its scope (the CIFAR-10 tutorial's layout).
        with _tf1_scope("local3") as scope:
            if self.local3_weight is None:
                with tf.init_scope():
                    self.local3_weight = Weight()
            weights = self.local3_weight("weights", [images.shape[-1], 6], 0.04)
            if self.local3_biases is None:
                self.local3_biases = tf.Variable(tf.constant_initializer(0.1)([6], dtype=tf.float32), name="biases")
            biases = self.local3_biases
            local3 = tf.nn.relu(tf.matmul(images, weights) + biases, name=scope[:-1])
        with _tf1_scope("local4") as scope:
            if self.local4_weight is None:
                with tf.init_scope():
                    self.local4_weight = Weight()
            weights = self.local4_weight("weights", [6, 4], 0.04)
            if self.local4_biases is None:
                self.local4_biases = tf.Variable(tf.constant_initializer(0.1)([4], dtype=tf.float32), name="biases")
            biases = self.local4_biases
            local4 = tf.nn.relu(tf.matmul(local3, weights) + biases, name=scope[:-1])
        with _tf1_scope("softmax_linear") as scope:
            if self.softmax_linear_weight is None:
                with tf.init_scope():
                    self.softmax_linear_weight = Weight()
            weights = self.softmax_linear_weight("weights", [4, 3], 1 / 4.0)
            logits = tf.add(tf.matmul(local4, weights), 0.0, name=scope[:-1])
        return logits
