import tensorflow as tf

from build_graph import td_error


def main():
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print(sess.run(td_error))


if __name__ == '__main__':
    main()
