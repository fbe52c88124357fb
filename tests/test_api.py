"""kg's Python API as the README shows it: the names ``import kg`` gives, from any folder."""

from __future__ import annotations

import pytest

import kg


def test_every_public_name_is_there():
    assert kg.KnowledgeGraph.__module__ == "kg.knowledge"
    assert kg.Pipeline.__module__ == "kg.pipeline"
    assert kg.IngestReport.__module__ == "kg.knowledge"
    for name in kg.__all__:
        assert getattr(kg, name) is not None
    assert set(kg.__all__) <= set(dir(kg))
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        kg.Nope  # noqa: B018


def test_the_samples_are_a_packaged_resource():
    folder = kg.samples()
    assert folder.is_absolute() and (folder / "kz-uz-commission.txt").is_file()
