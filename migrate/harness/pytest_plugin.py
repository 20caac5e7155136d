"""pytest plugin `migrate_equivalence`: keep migration equivalence tests in the user's suite.

- fixture `migrate_equivalence`: `.assert_equivalent(legacy=..., migrated=..., ...)` and
  `.check_many([...])`;
- `pytest --migrate-equivalence`: one test item per `[[tool.migrate.entry_points]]` of the
  rootdir's pyproject.toml, all checked by ONE batched check_many (two TF start-ups in all);
  add `--migrate-tf-function` to also run each migrated entry under tf.function.

Loaded on every pytest run once installed, so it imports nothing heavy at module level.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

_BATCH = pytest.StashKey[list]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("migrate")
    group.addoption("--migrate-equivalence", action="store_true", default=False,
                    help="check every [[tool.migrate.entry_points]] of pyproject.toml")
    group.addoption("--migrate-tf-function", action="store_true", default=False,
                    help="with --migrate-equivalence: also run each migrated entry under "
                         "tf.function")


class EquivalenceHelper:
    """What the `migrate_equivalence` fixture returns."""

    def assert_equivalent(self, legacy: str, migrated: str, inputs: Any = None,
                          args: Any = None, **kwargs: Any) -> Any:
        from migrate.harness import assert_equivalent

        return assert_equivalent(legacy, migrated, inputs, args, **kwargs)

    def check_many(self, entries: list[Any], **kwargs: Any) -> list[Any]:
        from migrate.checker.api import check_many

        return check_many(entries, **kwargs)


@pytest.fixture(scope="session")
def migrate_equivalence() -> EquivalenceHelper:
    return EquivalenceHelper()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    config = parent.config
    if (config.getoption("--migrate-equivalence") and file_path.name == "pyproject.toml"
            and file_path.parent == Path(str(config.rootpath))):
        return EntryPointsFile.from_parent(parent, path=file_path)
    return None




class EntryPointsFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from migrate.checker.command import entries_from_pyproject

        entries = entries_from_pyproject(self.path)
        for index, entry in enumerate(entries):
            yield EntryPointItem.from_parent(self, name=entry.describe(), index=index,
                                             entries=entries)


class EntryPointItem(pytest.Item):
    def __init__(self, *, index: int, entries: list[Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index
        self.entries = entries

    def runtest(self) -> None:
        stash = self.parent.stash
        if _BATCH not in stash:  # the first item checks the whole batch
            from migrate.checker.api import check_many
            from migrate.checker.spec import Options

            options = Options(tf_function=self.config.getoption("--migrate-tf-function"))
            stash[_BATCH] = check_many(self.entries, options=options)
        verdict = stash[_BATCH][self.index]
        if not verdict.equivalent:
            raise AssertionError("\n" + verdict.table())

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        if isinstance(excinfo.value, AssertionError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"migrate equivalence: {self.name}"
