import tensorflow as tf


class Classifier(object):
    """Layer objects built once, used by a training graph and a sampling graph."""

    def __init__(self, n_classes=10, hidden=16):
        self.conv = tf.layers.Conv2D(4, 3, padding="same", activation=tf.nn.relu, name="conv")
        self.bn = tf.layers.BatchNormalization(momentum=0.9, name="bn")
        self.fc = tf.layers.Dense(n_classes, kernel_initializer=tf.truncated_normal_initializer(stddev=0.02),
                                  name="logits")
        self.hidden = tf.layers.Dense(hidden, activation=tf.nn.relu, name="hidden")

    def features(self, images, training):
        h = self.bn(self.conv(images), training=training)
        return tf.reduce_mean(h, axis=[1, 2])

    def train_logits(self, images):
        with tf.variable_scope("model"):
            return self.fc(self.hidden(self.features(images, False)))

    def sample(self, images):
        with tf.variable_scope("model"):
            return tf.nn.softmax(self.fc(self.hidden(self.features(images, False))))

    def build(self, images, images2):
        with tf.variable_scope("clf"):
            logits = self.train_logits(images)
            probs = self.sample(images2)
        return logits, probs


PROBE = {"entry": "Classifier.build", "init_args": {"n_classes": 10},
         "inputs": {"images": "float32[2,6,6,3]", "images2": "float32[3,6,6,3]"}}
