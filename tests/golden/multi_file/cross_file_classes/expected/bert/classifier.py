import tensorflow as tf

import modeling
from tf2_migrate_support import _tf1_scope, _tf1_truncated_normal_initializer


class CreateModel(tf.Module):
    """run_classifier.py's shape: the model object, then an output layer on its pooled output."""
    def __init__(self, name=None):
        super().__init__(name=name)
        self.model = None
        self.output_weights = None

    def __call__(self, input_ids, num_labels):
        if self.model is None:
            self.model = modeling.TinyBertModel(10, input_ids, scope="bert")
        else:
            self.model.__init__(10, input_ids, scope="bert")
        model = self.model
        output_layer = model.get_pooled_output()
        hidden_size = output_layer.shape[-1]
        if self.output_weights is None:
            self.output_weights = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([num_labels, hidden_size], dtype=tf.float32), name="output_weights")
        output_weights = self.output_weights
        with _tf1_scope("loss"):
            logits = tf.matmul(output_layer, output_weights, transpose_b=True)
            return tf.nn.log_softmax(logits, axis=-1)
