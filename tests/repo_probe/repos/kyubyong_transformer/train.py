"""Training and evaluation graphs: the model built once, eval reusing it through AUTO_REUSE."""
import tensorflow as tf

from hparams import default_hparams
from model import Transformer


def build_train(xs, ys):
    hp = default_hparams()
    m = Transformer(hp)
    loss, train_op = m.train(xs, ys)
    return loss, train_op


def train_and_eval_logits(xs, ys):
    hp = default_hparams()
    m = Transformer(hp)
    train_logits = m.logits(xs, ys)
    memory = m.encode(xs, training=False)
    eval_logits = m.decode(ys, memory, training=False)
    return train_logits, eval_logits
