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


def sample_sequence(hparams, context, length=3):
    def body(past, prev, output):
        next_outputs = step(hparams, prev[:, tf.newaxis], past=past)
        logits = next_outputs['logits'][:, -1, :]
        samples = tf.argmax(logits, axis=-1, output_type=tf.int32)
        return [tf.concat([past, next_outputs['presents']], axis=-2), samples,
                tf.concat([output, samples[:, tf.newaxis]], axis=1)]

    context_output = step(hparams, context[:, :-1])
    _, _, tokens = tf.while_loop(
        cond=lambda *args: True, body=body, maximum_iterations=length,
        loop_vars=[context_output['presents'], context[:, -1], context],
        shape_invariants=[tf.TensorShape([None, hparams.n_layer, 2, hparams.n_head, None, hparams.n_embd // hparams.n_head]),
                          tf.TensorShape([None]), tf.TensorShape([None, None])],
        back_prop=False)
    return tokens, context_output['logits']
