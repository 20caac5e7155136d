import tensorflow as tf
import modeling


def create_model(x, labels):
    model = modeling.Encoder(x)
    logits = model.get_output()
    bias = tf.get_variable("bias", [3], partitioner=tf.fixed_size_partitioner(1))
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits + bias))
    return loss, logits
