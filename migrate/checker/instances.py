"""Entry points that are classes: `Model` (an instance is built, then called) and `Model.method`.

Both runners use the same plan, so the legacy class and its migrated namesake are driven alike:

- the instance is built with `init_args`, the `args` its constructor takes, and the inputs the
  constructor takes but the call does not (BERT's `BertModel(config, input_ids=...)`);
- then `method` (for `Model.method`), else `__call__` when the class defines one, else `build`,
  gets the other inputs and args; a class with none of them built everything in its
  constructor (DCGAN's `DCGAN(sess, ...)`): nothing is called and there are no outputs.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass
class CallPlan:
    cls: type
    callee: str | None  # the method to call on the instance; None: constructed only
    ctor: dict[str, Any] = field(default_factory=dict)
    call: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # how args were routed, when not by name

    def build(self) -> Any:
        return self.cls(**self.ctor)

    def invoke(self, instance: Any) -> Any:
        if self.callee is None:
            return None
        return getattr(instance, self.callee)(**self.call)

    def describe(self) -> str:
        name = self.cls.__name__
        if self.callee is None:
            return f"{name}(...)"
        return f"{name}(...)()" if self.callee == "__call__" else f"{name}(...).{self.callee}()"


def _defines(cls: type, name: str) -> bool:
    """Whether `cls` (not `object`) defines `name`: instances of a plain class are not callable."""
    return any(name in vars(klass) for klass in cls.__mro__ if klass is not object)


def callee_name(cls: type, method: str | None) -> str | None:
    if method:
        if not hasattr(cls, method):
            raise LookupError(f"class {cls.__name__} has no method {method!r}")
        return method
    if _defines(cls, "__call__"):
        return "__call__"
    if _defines(cls, "build"):
        return "build"
    return None


def parameters(func: Any) -> tuple[set[str], bool]:
    """(parameter names, takes **kwargs)."""
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return set(), True
    names = {n for n, p in params.items()
             if n != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
    return names, any(p.kind is p.VAR_KEYWORD for p in params.values())


def plan(cls: type, method: str | None, tensors: Mapping[str, Any], args: Mapping[str, Any],
         init_args: Mapping[str, Any], *, filter_init_args: bool = False) -> CallPlan:
    """How to build and call an instance of `cls` (see the module docstring).

    `filter_init_args` drops init_args the constructor does not take (the migrated side: the
    codemod may have moved a parameter to the call)."""
    callee = callee_name(cls, method)
    ctor_names, ctor_any = parameters(cls.__init__)
    call_names, call_any = (parameters(getattr(cls, callee)) if callee else (set(), False))
    result = CallPlan(cls, callee)
    result.ctor = {k: v for k, v in init_args.items()
                   if not filter_init_args or k in ctor_names or ctor_any}
    for name, value in tensors.items():
        if (callee is None or (name not in call_names and not call_any)) and name in ctor_names:
            result.ctor[name] = value
        else:
            result.call[name] = value
    if filter_init_args:  # the migrated side
        route_migrated_args(cls.__name__, args, (ctor_names, ctor_any), (call_names, call_any),
                            result.ctor, result.call, result.notes)
    else:
        for name, value in args.items():
            (result.ctor if name in ctor_names else result.call)[name] = value
    if callee is None and result.call:
        raise TypeError(
            f"{cls.__name__} defines neither __call__ nor build and its constructor takes no "
            f"{', '.join(sorted(result.call))}: name the method to call "
            f"({cls.__name__}.METHOD)")
    return result


def route_migrated_args(class_name: str, args: Mapping[str, Any],
                        ctor: tuple[set[str], bool], call: tuple[set[str], bool],
                        ctor_out: dict[str, Any], call_out: dict[str, Any],
                        notes: list[str]) -> None:
    """Legacy args onto a migrated module class (CONTRACT.md's shape of migrated code).

    - taken by the constructor only -> constructor; by `__call__` only (or its **kwargs) -> call;
    - taken by both (the codemod kept a parameter in the call that also names the module, e.g.
      t2t's `name`, baselines her's `nn(..., name="")`) -> both: the legacy value was one value;
    - taken by neither: a string is the legacy scope parameter the codemod made the module's
      `name` (DCGAN's `linear(..., scope='d_h0_lin')` -> `Linear(name='d_h0_lin')`), when the
      constructor takes `name` and no `name` arg is given; anything else (`reuse=False`, a
      parameter the codemod removed because sharing is now structural) is not passed. Both are
      noted in the verdict.
    """
    (ctor_names, ctor_any), (call_names, call_any) = ctor, call
    for name, value in args.items():
        in_ctor, in_call = name in ctor_names, name in call_names
        if in_ctor:
            ctor_out[name] = value
        if in_call or (not in_ctor and call_any):
            call_out[name] = value
        if in_ctor or in_call or call_any:
            continue
        if (isinstance(value, str) and "name" in ctor_names and "name" not in args
                and "name" not in ctor_out):
            ctor_out["name"] = value
            notes.append(f"arg {name}={value!r}: {class_name} takes no {name!r}; passed as "
                         f"the module's name (the legacy scope parameter)")
        else:
            notes.append(f"arg {name}={value!r}: neither {class_name}() nor its call takes "
                         f"{name!r}; not passed")
