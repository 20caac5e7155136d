import tensorflow as tf
# Variable-free layer objects (pooling, Flatten, Dropout) built and called at once, or kept in a
# name and called later, in a converted conv tower and in plain functions


def conv_tower(images, training):
    with tf.variable_scope("tower"):
        h = tf.layers.Conv2D(4, 3, padding="same", activation=tf.nn.relu)(images)
        h = tf.layers.MaxPooling2D(pool_size=2, strides=2)(h)
        h = tf.layers.AveragePooling2D(2, 1, padding="same")(h)
        h = tf.layers.Flatten()(h)
        h = tf.layers.Dropout(0.3)(h, training=training)
        return tf.layers.Dense(3)(h)


def sequence_pool(frames):
    pool = tf.layers.MaxPooling1D(2, 2, padding="valid")
    smooth = tf.layers.AveragePooling1D(pool_size=3, strides=1, padding="same")
    return smooth(pool(frames))


def volume_features(volume):
    h = tf.layers.MaxPooling3D(2, 2)(volume)
    h = tf.layers.AveragePooling3D(1, 1, data_format="channels_last")(h)
    return tf.layers.Dropout(rate=0.5, name="drop")(tf.layers.Flatten()(h))
