import tensorflow as tf

with tf.variable_scope("foo"):
    v = tf.get_variable("v", [1], initializer=tf.constant_initializer(3.0))

with tf.variable_scope("foo", reuse=True):
    v1 = tf.get_variable("v", [1])

assert v1 is v

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([v, v1]))
