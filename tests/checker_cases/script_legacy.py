"""Legacy whole script (TF1, run top to bottom)."""
import tensorflow as tf

with tf.variable_scope("my_scope"):
    var1 = tf.get_variable("my_variable", [2, 2], initializer=tf.zeros_initializer())
    with tf.variable_scope("sub_scope"):
        var2 = tf.get_variable("my_variable", [2, 2], initializer=tf.ones_initializer())

with tf.variable_scope("my_scope", reuse=True):
    var3 = tf.get_variable("my_variable")  # var1 again

for parent in ("enc", "dec"):
    with tf.variable_scope(parent):
        with tf.variable_scope("emb", reuse=tf.AUTO_REUSE):
            table = tf.get_variable("table", [3, 2])  # two parents: two tables

with tf.name_scope("counters"):  # name_scope does prefix tf.Variable names
    steps = tf.Variable(0, name="steps", dtype=tf.int64, trainable=False)

w = tf.get_variable("w", [4, 3], initializer=tf.truncated_normal_initializer(stddev=0.1))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(var1 + var3))
