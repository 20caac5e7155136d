"""Scope names that are paths (P's H18): `linear(x, 2, scope='policy/pi')`, `'%s/pi' % name`.

TF1 opens every part of such a name (`policy/pi/Matrix`), but a tf.Module's name must be a
Python identifier (`Linear(name='policy/pi')` raises ValueError). The converted call site builds
its module with `_tf1_named(Linear, 'policy/pi')` instead: under the outer parts, entered as
`_tf1_scope` enters a TF1 scope (absolute, so also inside tf.function), and named by the last
part. A tf.Module keeps the name scope it was built in, so its variables get TF1's full names.
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.naming import literal_string, pattern_text

NAMED_HELPER_NAME = "_tf1_named"
NAMED_HELPER = '''
def _tf1_named(module_class, name):
    """A module for a TF1 scope path ('policy/pi'): tf.Module names are identifiers, so it is built
    under the outer scopes, as TF1 opened them, and named by the last part."""
    outer, _, last = name.rpartition("/")
    if not outer:
        return module_class(name=name)
    with _tf1_scope(outer):
        return module_class(name=last)
'''


def may_be_path(name: cst.BaseExpression) -> bool:
    """A scope name given at a call site that holds a '/': a literal, or the literal skeleton of
    a formatted name (`'%s/pi' % name`, `'model/' + name`, f'{name}/pi')."""
    literal = literal_string(name)
    if literal is not None:
        return "/" in literal
    if isinstance(name, cst.BinaryOperation) and isinstance(name.operator, cst.Add):
        return may_be_path(name.left) or may_be_path(name.right)
    return "/" in pattern_text(name)


def path_safe_ctor(ctor: str, class_name: str) -> str | None:
    """`Linear(name='policy/pi')` -> `_tf1_named(Linear, 'policy/pi')`; None when the
    constructor is not of that form or its name holds no '/'."""
    try:
        call = cst.parse_expression(ctor)
    except cst.ParserSyntaxError:
        return None
    if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value == class_name
            and len(call.args) == 1 and call.args[0].keyword is not None
            and call.args[0].keyword.value == "name" and not call.args[0].star):
        return None
    name = call.args[0].value
    if not may_be_path(name):
        return None
    return f"{NAMED_HELPER_NAME}({class_name}, {cst.Module(body=[]).code_for_node(name)})"
