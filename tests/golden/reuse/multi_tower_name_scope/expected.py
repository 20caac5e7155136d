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


class Inference(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.fc1_weights = None
        self.fc1_biases = None
        self.fc2_weights = None

    def __call__(self, images):
        with _tf1_scope("fc1"):
            if self.fc1_weights is None:
                self.fc1_weights = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.05)([images.shape[1], 8], dtype=tf.float32), name="weights")
            w = self.fc1_weights
            if self.fc1_biases is None:
                self.fc1_biases = tf.Variable(tf.constant_initializer(0.1)([8], dtype=tf.float32), name="biases")
            b = self.fc1_biases
            h = tf.nn.relu(tf.matmul(images, w) + b)
        with _tf1_scope("fc2"):
            if self.fc2_weights is None:
                self.fc2_weights = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.05)([8, 3], dtype=tf.float32), name="weights")
            w = self.fc2_weights
            return tf.matmul(h, w)


class MultiTower(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.inference = None

    def __call__(self, images_a, images_b):
        # CIFAR-10 multi-GPU style: towers in name scopes share variables by reuse
        losses = []
        for i, images in enumerate([images_a, images_b]):
            if self.inference is None:
                with tf.init_scope():
                    self.inference = Inference()
            logits = self.inference(images)
            losses.append(tf.reduce_mean(logits))
        return tf.add_n(losses)
