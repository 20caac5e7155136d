import tensorflow as tf

import model


def step(hparams, tokens, past=None):
    lm_output = model.model(hparams=hparams, X=tokens, past=past, reuse=tf.AUTO_REUSE)
    logits = lm_output['logits'][:, :, :hparams.n_vocab]
    presents = lm_output['present']
    return {'logits': logits, 'presents': presents}


def greedy_two_steps(hparams, context):
    first = step(hparams, context)
    prev = tf.argmax(first['logits'][:, -1], axis=-1, output_type=tf.int32)
    second = step(hparams, prev[:, tf.newaxis], past=first['presents'])
    return first['logits'], second['logits']
