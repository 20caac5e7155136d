from collections import namedtuple
import tensorflow as tf
from module import *


class Build(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.generator_a2_b = Generator(name="generatorA2B")
        self.generator_b2_a = Generator(name="generatorB2A")
        self.discriminator_b = Discriminator(name="discriminatorB")
        self.discriminator_a = Discriminator(name="discriminatorA")

    def __call__(self, owner, real_A, real_B):
        fake_B = self.generator_a2_b(real_A, owner.options, False)
        fake_A = self.generator_b2_a(real_B, owner.options, False)
        DB_fake = self.discriminator_b(fake_B, owner.options, reuse=False)
        DB_real = self.discriminator_b(real_B, owner.options, reuse=True)
        DA_real = self.discriminator_a(real_A, owner.options, reuse=False)
        return fake_B, fake_A, DB_fake, DB_real, DA_real


class cyclegan(tf.Module):
    def __init__(self, df_dim=4, output_c_dim=3):
        super().__init__()
        self._build_module = {}
        pass
        pass
        OPTIONS = namedtuple('OPTIONS', 'df_dim output_c_dim')
        self.options = OPTIONS._make((df_dim, output_c_dim))

    def build(self, real_A, real_B):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._build_module:
            self._build_module[key] = Build()
        return self._build_module[key](self, real_A, real_B)
