import tensorflow as tf

from .layers import ConvBlock, Linear
from .tf2_migrate_support import Dense, _layers_flatten


class PolicyNet(tf.Module):
    def __init__(self, name='policy'):
        super().__init__(name=name)
        with self.name_scope:
            self.block1 = ConvBlock(name="block1")
            self.block2 = ConvBlock(name="block2")
            self.fc = Dense(name="fc")
            self.logits = Linear(name="logits")

    @tf.Module.with_name_scope
    def __call__(self, obs, num_actions=4):
        h = self.block1(obs, 8)
        h = self.block2(h, 8)
        h = _layers_flatten(h)
        h = self.fc(h, 32, activation=tf.nn.relu)
        return self.logits(h, num_actions)
