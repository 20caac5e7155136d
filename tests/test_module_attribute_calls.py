"""Calls through a module object: `import pkg; pkg.fc(...)` where pkg/__init__.py re-exports
its submodule's helper, `__all__` following the rename, and other modules' code (`import
tensorlayer as tl`) inside a variable_scope, which never becomes a name_scope."""

from __future__ import annotations

from tests.test_project import _migrate
from migrate.transform import transform_source

_LAYERS = '''import tensorflow as tf
__all__ = ['fc']


def fc(x, units, name='fc'):
    with tf.variable_scope(name):
        w = tf.get_variable('w', [x.get_shape().as_list()[-1], units], initializer=tf.zeros_initializer())
        return tf.matmul(x, w)
'''
_MAIN = '''import tensorflow as tf
import pkg


def head(x):
    with tf.variable_scope('head'):
        return pkg.fc(x, 2, name='out')
'''


def test_a_package_re_export_is_called_through_the_package() -> None:
    out = _migrate({"pkg/__init__.py": "from .layers import *\n", "pkg/layers.py": _LAYERS, "main.py": _MAIN})
    assert "class Fc(tf.Module):" in out["pkg/layers.py"][0]
    assert "__all__ = ['Fc']" in out["pkg/layers.py"][0]  # else `from .layers import *` fails
    main = out["main.py"][0]
    assert "class Head(tf.Module):" in main and "pkg.Fc(name='out')" in main


def test_an_unresolved_attribute_of_a_run_module_keeps_its_variable_scope() -> None:
    out = _migrate({"pkg/__init__.py": "from .layers import *\n", "pkg/layers.py": _LAYERS,
                    "main.py": _MAIN.replace("pkg.fc(", "pkg.other(")})
    assert "name_scope('head')" not in out["main.py"][0]


def test_another_librarys_layers_inside_a_scope_keep_the_scope() -> None:
    out = transform_source('''import tensorflow as tf
import tensorlayer as tl


def head(x):
    with tf.variable_scope('head'):
        return tl.layers.fc(x, 2, name='out')
''', "m.py")
    assert "name_scope" not in out.code and "variable_scope('head')" in out.code
    assert any(d.code == "cross-file" and "tl.layers.fc" in d.message for d in out.diagnostics)


def test_dunder_all_keeps_both_names_when_the_def_stays() -> None:
    from migrate.codemod.dunder_all import rename_in_dunder_all
    import libcst as cst

    module = cst.parse_module('__all__ = ["fc", "other"]\n')
    assert rename_in_dunder_all(module, {"fc": "Fc"}, frozenset({"fc"})).code == '__all__ = ["fc", "Fc", "other"]\n'
    assert rename_in_dunder_all(module, {"fc": "Fc"}, frozenset()).code == '__all__ = ["Fc", "other"]\n'


def test_outside_importers_through_a_package_re_export_keep_the_defs() -> None:
    # P's F12: `migrate run nets` in a work tree whose classify.py does `import nets;
    # nets.resnet_small(...)`, resnet_small re-exported by nets/__init__.py
    from pathlib import Path

    from migrate.project import build_project, link

    root = Path("/virtual/f12")
    layers = _LAYERS.replace("__all__ = ['fc']", "__all__ = ['conv', 'fc']").replace(
        "\n\ndef fc(", "\n\ndef conv(x, n, name):\n    with tf.variable_scope(name):\n"
        "        return tf.matmul(x, tf.get_variable('w', [3, n]))\n\n\ndef fc(")
    sources = {root / "nets/__init__.py": "from .layers import *\nfrom .resnet import resnet_small\n",
               root / "nets/layers.py": layers,
               root / "nets/resnet.py": "import tensorflow as tf\nfrom .layers import conv\n\n\n"
                                        "def resnet_small(images):\n    with tf.variable_scope('resnet'):\n"
                                        "        return conv(images, 4, 'c1')\n"}
    outside = {root / "classify.py": "import nets\n\n\ndef head(images, x):\n"
                                     "    return nets.resnet_small(images), nets.fc(x, 5, name='head')\n"}
    project = build_project(sources, outside)
    plan = link(project)
    assert "resnet_small" in plan.plan_for(root / "nets/resnet.py").kept_tf1
    assert set(plan.plan_for(root / "nets/layers.py").kept_tf1) >= {"conv", "fc"}
    # the kept def still calls conv: its file imports both names
    assert ("conv", "+Conv") in plan.plan_for(root / "nets/resnet.py").import_renames
