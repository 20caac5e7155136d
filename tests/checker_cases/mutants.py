"""Broken migrations for the checker's own tests, as named edits of a correct one.

Each entry: the file it stands for, the correct file it starts from, and the (old, new) text
replacements that break it, applied in order — one kind of breakage each, readable here
instead of as whole near-identical copies.
"""

from __future__ import annotations

from pathlib import Path

MUTANTS: dict[str, tuple[str, list[tuple[str, str]]]] = \
{'gan_changed_init.py': ('gan_ok.py',
                         [('                '
                           'tf.random_normal_initializer(stddev=self.stddev)([shape[1], '
                           'self.output_size],\n'
                           '                                                                 '
                           'tf.float32),\n',
                           '                tf.random.truncated_normal([shape[1], '
                           'self.output_size], stddev=self.stddev),\n'),
                          ('"""A faithful migration of gan_legacy.py (DESIGN.md output '
                           'style)."""\n',
                           '"""BROKEN migration of gan_legacy.py: Matrix drawn from a truncated '
                           'normal instead of TF1\'s random_normal_initializer."""\n')]),
 'gan_dropped.py': ('gan_ok.py',
                    [('            self.bias = tf.Variable(\n'
                      '                '
                      'tf.constant_initializer(self.bias_start)([self.output_size], tf.float32),\n'
                      '                name="bias")\n'
                      '        return tf.matmul(input_, self.matrix) + self.bias\n',
                      '        return tf.matmul(input_, self.matrix) + self.bias_start\n'),
                     ('"""A faithful migration of gan_legacy.py (DESIGN.md output style)."""\n',
                      '"""BROKEN migration of gan_legacy.py: Linear drops its bias variable '
                      '(bias_start is 0, so outputs at initial weights still agree)."""\n')]),
 'gan_dtype.py': ('gan_ok.py',
                  [('            self.temperature = tf.Variable(tf.constant(1.0, tf.float64), '
                    'name="temperature")\n',
                    '            self.temperature = tf.Variable(tf.constant(1.0, tf.float32), '
                    'name="temperature")\n'),
                   ('"""A faithful migration of gan_legacy.py (DESIGN.md output style)."""\n',
                    '"""BROKEN migration of gan_legacy.py: generator/temperature is float32 '
                    'instead of float64 (same value)."""\n')]),
 'gan_overshared.py': ('gan_ok.py',
                       [('            d = tf.matmul(tf.nn.tanh(e), self.decoder_table(8))\n',
                         '            d = tf.matmul(tf.nn.tanh(e), self.encoder_table(8))  # '
                         'BROKEN: over-shared\n'),
                        ('        if self.table is None:\n'
                         '            self.table = tf.Variable(glorot_uniform([dim, dim]), '
                         'name="table")\n',
                         ''),
                        ('        self.table = None\n\n    @tf.Module.with_name_scope\n',
                         '        self.table = None\n'
                         '\n'
                         '        with self.name_scope:\n'
                         '            self.table = tf.Variable(glorot_uniform([8, 8]), '
                         'name="table")\n'
                         '\n'),
                        ('        self.table = None\n', ''),
                        ('"""A faithful migration of gan_legacy.py (DESIGN.md output style)."""\n',
                         '"""BROKEN migration of gan_legacy.py: both tables exist (same names, '
                         "same initial values), but the decoder uses the encoder's: only distinct "
                         'per-name weights show it."""\n')]),
 'gan_overshared_missing.py': ('gan_ok.py',
                               [('            d = tf.matmul(tf.nn.tanh(e), '
                                 'self.decoder_table(8))\n',
                                 '            d = tf.matmul(tf.nn.tanh(e), self.encoder_table(8))  '
                                 '# BROKEN: over-shared\n'),
                                ('"""A faithful migration of gan_legacy.py (DESIGN.md output '
                                 'style)."""\n',
                                 '"""BROKEN migration of gan_legacy.py: AUTO_REUSE under two '
                                 "parents is two variables, but the decoder reuses the encoder's "
                                 'table (the decoder table is never created)."""\n')]),
 'gan_renamed.py': ('gan_ok.py',
                    [('                name="bias")\n', '                name="b")\n'),
                     ('"""A faithful migration of gan_legacy.py (DESIGN.md output style)."""\n',
                      '"""BROKEN migration of gan_legacy.py: Linear\'s bias is named \'b\' instead '
                      'of \'bias\'."""\n')]),
 'gan_shape_error.py': ('gan_ok.py',
                        [('                '
                          'tf.random_normal_initializer(stddev=self.stddev)([shape[1], '
                          'self.output_size],\n',
                          '                '
                          'tf.random_normal_initializer(stddev=self.stddev)([self.output_size, '
                          'shape[1]],\n'),
                         ('"""A faithful migration of gan_legacy.py (DESIGN.md output style)."""\n',
                          '"""BROKEN migration of gan_legacy.py: Linear\'s matrix has its '
                          'dimensions swapped: the call cannot run."""\n')]),
 'gan_trainable.py': ('gan_ok.py',
                      [('            self.scale = tf.Variable(tf.ones([8]), trainable=False, '
                        'name="scale")\n',
                        '            self.scale = tf.Variable(tf.ones([8]), name="scale")\n'),
                       ('"""A faithful migration of gan_legacy.py (DESIGN.md output style)."""\n',
                        '"""BROKEN migration of gan_legacy.py: generator/scale lost '
                        'trainable=False."""\n')]),
 'gan_unshared.py': ('gan_ok.py',
                     [('        return self.discriminator(images), self.discriminator(fake)  # '
                       'explicit sharing\n',
                       '        return self.discriminator(images), '
                       'self.discriminator_fake(fake)\n'),
                      ('        self.discriminator = Discriminator()\n',
                       '        self.discriminator = Discriminator()\n'
                       '        self.discriminator_fake = Discriminator()  # BROKEN: should be '
                       'self.discriminator\n'),
                      ('"""A faithful migration of gan_legacy.py (DESIGN.md output style)."""\n',
                       '"""BROKEN migration of gan_legacy.py: the discriminator should be shared '
                       'by its two calls but a second instance is made (same names, twice the '
                       'variables)."""\n')]),
 'gan_unshared_renamed.py': ('gan_ok.py',
                             [('        return self.discriminator(images), '
                               'self.discriminator(fake)  # explicit sharing\n',
                               '        return self.discriminator(images), '
                               'self.discriminator_1(fake)\n'),
                              ('        self.discriminator = Discriminator()\n',
                               '        self.discriminator = Discriminator()\n'
                               '        self.discriminator_1 = '
                               'Discriminator(name="discriminator_1")  # BROKEN\n'),
                              ('"""A faithful migration of gan_legacy.py (DESIGN.md output '
                               'style)."""\n',
                               '"""BROKEN migration of gan_legacy.py: the discriminator should be '
                               'shared but a second instance is made under another name."""\n')]),
 'script_changed_init.py': ('script_ok.py',
                            [('w = tf.Variable(tf.random.truncated_normal([4, 3], stddev=0.1), '
                              'name="w")\n',
                              'w = tf.Variable(tf.random.normal([4, 3], stddev=0.1), name="w")\n'),
                             ('"""A faithful migration of script_legacy.py; the TF1 session code '
                              'at the end is left as is."""\n',
                              '"""BROKEN migration of script_legacy.py: w drawn from a normal '
                              'instead of a truncated normal."""\n')]),
 'script_dropped.py': ('script_ok.py',
                       [('w = tf.Variable(tf.random.truncated_normal([4, 3], stddev=0.1), '
                         'name="w")\n',
                         ''),
                        ('"""A faithful migration of script_legacy.py; the TF1 session code at the '
                         'end is left as is."""\n',
                         '"""BROKEN migration of script_legacy.py: w is dropped."""\n')]),
 'script_dtype.py': ('script_ok.py',
                     [('    steps = tf.Variable(tf.constant(0, tf.int64), name="steps", '
                       'trainable=False)\n',
                       '    steps = tf.Variable(tf.constant(0, tf.int32), name="steps", '
                       'trainable=False)\n'),
                      ('"""A faithful migration of script_legacy.py; the TF1 session code at the '
                       'end is left as is."""\n',
                       '"""BROKEN migration of script_legacy.py: counters/steps is int32 instead '
                       'of int64."""\n')]),
 'script_overshared.py': ('script_ok.py',
                          [('for parent in ("enc", "dec"):\n'
                            '    with tf.name_scope(parent):\n'
                            '        emb[parent] = Emb()\n',
                            'with tf.name_scope("enc"):\n'
                            '    emb["enc"] = Emb()\n'
                            'emb["dec"] = emb["enc"]\n'),
                           ('"""A faithful migration of script_legacy.py; the TF1 session code at '
                            'the end is left as is."""\n',
                            '"""BROKEN migration of script_legacy.py: enc/emb and dec/emb are two '
                            'tables in TF1; here dec reuses enc\'s."""\n')]),
 'script_renamed.py': ('script_ok.py',
                       [('    steps = tf.Variable(tf.constant(0, tf.int64), name="steps", '
                         'trainable=False)\n',
                         '    steps = tf.Variable(tf.constant(0, tf.int64), name="step", '
                         'trainable=False)\n'),
                        ('"""A faithful migration of script_legacy.py; the TF1 session code at the '
                         'end is left as is."""\n',
                         '"""BROKEN migration of script_legacy.py: counters/steps renamed '
                         'counters/step."""\n')]),
 'script_trainable.py': ('script_ok.py',
                         [('    steps = tf.Variable(tf.constant(0, tf.int64), name="steps", '
                           'trainable=False)\n',
                           '    steps = tf.Variable(tf.constant(0, tf.int64), name="steps")\n'),
                          ('"""A faithful migration of script_legacy.py; the TF1 session code at '
                           'the end is left as is."""\n',
                           '"""BROKEN migration of script_legacy.py: counters/steps lost '
                           'trainable=False."""\n')]),
 'script_unshared.py': ('script_ok.py',
                        [('var3 = my_scope.my_variable\n',
                          'var3 = tf.Variable(tf.zeros([2, 2]), name="my_scope/my_variable")\n'),
                         ('"""A faithful migration of script_legacy.py; the TF1 session code at '
                          'the end is left as is."""\n',
                          '"""BROKEN migration of script_legacy.py: var3 should be var1 again but '
                          'is a second variable of the same name."""\n')]),
 # the derived table computed once in the constructor: stale once the variable changes (P's H3)
 'derived_stale.py': ('derived_ok.py',
                      [('        owner._compute_embeddings = lambda: tf.concat(',
                        '        owner.embeddings = tf.concat('),
                       ("        owner._compute_embeddings()  # makes its variables here, under the "
                        "constructor's scopes\n", ''),
                       ('    @property\n    def embeddings(self):\n'
                        "        # TF1's graph recomputed this tensor from the variables on every run\n"
                        '        return self._compute_embeddings()\n\n', ''),
                       ('"""A faithful migration of derived_legacy.py: the derived embedding table is '
                        'recomputed on every read."""\n',
                        '"""BROKEN migration of derived_legacy.py: the derived embedding table is '
                        'computed once, in the constructor."""\n')])}


def materialize(source_dir: Path, dest: Path) -> Path:
    """Copy every case file to `dest` and write each mutant beside them; returns `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in source_dir.glob("*.py"):
        if path.name != "mutants.py":
            (dest / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for name, (base, edits) in MUTANTS.items():
        text = (source_dir / base).read_text(encoding="utf-8")
        for old, new in edits:
            assert text.count(old) == 1, f"{name}: an edit does not apply to {base}"
            text = text.replace(old, new)
        (dest / name).write_text(text, encoding="utf-8")
    return dest
