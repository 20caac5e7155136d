import tensorflow as tf


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class ResnetStages(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.stage_unit_w = {}

    def __call__(self, x, num_stages=2, units_per_stage=2):
        dim = x.shape[-1]
        for s in range(num_stages):
            with _tf1_scope("stage%d" % (s + 1)):
                for u in range(units_per_stage):
                    with _tf1_scope("unit%d" % (u + 1)):
                        if ("stage%d" % (s + 1), "unit%d" % (u + 1)) not in self.stage_unit_w:
                            self.stage_unit_w[("stage%d" % (s + 1), "unit%d" % (u + 1))] = tf.Variable(tf.random_normal_initializer(stddev=0.1)([dim, dim], dtype=tf.float32), name="w")
                        w = self.stage_unit_w[("stage%d" % (s + 1), "unit%d" % (u + 1))]
                        x = x + tf.nn.relu(tf.matmul(x, w))
        return x
