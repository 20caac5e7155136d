"""Multi-GPU predictor in the style of tensorpack: the tower scope also opens a context
imported from another file, whose variables this file cannot see."""
import tensorflow as tf

from tower import PredictTowerContext


class MultiTowerPredictor(object):
    def __init__(self, build_fn, towers):
        self.outputs = []
        for idx, t in enumerate(towers):
            with tf.compat.v1.variable_scope(tf.compat.v1.get_variable_scope(), reuse=idx > 0), \
                    tf.device('/gpu:{}'.format(t)), \
                    PredictTowerContext('tower%d' % t):
                self.outputs.append(build_fn())
