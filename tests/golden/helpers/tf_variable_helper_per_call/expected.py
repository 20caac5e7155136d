import numpy as np
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


class CreateVariable(tf.Module):
    """wavenet's helper: a new tf.Variable on every call, named by the caller."""
    def __init__(self, name=None):
        super().__init__(name=name)
        self.name_variable = None

    def __call__(self, name, shape):
        initializer = _tf1_truncated_normal_initializer(stddev=0.1)
        if self.name_variable is None:
            self.name_variable = tf.Variable(initializer(shape=shape), name=name)
        variable = self.name_variable
        return variable


class CreateEmbeddingTable(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.name_variable = None
        self.create_variable = None

    def __call__(self, name, shape):
        if shape[0] == shape[1]:
            initial_val = np.identity(n=shape[0], dtype=np.float32)
            if self.name_variable is None:
                self.name_variable = tf.Variable(initial_val, name=name)
            return self.name_variable
        else:
            if self.create_variable is None:
                with tf.init_scope():
                    self.create_variable = CreateVariable()
            return self.create_variable(name, shape)


class CreateBiasVariable(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.name_variable = None

    def __call__(self, name, shape):
        initializer = tf.constant_initializer(value=0.0)
        if self.name_variable is None:
            self.name_variable = tf.Variable(initializer(shape=shape), name=name)
        return self.name_variable


class DilatedStack(tf.Module):
    def __init__(self, name='wavenet'):
        super().__init__(name=name)
        self.embeddings_create_embedding_table = None
        self.layer_create_variable = {}
        self.layer_create_variable_2 = {}
        self.layer_create_bias_variable = {}

    @tf.Module.with_name_scope
    def __call__(self, x, channels=4, num_layers=2):
        with _tf1_scope("embeddings"):
            if self.embeddings_create_embedding_table is None:
                with tf.init_scope():
                    self.embeddings_create_embedding_table = CreateEmbeddingTable()
            table = self.embeddings_create_embedding_table("gc_embedding", [3, channels])
        for i in range(num_layers):
            with _tf1_scope("layer{}".format(i)):
                if "layer{}".format(i) not in self.layer_create_variable:
                    with tf.init_scope():
                        self.layer_create_variable["layer{}".format(i)] = CreateVariable()
                w_filter = self.layer_create_variable["layer{}".format(i)]("filter", [channels, channels])
                if "layer{}".format(i) not in self.layer_create_variable_2:
                    with tf.init_scope():
                        self.layer_create_variable_2["layer{}".format(i)] = CreateVariable()
                w_gate = self.layer_create_variable_2["layer{}".format(i)]("gate", [channels, channels])
                if "layer{}".format(i) not in self.layer_create_bias_variable:
                    with tf.init_scope():
                        self.layer_create_bias_variable["layer{}".format(i)] = CreateBiasVariable()
                b = self.layer_create_bias_variable["layer{}".format(i)]("filter_bias", [channels])
                x = tf.tanh(tf.matmul(x, w_filter) + b) * tf.sigmoid(tf.matmul(x, w_gate))
        return x + tf.reduce_sum(table)
