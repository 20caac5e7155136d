import tensorflow as tf

from model import Model
from train import default_args


def sampler_probs(prime_ids, args):
    model = Model(args, prime_ids, infer=True)
    return model.probs, model.final_state


def sample(save_dir, chars, vocab):
    args = default_args()
    input_data = tf.placeholder(tf.int32, [1, 1])
    model = Model(args, input_data, infer=True)
    with tf.Session() as sess:
        saver = tf.train.Saver(tf.global_variables())
        ckpt = tf.train.get_checkpoint_state(save_dir)
        if ckpt and ckpt.model_checkpoint_path:
            saver.restore(sess, ckpt.model_checkpoint_path)
            print(model.sample(sess, chars, vocab, 20, 'ab'))


def train_and_sample_logits(input_ids, prime_ids, vocab_size=7):
    from lm import char_lm
    train_logits, _ = char_lm(input_ids, vocab_size)
    sample_logits, last_h = char_lm(prime_ids, vocab_size, reuse=True)
    probs = tf.nn.softmax(sample_logits[:, -1])
    return train_logits, probs, last_h
