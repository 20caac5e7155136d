import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 4], name="x")

with tf.variable_scope("model"):
    with tf.variable_scope("hidden"):
        w1 = tf.get_variable("weights", [4, 8], initializer=tf.random_normal_initializer())
        b1 = tf.get_variable("biases", [8], initializer=tf.zeros_initializer())
    with tf.variable_scope("output"):
        w2 = tf.get_variable("weights", [8, 2], initializer=tf.random_normal_initializer())
        b2 = tf.get_variable("biases", [2], initializer=tf.zeros_initializer())

h = tf.nn.relu(tf.matmul(x, w1) + b1)
y = tf.matmul(h, w2) + b2

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(y, {x: [[1.0, 2.0, 3.0, 4.0]]}))
