import tensorflow as tf

from actor import actor
from critic import critic


def build_agent(obs, act):
    pi = actor(obs)
    q = critic(obs, act)
    q_pi = critic(obs, pi, reuse=True)
    return pi, q, q_pi


def losses(obs, act, ret):
    pi, q, q_pi = build_agent(obs, act)
    pi_loss = -tf.reduce_mean(q_pi)
    q_loss = tf.reduce_mean((q - ret) ** 2)
    return pi_loss, q_loss


def train_ops(obs, act, ret, lr=0.01):
    pi_loss, q_loss = losses(obs, act, ret)
    pi_vars = tf.trainable_variables(scope='actor')
    q_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='critic')
    pi_opt = tf.train.AdamOptimizer(lr).minimize(pi_loss, var_list=pi_vars)
    q_opt = tf.train.AdamOptimizer(lr).minimize(q_loss, var_list=q_vars)
    return pi_loss, q_loss, pi_opt, q_opt
