import tensorflow as tf

from common import mlp

POLICIES = {}


def register(name):
    def decorator(fn):
        POLICIES[name] = fn
        return fn
    return decorator


@register("gaussian_mlp")
def gaussian_policy(obs, act_dim=2):
    with tf.variable_scope('pi'):
        mu = mlp(obs, [8, act_dim], 'mu')
        log_std = tf.get_variable('log_std', [act_dim], initializer=tf.constant_initializer(-0.5))
        return mu, tf.exp(log_std) + 0.0 * mu
