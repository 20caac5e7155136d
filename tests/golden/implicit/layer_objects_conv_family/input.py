import tensorflow as tf


def video_autoencoder(clip, frames, signal, filters=4):
    with tf.variable_scope("autoencoder"):
        encode = tf.layers.Conv3D(filters, (2, 3, 3), strides=(1, 2, 2), padding="same",
                                  activation=tf.nn.relu, name="encode")
        code = encode(clip)
        upsample = tf.layers.Conv2DTranspose(2, 3, strides=2, padding="same")
        frame = upsample(frames)
        mix = tf.layers.SeparableConv2D(3, 3, depth_multiplier=2, padding="same")
        frame = mix(frame)
        temporal = tf.layers.Conv1D(filters, 3, dilation_rate=2, name="temporal")
        with tf.variable_scope("signal"):
            wave = temporal(signal)
        return tf.reduce_mean(code, axis=[1, 2, 3]), frame, wave
