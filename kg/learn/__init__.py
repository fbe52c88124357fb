"""The trained side of relation extraction: candidates and their features
(``kg.learn.features``), the model and its files (``kg.learn.model``), and training on gold
annotations (``kg.learn.train``, ``kg train``)."""

from kg.learn.model import RelationsModel, load_model, relations_model

__all__ = ["RelationsModel", "load_model", "relations_model"]
