"""Variable listings inside converted code (migrate/codemod/lookups.py): rewritten to the module's
variables when the filter provably selects them, else refused naming the module. Fast:
transform_source only (goldens functions/own_scope_variable_list and the GAN cases prove the sets
with the checker)."""

from __future__ import annotations

from migrate.transform import transform_source

_NETS = '''
import tensorflow as tf
import tensorflow.contrib.slim as slim


def discriminator(x, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        return tf.matmul(x, tf.get_variable("w", [x.get_shape()[-1], 3]))


def generator(z):
    with tf.variable_scope("generator"):
        return tf.matmul(z, tf.get_variable("w", [z.get_shape()[-1], 4]))

'''


def _problems(out):
    return [d for d in out.diagnostics if d.severity != "info" and d.code not in ("compat-v1-kept", "contrib")]


def test_framework_and_slim_listings_and_comprehensions():
    source = _NETS + '''
def build(z, x):
    fake = generator(z)
    d_real, d_fake = discriminator(x), discriminator(fake, reuse=True)
    d_vars = tf.contrib.framework.get_variables("discriminator")
    g_vars = slim.get_trainable_variables(scope="generator")
    w_vars = [v for v in tf.trainable_variables() if "w" in v.name]
    return d_real, d_fake, d_vars, g_vars, w_vars
'''
    out = transform_source(source, "gan.py")
    assert not _problems(out), _problems(out)
    assert "d_vars = [v for v in self.variables if v.name.startswith('discriminator')]" in out.code
    assert "g_vars = [v for v in self.trainable_variables if v.name.startswith('generator')]" in out.code
    assert 'w_vars = [v for v in list(self.trainable_variables) if "w" in v.name]' in out.code


def test_listing_by_the_functions_own_captured_scope():
    source = '''
import tensorflow as tf


def encoder(x, reuse=False):
    with tf.variable_scope("enc", reuse=reuse) as vs:
        h = tf.matmul(x, tf.get_variable("w", [x.get_shape()[-1], 3]))
    return h, tf.contrib.framework.get_variables(vs), tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, vs.name)


def model(x):
    return encoder(x)
'''
    out = transform_source(source, "enc.py")
    assert not _problems(out), _problems(out)
    assert "return h, list(self.variables), list(self.trainable_variables)" in out.code


def test_own_scope_listing_refused_when_another_scope_extends_its_name():
    source = '''
import tensorflow as tf


def disc(x):
    with tf.variable_scope("D") as vs:
        h = tf.matmul(x, tf.get_variable("w", [x.get_shape()[-1], 3]))
    return h, tf.contrib.framework.get_variables(vs)


def disc_aux(x):
    with tf.variable_scope("D_aux"):
        return tf.matmul(x, tf.get_variable("w", [x.get_shape()[-1], 3]))


def model(x):
    return disc(x), disc_aux(x)
'''
    out = transform_source(source, "d.py")
    messages = [d.message for d in _problems(out) if d.code == "scope-lookup"]
    assert any("also selects the variables of scope 'D_aux'" in m and "Disc(...).variables" in m
               for m in messages), messages
    assert "class Disc(" not in out.code


def test_own_scope_listing_refused_when_the_scope_name_comes_from_the_caller():
    source = '''
import tensorflow as tf


def block(x, name):
    with tf.variable_scope(name) as vs:
        h = tf.matmul(x, tf.get_variable("w", [x.get_shape()[-1], 3]))
    return h, tf.contrib.framework.get_variables(vs)


def model(x):
    return block(x, "layer_1"), block(x, "layer_10")
'''
    out = transform_source(source, "b.py")
    messages = [d.message for d in _problems(out) if d.code == "scope-lookup"]
    assert any("not a literal scope of the function's own" in m and "Block(...).variables" in m
               for m in messages), messages


def test_listings_left_beside_converted_code_are_reported_naming_the_modules():
    """baselines' Model.trainable_vars: a property beside a converted __call__ keeps reading TF1
    collections, which hold the modules' variables only in graph mode (an info note)."""
    source = '''
import tensorflow as tf


class Model(object):
    def __init__(self, name):
        self.name = name

    @property
    def trainable_vars(self):
        return tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=self.name)


class Actor(Model):
    def __call__(self, obs, reuse=False):
        with tf.variable_scope(self.name) as scope:
            if reuse:
                scope.reuse_variables()
            return tf.matmul(obs, tf.get_variable("w", [obs.get_shape()[-1], 2]))
'''
    out = transform_source(source, "models.py")
    stale = [d for d in out.diagnostics if d.code == "scope-lookup"]
    assert len(stale) == 1 and stale[0].line == 11, stale
    assert "Model.trainable_vars stays TF1 code" in stale[0].message
    assert "converted modules (ActorCall)" in stale[0].message and "`.trainable_variables`" in stale[0].message
    assert stale[0].severity == "info"
    assert "class ActorCall(tf.Module)" in out.code  # reported, not refused


def test_listing_by_an_objects_name_in_converted_code_is_refused_naming_it():
    source = '''
import tensorflow as tf


class Critic(object):
    def __init__(self, name="critic"):
        self.scope = name

    def __call__(self, obs):
        scope = self.scope
        with tf.variable_scope("critic"):
            q = tf.matmul(obs, tf.get_variable("w", [obs.get_shape()[-1], 1]))
        return q, tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=scope)
'''
    out = transform_source(source, "critic.py")
    messages = [d.message for d in _problems(out) if d.code == "scope-lookup"]
    assert any("the variables of this module are CriticCall(...).trainable_variables" in m for m in messages), messages
