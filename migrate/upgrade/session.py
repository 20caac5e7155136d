"""`with tf.Session() as sess:` blocks that only initialise variables and fetch values become
eager code: the block's body, dedented, with `sess.run(v)` -> `v.numpy()`."""

from __future__ import annotations

import libcst as cst

from migrate.upgrade import rules


class _Uses(cst.CSTVisitor):
    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.name:
            self.count += 1


def _uses(node: cst.CSTNode, name: str) -> int:
    v = _Uses(name)
    node.visit(v)
    return v.count


def _run_arg(up, call: cst.BaseExpression, sess: str) -> cst.BaseExpression | None:
    """`sess.run(X)` with one positional X that does not use `sess` -> X, else None."""
    if not (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and isinstance(call.func.value, cst.Name)
        and call.func.value.value == sess
        and call.func.attr.value == "run"
        and len(call.args) == 1
        and call.args[0].keyword is None
        and not call.args[0].star
    ):
        return None
    arg = call.args[0].value
    return None if _uses(arg, sess) else arg


def _is_initializer(up, expr: cst.BaseExpression) -> bool:
    if isinstance(expr, cst.Call) and not expr.args:
        ref = up.resolve(expr.func)
        return ref is not None and ref.name in rules.VARIABLE_INITIALIZERS
    return False


def analyse_with(up, node: cst.With):
    """A plan (per-statement actions) when the block can be made eager, else None (a Session
    block that cannot is reported as "session-loop")."""
    if len(node.items) != 1 or not isinstance(node.items[0].item, cst.Call):
        return None
    item = node.items[0]
    ref = up.resolve(item.item.func)
    if ref is None or ref.name not in ("tf.Session", "tf.InteractiveSession"):
        return None

    def refuse(why: str):
        up.report("session-loop", f"Session block left as is: {why}", node, "warning")
        return None

    if item.item.args:
        return refuse("the Session takes arguments (graph/config/target)")
    if item.asname is None or not isinstance(item.asname.name, cst.Name):
        return refuse("the session is used implicitly (no `as sess`)")
    if not isinstance(node.body, cst.IndentedBlock):
        return refuse("one-line block")
    sess = item.asname.name.value
    actions = []
    init_funcs = []
    for stmt in node.body.body:
        if not _uses(stmt, sess):
            actions.append("keep")
            continue
        if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
            return refuse(f"`{sess}` is used in a loop or compound statement (feed-dict / "
                          "training loop); make the step a tf.function by hand")
        small = stmt.body[0]
        if isinstance(small, cst.Expr):
            arg = _run_arg(up, small.value, sess)
            if arg is not None:
                if _is_initializer(up, arg):
                    actions.append("drop")
                    init_funcs.append(arg.func)
                else:
                    actions.append("run")
                continue
            call = small.value
            if (isinstance(call, cst.Call) and isinstance(call.func, cst.Name)
                    and call.func.value == "print"
                    and sum(_run_arg(up, a.value, sess) is not None for a in call.args) == _uses(call, sess)):
                actions.append("run")
                continue
        elif isinstance(small, cst.Assign) and _run_arg(up, small.value, sess) is not None:
            if not any(_uses(t, sess) for t in small.targets):
                actions.append("run")
                continue
        return refuse(f"`{sess}` is used beyond `{sess}.run(value)` without feed_dict")
    # the session and the initializer disappear: their compat diagnostics are deferred
    up._quiet.add(id(item.item.func))
    for f in init_funcs:
        up._quiet.add(id(f))
    return (sess, actions)


def _numpy(expr: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(expr, (cst.List, cst.Tuple)):
        return expr.with_changes(elements=[
            e.with_changes(value=_numpy(e.value)) if isinstance(e, cst.Element) else e
            for e in expr.elements
        ])
    from migrate.upgrade.transformer import _paren

    return cst.Call(func=cst.Attribute(value=_paren(expr), attr=cst.Name("numpy")))


class _Fetch(cst.CSTTransformer):
    def __init__(self, up, sess: str) -> None:
        super().__init__()
        self.up, self.sess = up, sess

    def leave_Call(self, original_node, updated_node):
        arg = _run_arg(self.up, updated_node, self.sess)
        if arg is None:
            return updated_node
        return _numpy(arg).with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)


def rewrite_with(up, original: cst.With, updated: cst.With, plan) -> list[cst.BaseStatement]:
    sess, actions = plan
    out: list[cst.BaseStatement] = []
    fetch = _Fetch(up, sess)
    for action, stmt in zip(actions, updated.body.body):
        if action == "drop":
            continue
        out.append(stmt.visit(fetch) if action == "run" else stmt)
    if out:  # the block's own comments stay with its first statement
        first = out[0]
        out[0] = first.with_changes(leading_lines=[*updated.leading_lines, *first.leading_lines])
    up.report("session-loop", "Session block made eager: variables are initialised on creation, "
              f"`{sess}.run(x)` -> `x.numpy()`", original, "info")
    return out
