"""Notes on porting.

The old code used tf.variable_scope("encoder", reuse=True) and
tf.get_variable("w", [4, 4]); this module only documents that and
contains no TensorFlow code at all.
"""

LEGACY_PATTERNS = [
    "tf.variable_scope(",
    "tf.get_variable(",
    "scope.reuse_variables()",
    "reuse=tf.AUTO_REUSE",
]


def count_legacy_mentions(text):
    # e.g. count_legacy_mentions(open("model.py").read())
    return sum(text.count(p) for p in LEGACY_PATTERNS)
