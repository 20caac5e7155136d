"""A file whose trial fails with a stale reference no refusal of its own explains stays as it is,
consistently (P's G13, pix2pix's train.py): its hosts keep calling the defs kept for it, so its final
transform cannot gain an undefined class name, and a second run changes nothing; the refusals of
its functions carry the trial's error (P's G4: "see its error" named no error anywhere)."""

from __future__ import annotations

from pathlib import Path

_NETS = '''import tensorflow as tf


def generator(z):
    with tf.variable_scope('g_fc'):
        w = tf.get_variable('w', [z.get_shape()[-1], 6], initializer=tf.zeros_initializer())
        return tf.matmul(z, w)


def dense(x, units):
    return tf.layers.dense(x, units)


def discriminator(x):
    h = tf.nn.relu(dense(x, 4))
    return dense(h, 1)
'''

# `build` is a training graph (a host); the discriminator in a name_scope refuses the host in the
# first trial, the unnamed layers run twice in one scope refuse the discriminator in nets.py's.
_TRAIN = '''import tensorflow as tf

from nets import discriminator, generator


def build(z, real, lr=0.1):
    with tf.variable_scope('generator'):
        fake = generator(z)
    with tf.name_scope('real_discriminator'):
        with tf.variable_scope('discriminator'):
            d_real = discriminator(real)
    with tf.name_scope('fake_discriminator'):
        with tf.variable_scope('discriminator', reuse=True):
            d_fake = discriminator(fake)
    loss = tf.reduce_mean(d_fake - d_real)
    return tf.train.GradientDescentOptimizer(lr).minimize(loss)


def judge(z, real):
    with tf.variable_scope('generator'):
        fake = generator(z)
    with tf.variable_scope('discriminator'):
        d_real = discriminator(real)
    with tf.variable_scope('discriminator', reuse=True):
        return d_real, discriminator(fake)
'''


def test_a_file_left_as_it_is_by_its_trial_is_consistent_and_says_why(tmp_path: Path, cli) -> None:
    (tmp_path / "nets.py").write_text(_NETS)
    (tmp_path / "train.py").write_text(_TRAIN)
    first = cli("run", str(tmp_path))
    assert first.exit_code == 0 and "internal-error" not in first.output, first.output
    train = (tmp_path / "train.py").read_text()
    assert "from nets import discriminator, generator" in train and "Generator(" not in train
    assert "tf.compat.v1.train.GradientDescentOptimizer" in train  # the upgrade stage still ran
    assert "def generator(" in (tmp_path / "nets.py").read_text()  # kept for train.py's host
    assert "judge left unchanged: its file could not be migrated (train.py:11: unsupported-scope" in first.output
    again = cli("run", str(tmp_path))
    assert "0 changed" in again.output, again.output


def test_the_refusals_of_a_file_left_as_it_is_name_its_trials_error(tmp_path: Path, cli) -> None:
    """P's G4: a VAE sampler re-entering 'decoder' with reuse=True (vae.py) beside a template user
    of the same helper (template_vae.py, which keeps fc's def): vae.py's functions said only 'its
    file could not be migrated (see its error)', with no error shown anywhere."""
    (tmp_path / "layers.py").write_text('''import tensorflow as tf


def fc(x, n_out, name):
    with tf.variable_scope(name):
        w = tf.get_variable('w', [x.get_shape().as_list()[-1], n_out], initializer=tf.zeros_initializer())
        return tf.matmul(x, w)
''')
    (tmp_path / "vae.py").write_text('''import tensorflow as tf
from layers import fc


def decoder(z):
    with tf.variable_scope('decoder'):
        return fc(z, 5, 'x_logits')


def generate(z_prior):
    with tf.variable_scope('decoder', reuse=True):
        return fc(z_prior, 5, 'x_logits')
''')
    (tmp_path / "template_vae.py").write_text('''import tensorflow as tf
from layers import fc


def decoder_fn(z):
    return fc(z, 5, 'out')


def templated(z, z2):
    decode = tf.make_template('decoder', decoder_fn)
    return decode(z), decode(z2)
''')
    out = cli("run", str(tmp_path)).output
    assert "see its error" not in out, out
    assert "generate left unchanged: its file could not be migrated (vae.py:" in out and "unsupported-scope" in out
