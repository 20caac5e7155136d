import tensorflow as tf

with tf.variable_scope("train"):
    global_step = tf.get_variable("global_step", [], dtype=tf.int64,
                                  initializer=tf.zeros_initializer(), trainable=False)
    learning_rate = tf.get_variable("learning_rate", [],
                                    initializer=tf.constant_initializer(0.1),
                                    trainable=False)

increment = tf.assign_add(global_step, 1)
decayed = learning_rate * tf.pow(0.9, tf.cast(global_step, tf.float32))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(increment)
    print(sess.run([global_step, decayed]))
