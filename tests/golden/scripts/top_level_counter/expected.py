import tensorflow as tf


class Train(tf.Module):
    def __init__(self, name='train'):
        super().__init__(name=name)
        with self.name_scope:
            self.global_step = tf.Variable(tf.zeros_initializer()([], dtype=tf.int64), name="global_step", trainable=False)
            self.learning_rate = tf.Variable(tf.constant_initializer(0.1)([], dtype=tf.float32), name="learning_rate", trainable=False)


train = Train()
global_step = train.global_step
learning_rate = train.learning_rate

increment = global_step.assign_add(1)
decayed = learning_rate * tf.pow(0.9, tf.cast(global_step, tf.float32))

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for _ in range(3):
        sess.run(increment)
    print(sess.run([global_step, decayed]))
