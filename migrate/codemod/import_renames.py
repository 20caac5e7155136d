"""`from ops import linear` -> `from ops import Linear` where the project converted `linear`.

Applied to every file that imports a converted function by name (re-exporting `__init__.py`
files included), whether or not the file itself has anything to convert.
"""

from __future__ import annotations

import libcst as cst


class _RenameImports(cst.CSTTransformer):
    def __init__(self, renames: dict[str, str]) -> None:
        self.renames = renames

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # the plan resolves top-level imports only

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom) -> cst.ImportFrom:
        if isinstance(updated.names, cst.ImportStar):
            return updated
        names = []
        changed = False
        for alias in updated.names:
            if isinstance(alias.name, cst.Name) and self.renames.get(alias.name.value, "").startswith("+"):
                # the file's TF1 code still calls the old def: import the class beside it
                names.append(alias.with_changes(comma=cst.MaybeSentinel.DEFAULT))
                asname = alias.asname
                if asname is not None and isinstance(asname.name, cst.Name):
                    new_as = self.renames.get(f"as {asname.name.value}", f"+{asname.name.value}")[1:]
                    asname = asname.with_changes(name=cst.Name(new_as))
                alias = cst.ImportAlias(name=cst.Name(self.renames[alias.name.value][1:]), asname=asname,
                                        comma=alias.comma)
                changed = True
            elif isinstance(alias.name, cst.Name) and alias.name.value in self.renames:
                new = self.renames[alias.name.value]
                asname = alias.asname
                if asname is not None and isinstance(asname.name, cst.Name):
                    asname = asname.with_changes(name=cst.Name(self.renames.get(f"as {asname.name.value}",
                                                                               asname.name.value)))
                alias = alias.with_changes(name=cst.Name(new), asname=asname)
                changed = True
            names.append(alias)
        return updated.with_changes(names=names) if changed else updated


def rename_imports(code: str, renames: tuple[tuple[str, str], ...]) -> str:
    """`renames`: (old, new) imported names; ("as old", "new") renames an `as` alias; a new name
    "+New" imports New beside old (`from ops import linear, Linear`)."""
    if not renames:
        return code
    module = cst.parse_module(code)
    new = module.visit(_RenameImports(dict(renames)))
    return new.code if new is not module else code
