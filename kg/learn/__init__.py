"""The trained side of relation extraction: candidates and their features
(``kg.learn.features``) and the model and its files (``kg.learn.model``), which extraction
applies; training on gold annotations is ``kg.training`` (``kg train``), above the pipeline
it reads articles with."""

from kg.learn.model import RelationsModel, load_model, relations_model

__all__ = ["RelationsModel", "load_model", "relations_model"]
