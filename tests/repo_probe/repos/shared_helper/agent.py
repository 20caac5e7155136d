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
