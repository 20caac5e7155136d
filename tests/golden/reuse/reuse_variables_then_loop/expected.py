import tensorflow as tf


class AttentionScore(tf.Module):
    def __init__(self, name='score'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, query, key):
        if self.w is None:
            self.w = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([query.get_shape()[-1], key.get_shape()[-1]], tf.float32), name="w")
        w = self.w
        return tf.reduce_sum(tf.matmul(query, w) * key, axis=1)


class Attend(tf.Module):
    def __init__(self, name='attention'):
        super().__init__(name=name)
        self.score = None

    @tf.Module.with_name_scope
    def __call__(self, query, memory):
        keys = tf.unstack(memory, axis=1)
        scores = []
        for i, key in enumerate(keys):
            if self.score is None:
                self.score = AttentionScore()
            scores.append(self.score(query, key))
        weights = tf.nn.softmax(tf.stack(scores, axis=1))
        return tf.reduce_sum(weights[:, :, None] * memory, axis=1)
