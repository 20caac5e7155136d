"""Methods re-entering the scope another method of the same object created (GAN samplers,
migrate/codemod/reentry.py): converted to modules that use the creator's module, or refused
with the reason. Fast: transform_source only (the goldens methods/gan_sampler_reuse_variables,
methods/sampler_layers_reuse_variables and reuse/sampler_reuse_true_loop are proven by the checker)."""

from __future__ import annotations

import textwrap

from migrate.transform import transform_source

_HELPER = '''
import tensorflow as tf


def linear(input_, output_size, scope=None, stddev=0.02):
    shape = input_.get_shape().as_list()
    with tf.variable_scope(scope or "Linear"):
        matrix = tf.get_variable("Matrix", [shape[1], output_size], tf.float32,
                                 tf.random_normal_initializer(stddev=stddev))
        return tf.matmul(input_, matrix)

'''


def _gan(generator: str, sampler: str, extra: str = "") -> str:
    body = f'''
class GAN(object):
    def __init__(self, dim=4):
        self.dim = dim

{textwrap.indent(textwrap.dedent(generator), "    ")}
{textwrap.indent(textwrap.dedent(sampler), "    ")}
{textwrap.indent(textwrap.dedent(extra), "    ")}
    def build_model(self, z):
        return self.generator(z), self.sampler(z)
'''
    return _HELPER + body


_GENERATOR = '''
def generator(self, z):
    with tf.variable_scope("generator") as scope:
        h0 = tf.nn.relu(linear(z, self.dim, 'g_h0_lin'))
        w = tf.get_variable("w_out", [self.dim, 3])
        return tf.matmul(h0, w)
'''


def _run(source: str):
    out = transform_source(source, "model.py")
    problems = [d for d in out.diagnostics if d.severity != "info" and d.code not in ("compat-v1-kept",
                                                                                      "initializer-rewrite")]
    return out, problems


def test_sampler_with_reuse_variables_uses_the_generators_module():
    out, problems = _run(_gan(_GENERATOR, '''
        def sampler(self, z):
            with tf.variable_scope("generator") as scope:
                scope.reuse_variables()
                h0 = tf.nn.relu(linear(z, self.dim, 'g_h0_lin'))
                w = tf.get_variable("w_out", [self.dim, 3])
                return tf.matmul(h0, w)
        '''))
    assert not problems, problems
    code = out.code
    assert "def __init__(self, generator, name='generator'):" in code
    assert "self.g_h0_lin = Linear(name='g_h0_lin')" in code  # created once, by the generator
    assert code.count("Linear(name='g_h0_lin')") == 1
    assert "self.generator.g_h0_lin(z, owner.dim)" in code
    assert "w = self.generator.w_out" in code
    assert "self._sampler_module[key] = Sampler(self._generator_module[key])" in code
    assert "with self.generator.name_scope:" in code  # the creator's absolute scope, not its own
    sampler = next(f for f in out.functions if f.legacy_name == "GAN.sampler")
    assert sampler.variables == () and sampler.submodules == ()
    assert any("re-entered scope 'generator' of GAN.generator" in why for _, _, why in sampler.sites)


def test_reuse_true_and_get_variable_scope_forms():
    reuse_true = '''
        def sampler(self, z):
            with tf.variable_scope("generator", reuse=True):
                h0 = tf.nn.relu(linear(z, self.dim, 'g_h0_lin'))
                return tf.matmul(h0, tf.get_variable("w_out"))
        '''
    current_scope = '''
        def sampler(self, z):
            with tf.variable_scope("generator"):
                tf.get_variable_scope().reuse_variables()
                h0 = tf.nn.relu(linear(z, self.dim, 'g_h0_lin'))
                return tf.matmul(h0, tf.get_variable("w_out"))
        '''
    for sampler in (reuse_true, current_scope):
        out, problems = _run(_gan(_GENERATOR, sampler))
        assert not problems, (sampler, problems)
        assert "self.generator.g_h0_lin(z, owner.dim)" in out.code
        assert "tf.matmul(h0, self.generator.w_out)" in out.code


def test_asking_for_what_the_creator_never_creates_is_refused_by_name():
    source = _gan(_GENERATOR, '''
        def sampler(self, z):
            with tf.variable_scope("generator") as scope:
                scope.reuse_variables()
                h0 = tf.nn.relu(linear(z, self.dim, 'g_h0_lin'))
                return linear(h0, 3, 'g_h9_lin')
        ''')
    out, problems = _run(source)
    messages = [d.message for d in problems if d.code == "unsupported-scope"]
    assert any("GAN.sampler re-enters scope 'generator' of GAN.generator with reuse and asks for "
               "linear(...) in scope 'g_h9_lin', which GAN.generator does not create" in m for m in messages), messages
    assert "class Sampler" not in out.code and "class Generator" not in out.code  # the class stays as one unit

    missing_variable = _gan(_GENERATOR, '''
        def sampler(self, z):
            with tf.variable_scope("generator", reuse=True):
                return tf.matmul(z, tf.get_variable("w_in"))
        ''')
    _, problems = _run(missing_variable)
    assert any("asks for variable 'w_in', which GAN.generator does not create" in d.message for d in problems), problems


def test_auto_reuse_in_both_methods_is_refused():
    auto = _GENERATOR.replace('variable_scope("generator")', 'variable_scope("generator", reuse=tf.AUTO_REUSE)')
    out, problems = _run(_gan(auto, auto.replace("def generator", "def sampler")))
    assert any(d.code == "unsupported-scope" and "AUTO_REUSE" in d.message and "call order" in d.message
               for d in problems), problems
    assert "class Sampler" not in out.code


def test_several_creators_or_none_are_refused():
    reuser = '''
        def sampler(self, z):
            with tf.variable_scope("generator", reuse=True):
                return linear(z, self.dim, 'g_h0_lin')
        '''
    _, problems = _run(_gan(_GENERATOR, reuser, _GENERATOR.replace("def generator", "def generator_ema")))
    assert any("which several methods create variables in (GAN.generator, GAN.generator_ema)" in d.message
               for d in problems), problems
    only_reusers = _GENERATOR.replace('variable_scope("generator")', 'variable_scope("generator", reuse=True)')
    _, problems = _run(_gan(only_reusers, reuser))
    assert any("every method opening it reuses too" in d.message for d in problems), problems


def test_sampler_calling_the_generator_with_reuse_and_two_discriminator_callers_share_by_delegate():
    source = _HELPER + '''
class GAN(object):
    def generator(self, z, reuse=False, train=True):
        with tf.variable_scope("generator", reuse=reuse):
            return linear(z, 4, 'g_h0_lin')

    def discriminator(self, x, reuse=False):
        with tf.variable_scope("discriminator") as scope:
            if reuse:
                scope.reuse_variables()
            return linear(x, 1, 'd_h0_lin')

    def sampler(self, z):
        return self.generator(z, reuse=True, train=False)

    def d_loss(self, real, z):
        return self.discriminator(real) - self.discriminator(self.generator(z), reuse=True)

    def g_loss(self, z):
        return -self.discriminator(self.sampler(z), reuse=True)
'''
    out, problems = _run(source)
    assert not problems, problems
    assert "Sampler(self._generator_module" not in out.code  # calls the delegates: nothing re-entered
    assert out.code.count("self._generator_module[key] = Generator()") == 1
    assert out.code.count("self._discriminator_module[key] = Discriminator()") == 1


def test_plain_functions_reusing_another_functions_scope_stay_refused():
    source = _HELPER + '''
def generator(z):
    with tf.variable_scope("generator"):
        return linear(z, 4, 'g_h0_lin')


def sampler(z):
    with tf.variable_scope("generator", reuse=True):
        return linear(z, 4, 'g_h0_lin')
'''
    _, problems = _run(source)
    assert any("linear reuses variables created by another function" in d.message for d in problems), problems


def test_two_methods_with_reuse_parameters_on_one_scope_are_refused():
    with_param = _GENERATOR.replace("def generator(self, z):", "def generator(self, z, reuse=False):").replace(
        'variable_scope("generator")', 'variable_scope("generator", reuse=reuse)')
    sampler = with_param.replace("def generator(self, z, reuse=False):", "def sampler(self, z, reuse=True):")
    out, problems = _run(_gan(with_param, sampler))
    assert any("both open scope 'generator', one with reuse given by a parameter" in d.message for d in problems), problems
    assert "class Sampler" not in out.code


_SCOPE_LESS = _HELPER + '''
class DCGAN(object):
    def generator(self, z):
        return tf.nn.tanh(linear(z, 4, 'g_h0_lin'))

    def discriminator(self, x, reuse=False):
        if reuse:
            tf.get_variable_scope().reuse_variables()
        return linear(x, 1, 'd_h0_lin')

    def sampler(self, z):
        tf.get_variable_scope().reuse_variables()
        return tf.nn.tanh(linear(z, 4, 'SAMPLED'))
'''


def test_scope_less_sampler_reusing_its_callers_scope():
    out, problems = _run(_SCOPE_LESS.replace("'SAMPLED'", "'g_h0_lin'"))
    assert not problems, problems
    assert "return tf.nn.tanh(self.generator.g_h0_lin(z, 4))" in out.code
    assert "Sampler(self._generator_module[key])" in out.code
    _, problems = _run(_SCOPE_LESS.replace("'SAMPLED'", "'g_h9_lin'"))
    assert any("DCGAN.sampler reuses its caller's scope and asks for linear(...) in scope 'g_h9_lin', which none "
               "of the other methods of DCGAN creates" in d.message for d in problems), problems
    twice = _SCOPE_LESS.replace("'SAMPLED'", "'g_h0_lin'") + '''
    def generator_ema(self, z):
        return linear(z, 4, 'g_h0_lin')
'''
    _, problems = _run(twice)
    assert any("reuses variables that several methods create (DCGAN.generator, DCGAN.generator_ema)" in d.message
               for d in problems), problems
