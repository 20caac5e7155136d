"""The CycleGAN model class: two generators and two discriminators built by name, the
discriminators called on real, fake and pooled images with reuse=True."""
import tensorflow as tf

from module import *


class cyclegan(object):
    def __init__(self, L1_lambda=10.0, lr=0.0002):
        self.L1_lambda = L1_lambda
        self.lr = lr
        self.discriminator = discriminator
        self.generator = generator_resnet
        self.criterionGAN = mae_criterion
        self.options = default_options()

    def build_model(self, real_A, real_B, fake_A_sample, fake_B_sample):
        self.fake_B = self.generator(real_A, self.options, False, name="generatorA2B")
        self.fake_A_ = self.generator(self.fake_B, self.options, False, name="generatorB2A")
        self.fake_A = self.generator(real_B, self.options, True, name="generatorB2A")
        self.fake_B_ = self.generator(self.fake_A, self.options, True, name="generatorA2B")

        self.DB_fake = self.discriminator(self.fake_B, self.options, reuse=False, name="discriminatorB")
        self.DA_fake = self.discriminator(self.fake_A, self.options, reuse=False, name="discriminatorA")
        self.g_loss = self.criterionGAN(self.DA_fake, tf.ones_like(self.DA_fake)) \
            + self.criterionGAN(self.DB_fake, tf.ones_like(self.DB_fake)) \
            + self.L1_lambda * abs_criterion(real_A, self.fake_A_) \
            + self.L1_lambda * abs_criterion(real_B, self.fake_B_)

        self.DB_real = self.discriminator(real_B, self.options, reuse=True, name="discriminatorB")
        self.DA_real = self.discriminator(real_A, self.options, reuse=True, name="discriminatorA")
        self.DB_fake_sample = self.discriminator(fake_B_sample, self.options, reuse=True, name="discriminatorB")
        self.DA_fake_sample = self.discriminator(fake_A_sample, self.options, reuse=True, name="discriminatorA")
        self.db_loss = (self.criterionGAN(self.DB_real, tf.ones_like(self.DB_real))
                        + self.criterionGAN(self.DB_fake_sample, tf.zeros_like(self.DB_fake_sample))) / 2
        self.da_loss = (self.criterionGAN(self.DA_real, tf.ones_like(self.DA_real))
                        + self.criterionGAN(self.DA_fake_sample, tf.zeros_like(self.DA_fake_sample))) / 2
        self.d_loss = self.da_loss + self.db_loss

        t_vars = tf.trainable_variables()
        self.d_vars = [var for var in t_vars if 'discriminator' in var.name]
        self.g_vars = [var for var in t_vars if 'generator' in var.name]
        return self.g_loss, self.d_loss

    def train_ops(self, real_A, real_B, fake_A_sample, fake_B_sample):
        g_loss, d_loss = self.build_model(real_A, real_B, fake_A_sample, fake_B_sample)
        self.d_optim = tf.train.AdamOptimizer(self.lr, beta1=0.5).minimize(d_loss, var_list=self.d_vars)
        self.g_optim = tf.train.AdamOptimizer(self.lr, beta1=0.5).minimize(g_loss, var_list=self.g_vars)
        return g_loss, d_loss, self.d_optim, self.g_optim

    def test_outputs(self, test_A, test_B):
        testB = self.generator(test_A, self.options, True, name="generatorA2B")
        testA = self.generator(test_B, self.options, True, name="generatorB2A")
        return testA, testB
