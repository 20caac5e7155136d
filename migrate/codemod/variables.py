"""The TF2 spelling of one TF1 variable creation, with TF1's implicit defaults made explicit."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from migrate.codemod.context import GET_VARIABLE_PARAMS, INT_DTYPES, FileContext, code
from migrate.codemod.scopes import ScopeCall, Unsupported, bind_call


@dataclass(frozen=True)
class VariableSpec:
    create: str  # code of the tf.Variable(...) expression
    name: cst.BaseExpression
    regularizer: str | None


def _is_int_dtype(ctx: FileContext, dtype: cst.BaseExpression | None) -> bool:
    if dtype is None:
        return False
    api = ctx.tf.api(dtype)
    if api in INT_DTYPES:
        return True
    if isinstance(dtype, cst.SimpleString):
        return dtype.evaluated_value in INT_DTYPES
    return False


def _initializer_code(ctx: FileContext, init: cst.BaseExpression) -> str:
    text = code(init)
    api = ctx.tf.api(init)
    # TF1 accepts an initializer class and instantiates it (`initializer=tf.zeros_initializer`).
    if api is not None and (api.endswith("_initializer") or api.startswith(("initializers.", "keras.initializers."))):
        return f"{text}()"
    return text


def _scalar(expr: cst.BaseExpression, int_names: frozenset[str]) -> bool:
    """An int, not a shape list: `5`, `int(x.shape[-1])`, or a name bound to one."""
    if isinstance(expr, cst.Integer):
        return True
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) and expr.func.value == "int":
        return True
    return isinstance(expr, cst.Name) and expr.value in int_names


def int_bound_names(fn: cst.CSTNode) -> frozenset[str]:
    """Names a function binds only to ints (`node_dim = int(node_states.shape[-1])`)."""
    ints: set[str] = set()
    other: set[str] = set()

    class _V(cst.CSTVisitor):
        def visit_Assign(self, node: cst.Assign) -> None:
            for t in node.targets:
                if isinstance(t.target, cst.Name):
                    (ints if _scalar(node.value, frozenset()) else other).add(t.target.value)

    fn.visit(_V())
    return frozenset(ints - other)


def unpacked_names(fn: cst.CSTNode) -> frozenset[str]:
    """Names a function binds by tuple unpacking (`batch, n, node_dim = shape_list(x)`): each may
    be an int, which TF1's get_variable reads as the shape [n], or a list."""
    names: set[str] = set()

    class _V(cst.CSTVisitor):
        def visit_Assign(self, node: cst.Assign) -> None:
            for t in node.targets:
                if isinstance(t.target, (cst.Tuple, cst.List)):
                    names.update(e.value.value for e in t.target.elements if isinstance(e.value, cst.Name))

    fn.visit(_V())
    return frozenset(names)


def get_variable_spec(ctx: FileContext, call: cst.Call, scopes: list[ScopeCall],
                      int_names: frozenset[str] = frozenset(),
                      unpacked: frozenset[str] = frozenset()) -> VariableSpec:
    """`tf.get_variable(...)` -> `tf.Variable(<initial value>, name=..., ...)`.

    `scopes` are the enclosing variable scopes, innermost first, for inherited initializer,
    regularizer and dtype.
    """
    bound = bind_call(call, GET_VARIABLE_PARAMS)
    name = bound.get("name")
    if name is None:
        raise Unsupported("unsupported-call", "get_variable without a name", call)
    for blocked in ("collections", "partitioner", "custom_getter", "validate_shape", "caching_device"):
        if blocked in bound:
            raise Unsupported("unsupported-call" if blocked != "partitioner" else "partitioner",
                              f"get_variable({blocked}=...)", call)

    def inherited(field: str) -> cst.BaseExpression | None:
        value = bound.get(field)
        if value is not None and not (isinstance(value, cst.Name) and value.value == "None"):
            return value
        for scope in scopes:
            value = getattr(scope, field)
            if value is not None:
                return value
        return None

    shape = bound.get("shape")
    if isinstance(shape, cst.Name) and shape.value == "None":
        shape = None
    if shape is not None and _scalar(shape, int_names):
        shape = cst.List([cst.Element(shape)])  # TF1 reads an int shape as [n]; TF2's ops want a vector
    elif isinstance(shape, cst.Name) and shape.value in unpacked:
        # an int or a list: TF1 read it through TensorShape, and so does the migrated code
        shape = cst.parse_expression(f"{ctx.tf_attr('TensorShape')}({shape.value}).as_list()")
    dtype = inherited("dtype")
    init = inherited("initializer")
    regularizer = inherited("regularizer")
    dtype_code = code(dtype) if dtype is not None else ctx.tf_attr("float32")
    extra: list[str] = []
    if shape is None:
        if init is None:
            raise Unsupported("unsupported-call", "get_variable without shape or initializer", call)
        value = code(init)
        if dtype is not None:
            extra.append(f"dtype={code(dtype)}")
    elif init is None:
        if _is_int_dtype(ctx, dtype):
            value = f"{ctx.tf_attr('zeros')}({code(shape)}, {dtype_code})"
        else:
            # get_variable's implicit default for floats; the upgrade stage spells it natively.
            value = f"{ctx.tf_attr('compat.v1.glorot_uniform_initializer')}()({code(shape)}, {dtype_code})"
    elif isinstance(init, (cst.Name, cst.Attribute)) and ctx.tf.api(init) is None:
        # A parameter or attribute (`initializer=weight_init`, default None): TF1 falls back to
        # its default initializer when the value is None at run time.
        default = (f"{ctx.tf_attr('zeros_initializer')}()" if _is_int_dtype(ctx, dtype)
                   else f"{ctx.tf_attr('compat.v1.glorot_uniform_initializer')}()")
        value = (f"({code(init)} if {code(init)} is not None else {default})"
                 f"({code(shape)}, dtype={dtype_code})")
    else:
        value = f"{_initializer_code(ctx, init)}({code(shape)}, dtype={dtype_code})"
    trainable = bound.get("trainable")
    if trainable is not None and not (isinstance(trainable, cst.Name) and trainable.value in ("None", "True")):
        extra.append(f"trainable={code(trainable)}")
    for passthrough in ("constraint", "synchronization", "aggregation"):
        if passthrough in bound:
            extra.append(f"{passthrough}={code(bound[passthrough])}")
    args = ", ".join([value, f"name={code(name)}", *extra])
    return VariableSpec(f"{ctx.tf_attr('Variable')}({args})", name,
                        code(regularizer) if regularizer is not None else None)
