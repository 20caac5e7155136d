import numpy as np
import tensorflow as tf

from agent import DQNAgent


def copy_ops(src_scope, dst_scope):
    src = sorted(tf.trainable_variables(src_scope), key=lambda v: v.name)
    dst = sorted(tf.trainable_variables(dst_scope), key=lambda v: v.name)
    return [d.assign(s) for s, d in zip(src, dst)]


def train(num_steps=10):
    state = tf.placeholder(tf.float32, [None, 6, 6, 2])
    action = tf.placeholder(tf.int32, [None])
    reward = tf.placeholder(tf.float32, [None])
    next_state = tf.placeholder(tf.float32, [None, 6, 6, 2])
    done = tf.placeholder(tf.float32, [None])
    agent = DQNAgent()
    loss, train_op, update_target = agent.build(state, action, reward, next_state, done)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(update_target)
        for step in range(num_steps):
            batch = {state: np.zeros([2, 6, 6, 2]), action: [0, 1], reward: [1.0, 0.0],
                     next_state: np.zeros([2, 6, 6, 2]), done: [0.0, 1.0]}
            sess.run(train_op, batch)
            if step % 5 == 0:
                sess.run(update_target)
