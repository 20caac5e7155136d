"""Structural conversion: variable_scope / get_variable / reuse -> tf.Module classes.

Stages: `tfapi` (how TensorFlow is spelled in this file) -> `analyse` (which functions create
variables, their call graph, what blocks conversion) -> `body` (per function: the symbolic scope
walk that decides every variable and submodule, producing a `ClassPlan`) -> `emit` (the classes
and host rewrites).
"""

from migrate.codemod.convert import convert_module

__all__ = ["convert_module"]
