import tensorflow as tf


def dense(x, units, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.get_shape().as_list()[-1], units],
                            initializer=tf.random_normal_initializer(stddev=0.02))
        b = tf.get_variable("b", [units], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


def model(tokens, past=None, scope="model", reuse=False):
    with tf.variable_scope(scope, reuse=reuse):
        wte = tf.get_variable("wte", [10, 6], initializer=tf.random_normal_initializer(stddev=0.02))
        h = tf.reduce_mean(tf.gather(wte, tokens), axis=1)
        if past is not None:
            h = h + past
        h = tf.tanh(dense(h, 6, "h0"))
        return {"logits": dense(h, 10, "out"), "present": h}


def sample_sequence(context, length=3):
    # gpt-2's sampler: the model runs once before the loop and again in its body, AUTO_REUSE
    def step(tokens, past=None):
        lm_output = model(tokens, past=past, reuse=tf.AUTO_REUSE)
        return lm_output["logits"], lm_output["present"]

    with tf.name_scope("sample_sequence"):
        def body(past, prev, output):
            logits, presents = step(prev, past=past)
            samples = tf.argmax(logits, axis=-1, output_type=tf.int32)[:, None]
            return [presents, samples, tf.concat([output, samples], axis=1)]

        past, prev, output = body(None, context, context)

        def cond(*args):
            return True

        _, _, tokens = tf.while_loop(cond=cond, body=body, maximum_iterations=length - 1,
                                     loop_vars=[past, prev, output],
                                     shape_invariants=[tf.TensorShape([None, 6]), tf.TensorShape([None, None]),
                                                       tf.TensorShape([None, None])])
        return tokens
