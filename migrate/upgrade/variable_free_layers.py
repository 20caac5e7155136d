"""Variable-free tf.layers OBJECTS (P's H19): `tf.layers.MaxPooling2D(2, 2)(x)`, `Flatten()(h)`,
`Dropout(0.5)(h, training=t)`, AveragePooling*, 1D/2D/3D.

TF2 has them only as `tf.compat.v1.layers.*`, which Keras 3 lacks (AttributeError at run time).
They create no variables, so they become the generated helpers their functional forms already
become (`_layers_max_pooling2d`, tf_keras' own arithmetic): a layer built and called in one
expression becomes one helper call; a layer kept in a name (`pool = tf.layers.MaxPooling2D(2, 2)`,
called later) becomes a lambda, only when its arguments are constants (a lambda would read a
name's value when called, the layer read it when built). Anything else (Keras keyword arguments
such as `dtype=`, `*args`) is declined: the caller keeps the compat spelling and reports it.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

_POOL = ("pool_size", "strides", "padding", "data_format", "name")


@dataclass(frozen=True)
class LayerObject:
    helper: str  # the functional form's generated helper (migrate/upgrade/helpers.py)
    ctor: tuple[str, ...]  # the class's constructor parameters, in order
    functional: tuple[str, ...]  # the helper's parameters after `inputs`
    training: bool = False  # the layer's call takes `training=` (Dropout)


LAYER_OBJECTS: dict[str, LayerObject] = {
    "tf.layers.Dropout": LayerObject("_layers_dropout", ("rate", "noise_shape", "seed", "name"),
                                     ("rate", "noise_shape", "seed", "training", "name"), training=True),
    "tf.layers.Flatten": LayerObject("_layers_flatten", ("data_format",), ("name", "data_format")),
}
for _rank in (1, 2, 3):
    for _kind, _aliases in (("max_pooling", ("MaxPooling", "MaxPool")),
                            ("average_pooling", ("AveragePooling", "AvgPool"))):
        for _alias in _aliases:
            LAYER_OBJECTS[f"tf.layers.{_alias}{_rank}D"] = LayerObject(f"_layers_{_kind}{_rank}d", _POOL, _POOL)


def _keyword(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(value=value, keyword=cst.Name(name), equal=cst.AssignEqual(
        whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")))


def helper_args(spec: LayerObject, ctor: cst.Call) -> list[cst.Arg] | None:
    """The constructor's arguments as the helper's (after `inputs`): positional while the two
    signatures agree, by keyword after; None for an argument the helper does not take."""
    out: list[cst.Arg] = []
    positional = True
    for i, arg in enumerate(ctor.args):
        if arg.star:
            return None
        if arg.keyword is None:
            if i >= len(spec.ctor):
                return None
            name = spec.ctor[i]
            positional = positional and i < len(spec.functional) and spec.functional[i] == name
            out.append(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT) if positional else _keyword(name, arg.value))
            continue
        positional = False
        if arg.keyword.value not in spec.ctor:
            return None
        out.append(_keyword(arg.keyword.value, arg.value))
    return out


def _constant(expr: cst.BaseExpression) -> bool:
    if isinstance(expr, (cst.Integer, cst.Float, cst.SimpleString, cst.ConcatenatedString)):
        return True
    if isinstance(expr, cst.Name):
        return expr.value in ("True", "False", "None")
    if isinstance(expr, cst.UnaryOperation):
        return _constant(expr.expression)
    if isinstance(expr, (cst.Tuple, cst.List)):
        return all(_constant(e.value) for e in expr.elements)
    return False


def _call(helper: str, inputs: cst.BaseExpression, args: list[cst.Arg],
          training: cst.BaseExpression | None) -> cst.Call:
    every = [cst.Arg(inputs), *args, *([_keyword("training", training)] if training is not None else [])]
    return cst.Call(func=cst.Name(helper), args=[
        a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")) if i < len(every) - 1
                       else cst.MaybeSentinel.DEFAULT) for i, a in enumerate(every)])


def applied(spec: LayerObject, ctor: cst.Call, call: cst.Call) -> cst.Call | None:
    """`Layer(ctor args)(call args)` as one helper call; None when the call's arguments are not
    the layer's (inputs[, training])."""
    args = helper_args(spec, ctor)
    if args is None:
        return None
    params = ("inputs", "training") if spec.training else ("inputs",)
    bound: dict[str, cst.BaseExpression] = {}
    for i, arg in enumerate(call.args):
        name = arg.keyword.value if arg.keyword is not None else (params[i] if i < len(params) else None)
        if arg.star or name not in params or name in bound:
            return None
        bound[name] = arg.value
    if "inputs" not in bound:
        return None
    new = _call(spec.helper, bound["inputs"], args, bound.get("training"))
    return new.with_changes(lpar=call.lpar, rpar=call.rpar)


def as_lambda(spec: LayerObject, ctor: cst.Call) -> cst.Lambda | None:
    """A layer object kept in a name: a lambda with the layer's call signature, only when the
    constructor's arguments are constants (evaluated when built and when called alike)."""
    args = helper_args(spec, ctor)
    if args is None or not all(_constant(a.value) for a in args):
        return None
    text = "lambda inputs, training=False: " if spec.training else "lambda inputs: "
    body = _call(spec.helper, cst.Name("inputs"), args, cst.Name("training") if spec.training else None)
    lam = cst.parse_expression(text + cst.Module(body=[]).code_for_node(body))
    assert isinstance(lam, cst.Lambda)
    return lam.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
