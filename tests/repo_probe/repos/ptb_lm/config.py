"""Model configurations as classes of attributes (the PTB tutorial's SmallConfig)."""


class SmallConfig(object):
    init_scale = 0.1
    learning_rate = 1.0
    max_grad_norm = 5
    num_layers = 2
    num_steps = 4
    hidden_size = 6
    keep_prob = 1.0
    batch_size = 2
    vocab_size = 10


def get_config():
    return SmallConfig()
