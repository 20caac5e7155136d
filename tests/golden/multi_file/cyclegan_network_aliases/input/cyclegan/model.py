from collections import namedtuple
import tensorflow as tf
from module import *


class cyclegan(object):
    def __init__(self, df_dim=4, output_c_dim=3):
        self.discriminator = discriminator
        self.generator = generator
        OPTIONS = namedtuple('OPTIONS', 'df_dim output_c_dim')
        self.options = OPTIONS._make((df_dim, output_c_dim))

    def build(self, real_A, real_B):
        fake_B = self.generator(real_A, self.options, False, name="generatorA2B")
        fake_A = self.generator(real_B, self.options, False, name="generatorB2A")
        DB_fake = self.discriminator(fake_B, self.options, reuse=False, name="discriminatorB")
        DB_real = self.discriminator(real_B, self.options, reuse=True, name="discriminatorB")
        DA_real = self.discriminator(real_A, self.options, reuse=False, name="discriminatorA")
        return fake_B, fake_A, DB_fake, DB_real, DA_real
