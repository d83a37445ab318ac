from __future__ import annotations

import importlib

import attache


def test_all_names_resolve() -> None:
    for name in attache.__all__:
        assert getattr(attache, name) is not None, name


def test_all_is_sorted_and_unique() -> None:
    names = [n for n in attache.__all__ if n != "__version__"]
    assert len(set(names)) == len(names)


def test_errors_share_one_root() -> None:
    for name in attache.__all__:
        obj = getattr(attache, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, attache.AttacheError), name


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        attache.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_cli_module_imports() -> None:
    assert importlib.import_module("attache.cli").main
