"""The small frozen dataclasses that travel between the pipeline's steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "ENTITY_TYPES",
    "PREDICATES",
    "Article",
    "Entity",
    "Event",
    "Extraction",
    "Mention",
    "Position",
    "Relation",
    "TradeFlow",
]

ENTITY_TYPES = ("Person", "Country", "Place", "Organization", "Delegation", "Event", "Agreement")
PREDICATES = ("headedBy", "heldIn", "signed", "visited", "met", "participant", "represents")
STATUSES = ("asserted", "planned", "negated")


@dataclass(frozen=True)
class Article:
    """One news article, its header parsed off the prose.

    ``text`` is the body the extractor reads; ``source`` is where it came from (a path, ``-``
    or a URL); ``title`` is the headline where the input gives one.
    """

    id: str
    text: str
    date: date | None = None
    dateline: str | None = None
    publisher: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Mention:
    """Where an entity is named in the article text (character offsets)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Position:
    """A title held by a person, with the entity id of the country or body it belongs to."""

    title: str
    of: str | None = None


@dataclass(frozen=True)
class Entity:
    """An entity of one article after coreference: one per real-world thing.

    ``type`` is one of ``ENTITY_TYPES``; ``cls`` the finer ontology class (City, Meeting, ...).
    ``date`` and ``topics`` hold for events only.
    """

    id: str
    label: str
    type: str
    cls: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    positions: tuple[Position, ...] = ()
    mentions: tuple[Mention, ...] = ()
    date: date | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A fact read from one sentence: ``subject predicate object`` between entity ids.

    ``status`` is ``asserted``, ``planned`` (intended or expected) or ``negated``.
    ``rule`` names the pattern that found it, for debugging and provenance.
    """

    subject: str
    predicate: str
    object: str
    evidence: str
    confidence: float
    status: str = "asserted"
    rule: str = ""


@dataclass(frozen=True)
class Event:
    """An event of one article with its frame.

    ``id`` is the event's entity id; ``places``, ``participants``, ``heads`` (who headed or
    chaired it) and ``outcomes`` (what was signed at it) are entity ids. ``status`` is the
    event's own: ``asserted`` if any fact states it happened, else ``planned`` or ``negated``.
    Each place, participant and head of an event the article tells of is also a relation of
    the extraction (``heldIn``, ``participant``, ``headedBy``). An ``implied`` event is one
    the article tells nothing of but one ``met``, ``visited`` or ``signed`` relation, which
    its members restate (``kg.events``). ``evidence`` holds the sentences it was read from.
    """

    id: str
    cls: str
    label: str
    date: date | None = None
    places: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    status: str = "asserted"
    implied: bool = False
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class TradeFlow:
    """A trade figure: the value of trade between two partners over a period.

    ``partners`` are entity ids; ``amount`` is in ``currency`` units (USD for "$");
    ``change`` is the relative change in percent where the article gives one.
    """

    partners: tuple[str, str]
    amount: float
    currency: str
    period: str | None
    evidence: str
    change: float | None = None
    measure: str = "turnover"


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article: the input of the RDF mapping and the JSON output.

    ``events`` holds one record per event that some fact is about (a named event, or one
    told only by its verbs: "X met Y", "X arrived in Z"); an event entity without a record
    is a mere mention. ``model_digest`` names the trained relations model that revised the
    relations (empty for the rules alone).
    """

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    trade: tuple[TradeFlow, ...] = field(default_factory=tuple)
    events: tuple[Event, ...] = ()
    model_digest: str = ""

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (``KeyError`` if there is none)."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def describe(self, relation: Relation) -> str:
        """A relation in words, its entities by their labels, its status when not asserted.

        >>> x = Extraction(Article("a", ""), (Entity("e1", "Askar Mamin", "Person", "Person"),
        ...     Entity("e2", "Minsk", "Place", "City")), (Relation("e1", "visited", "e2", "", 1),))
        >>> x.describe(x.relations[0])
        'Askar Mamin visited Minsk'
        """
        said = f"{self.entity(relation.subject).label} {relation.predicate} "
        said += self.entity(relation.object).label
        return said if relation.status == "asserted" else f"{said} ({relation.status})"
