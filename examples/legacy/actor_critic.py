"""DDPG-style actor-critic with target networks (TF1 graph code).

Entry point: ``build_agent(obs, actions, next_obs, rewards, gamma=0.99)``
Inputs:
    obs       float32[2,6]  observations
    actions   float32[2,2]  actions taken
    next_obs  float32[2,6]  next observations
    rewards   float32[2]    rewards

TF1 graph code in the style of openai/baselines. The same ``actor`` /
``critic`` functions build the online networks and, under different scope
names (``target_actor`` / ``target_critic``), the target networks. The online
critic is applied twice (on the taken actions and on the actor's actions)
with ``reuse=True``.
"""
import numpy as np
import tensorflow as tf


def fc(x, scope, nh, init_scale=1.0, init_bias=0.0):
    with tf.variable_scope(scope):
        nin = x.get_shape()[1].value
        w = tf.get_variable("w", [nin, nh],
                            initializer=tf.random_normal_initializer(
                                stddev=init_scale / np.sqrt(nin)))
        b = tf.get_variable("b", [nh], initializer=tf.constant_initializer(init_bias))
        return tf.matmul(x, w) + b


def mlp(x, hiddens=(16, 16), activation=tf.nn.relu):
    for i, size in enumerate(hiddens):
        x = activation(fc(x, "mlp_fc{}".format(i), nh=size, init_scale=np.sqrt(2)))
    return x


def actor(obs, nb_actions, name="actor", reuse=False):
    with tf.variable_scope(name, reuse=reuse):
        h = mlp(obs)
        return tf.nn.tanh(fc(h, "pi", nb_actions, init_scale=0.01))


def critic(obs, action, name="critic", reuse=False):
    with tf.variable_scope(name) as scope:
        if reuse:
            scope.reuse_variables()
        x = tf.concat([obs, action], axis=-1)
        h = mlp(x, hiddens=(16,))
        return fc(h, "q", 1, init_scale=0.01)[:, 0]


def build_agent(obs, actions, next_obs, rewards, gamma=0.99):
    nb_actions = actions.get_shape()[-1].value
    with tf.variable_scope("model"):
        pi = actor(obs, nb_actions)
        q = critic(obs, actions)
        q_pi = critic(obs, pi, reuse=True)
        target_pi = actor(next_obs, nb_actions, name="target_actor")
        target_q = critic(next_obs, target_pi, name="target_critic")
    log_alpha = tf.get_variable("log_alpha", [], dtype=tf.float32,
                                initializer=tf.zeros_initializer(), trainable=False)
    backup = tf.stop_gradient(rewards + gamma * target_q)
    critic_loss = tf.reduce_mean(tf.square(q - backup))
    actor_loss = -tf.reduce_mean(q_pi) + tf.exp(log_alpha) * tf.reduce_mean(tf.square(pi))
    return pi, critic_loss, actor_loss
