import tensorflow as tf

from q_network import dueling_q_network, q_network


class DQNAgent(object):
    def __init__(self, num_actions=3, gamma=0.99, learning_rate=0.01, dueling=False):
        self.num_actions = num_actions
        self.gamma = gamma
        self.learning_rate = learning_rate
        self.dueling = dueling

    def build(self, state, action, reward, next_state, done):
        if self.dueling:
            self.q = dueling_q_network(state, self.num_actions, scope='online')
            self.target_q = dueling_q_network(next_state, self.num_actions, scope='target')
        else:
            self.q = q_network(state, self.num_actions, scope='online')
            self.target_q = q_network(next_state, self.num_actions, scope='target')

        online_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='online')
        target_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='target')
        self.update_target = tf.group(*[t.assign(o) for o, t in zip(online_vars, target_vars)])

        q_action = tf.reduce_sum(self.q * tf.one_hot(action, self.num_actions), axis=1)
        target = reward + self.gamma * (1.0 - done) * tf.reduce_max(self.target_q, axis=1)
        self.loss = tf.reduce_mean(tf.square(tf.stop_gradient(target) - q_action))
        optimizer = tf.train.RMSPropOptimizer(self.learning_rate)
        self.train_op = optimizer.minimize(self.loss, var_list=online_vars)
        return self.loss, self.train_op, self.update_target


def build_graph(state, action, reward, next_state, done):
    agent = DQNAgent()
    return agent.build(state, action, reward, next_state, done)


def q_values(state):
    return q_network(state, 3, scope='online')


def double_q(state, next_state):
    online_next = q_network(next_state, 3, scope='online')
    with tf.variable_scope(tf.get_variable_scope(), reuse=True):
        online_now = q_network(state, 3, scope='online')
    return online_now, tf.argmax(online_next, axis=1)
