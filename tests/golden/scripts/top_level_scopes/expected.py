import tensorflow as tf

x = tf.compat.v1.placeholder(tf.float32, [None, 4], name="x")


class Hidden(tf.Module):
    def __init__(self, name='hidden'):
        super().__init__(name=name)
        with self.name_scope:
            self.weights = tf.Variable(tf.random_normal_initializer(stddev=1.0)([4, 8], dtype=tf.float32), name="weights")
            self.biases = tf.Variable(tf.zeros_initializer()([8], dtype=tf.float32), name="biases")


class Output(tf.Module):
    def __init__(self, name='output'):
        super().__init__(name=name)
        with self.name_scope:
            self.weights = tf.Variable(tf.random_normal_initializer(stddev=1.0)([8, 2], dtype=tf.float32), name="weights")
            self.biases = tf.Variable(tf.zeros_initializer()([2], dtype=tf.float32), name="biases")


class Model(tf.Module):
    def __init__(self, name='model'):
        super().__init__(name=name)
        with self.name_scope:
            self.hidden = Hidden()
            self.output = Output()


model = Model()
w1 = model.hidden.weights
b1 = model.hidden.biases
w2 = model.output.weights
b2 = model.output.biases

h = tf.nn.relu(tf.matmul(x, w1) + b1)
y = tf.matmul(h, w2) + b2

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    print(sess.run(y, {x: [[1.0, 2.0, 3.0, 4.0]]}))
