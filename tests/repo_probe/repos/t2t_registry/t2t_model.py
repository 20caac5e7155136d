import tensorflow as tf


class HParams(object):
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


class T2TModel(object):
    """Base class: __call__ opens the model's scope and runs body() (t2t's T2TModel, much reduced)."""

    def __init__(self, hparams, mode="train"):
        self._hparams = hparams
        self._mode = mode

    @property
    def hparams(self):
        return self._hparams

    @property
    def name(self):
        return getattr(self, "REGISTERED_NAME", type(self).__name__.lower())

    def __call__(self, inputs):
        with tf.variable_scope(self.name):
            return self.body(inputs)

    def body(self, inputs):
        raise NotImplementedError("Abstract method")
