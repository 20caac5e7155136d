import tensorflow as tf


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class Tied(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.embedding_table = None

    def __call__(self, ids, vocab=7, dim=4):
        with _tf1_scope("embedding"):
            if self.embedding_table is None:
                self.embedding_table = tf.Variable(tf.random_uniform_initializer(-0.1, 0.1)([vocab, dim], dtype=tf.float32), name="table")
            table = self.embedding_table
        emb = tf.nn.embedding_lookup(table, ids)
        h = tf.reduce_mean(emb, axis=1)
        # a reuse needs neither shape nor initializer: tied output projection
        with _tf1_scope("embedding"):
            out_w = self.embedding_table
        return tf.matmul(h, out_w, transpose_b=True)
