import tensorflow as tf


def dense(x, n, name):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [x.get_shape()[-1], n], initializer=tf.random_normal_initializer(stddev=0.1))
        b = tf.get_variable("b", [n], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


def model(x, reuse=False):
    with tf.variable_scope("model", reuse=reuse):
        return dense(tf.nn.relu(dense(x, 8, "fc1")), 3, "fc2")


class Classifier(object):
    def __init__(self, lr=0.01):
        self.global_step = tf.Variable(0, trainable=False, name="global_step")
        self.x = tf.placeholder(tf.float32, [None, 5])
        self.y = tf.placeholder(tf.int32, [None])
        self.logits = self.forward(self.x)
        self.loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=self.y, logits=self.logits))
        self.train_op = tf.train.GradientDescentOptimizer(lr).minimize(self.loss, global_step=self.global_step)

    def forward(self, x):
        with tf.variable_scope("classifier"):
            h = tf.nn.relu(dense(x, 8, "hidden"))
            return dense(h, 3, "out")


def build_graph(lr=0.1):
    x = tf.placeholder(tf.float32, [None, 5])
    train_logits = model(x)
    eval_logits = model(x, reuse=True)
    loss = tf.reduce_mean(train_logits)
    train_op = tf.train.AdamOptimizer(lr).minimize(loss)
    return x, train_op, eval_logits
