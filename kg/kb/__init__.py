"""The knowledge base: Wikidata entities from TSV files, and the name keys they are found by.

Below both the NLP steps (which find countries, places and politicians with it) and the
linkers (which link entities to its QIDs): ``base`` holds the entities and their indexes,
``names`` the keys names are matched under (normalization, transliteration, initials).
"""

from kg.kb.base import (
    KB_PATH_ENV,
    TABLES,
    BuildReport,
    Folder,
    Holding,
    KBEntry,
    KnowledgeBase,
    Office,
    build,
    read_folder,
)
from kg.kb.names import normalize

__all__ = [
    "KB_PATH_ENV",
    "TABLES",
    "BuildReport",
    "Folder",
    "Holding",
    "KBEntry",
    "KnowledgeBase",
    "Office",
    "build",
    "normalize",
    "read_folder",
]
