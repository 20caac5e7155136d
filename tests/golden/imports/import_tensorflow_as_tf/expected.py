import tensorflow as tf


class LogisticRegression(tf.Module):
    def __init__(self, name='logreg'):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, features, num_classes=2):
        if self.w is None:
            self.w = tf.Variable(tf.zeros_initializer()([features.shape[1], num_classes], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([num_classes], dtype=tf.float32), name="b")
        b = self.b
        logits = tf.matmul(features, w) + b
        return tf.nn.softmax(logits)
