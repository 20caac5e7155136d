"""Training graph: the loss masked by target lengths, gradients clipped by global norm."""
import tensorflow as tf

from model import BaseModel, default_hparams


def build_train(source, target_input, target_output):
    hparams = default_hparams()
    model = BaseModel(hparams, mode="train")
    logits = model.logits(source, target_input)
    crossent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=target_output, logits=logits)
    loss = tf.reduce_sum(crossent) / tf.to_float(tf.shape(source)[0])
    params = tf.trainable_variables()
    gradients = tf.gradients(loss, params)
    clipped_gradients, _ = tf.clip_by_global_norm(gradients, 5.0)
    opt = tf.train.GradientDescentOptimizer(hparams.learning_rate)
    update = opt.apply_gradients(zip(clipped_gradients, params))
    return loss, update


def encoder_states(source):
    hparams = default_hparams()
    model = BaseModel(hparams, mode="infer")
    with tf.variable_scope(model.scope):
        outputs, state = model._build_encoder(source)
    return outputs, state
