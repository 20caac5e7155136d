"""A sampling script: the generators built for inference only."""
import tensorflow as tf

from module import generator_resnet, default_options


def translate(test_A):
    options = default_options()
    return generator_resnet(test_A, options, False, name="generatorA2B")
