"""A trained relations model: which candidate relations of an article hold, beside the rules.

A model is a folder of two files, no pickle:

- ``manifest.json``: the format version, the kg version that trained it, the feature schema
  (``kg.learn.features.schema_hash``), the spaCy model it read parses of, the digest of its
  training data, the cross-validated table, its seed, regularization and thresholds;
- ``weights.npz``: the logistic regression's weights over the hashed features and its bias.

``revise`` adds each candidate the model gives at least its predicate's threshold, of the
predicates training found it helps with (``rule: "model"``, its probability as confidence, the status
``kg.nlp.relations.modality`` reads of its sentence); it keeps every relation of the rules, and
places or heads no event no one took part in, places no event the rules placed, and gives an
event one place at most; what follows from the people it adds to events follows as from the
rules' own (``closure``: their countries took part in a meeting between sides, two people of a
meeting met).

kg ships a model trained on the project's development set (``data/models/relations``);
``--relations-model PATH|none`` and ``KG_RELATIONS_MODEL`` choose another or none.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import zipfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import numpy
from spacy.tokens import Doc

from kg.errors import KGError
from kg.learn.features import DIM, Candidate, Rows, candidates, schema_hash
from kg.nlp.frames import OCCASIONS
from kg.nlp.relations import modality
from kg.resources import data_path
from kg.types import PREDICATES, Article, Entity, Relation

__all__ = [
    "FORMAT",
    "MANIFEST",
    "SHIPPED",
    "WEIGHTS",
    "RelationsModel",
    "load_model",
    "refuse_shipped",
    "relations_model",
    "write_npz",
]

FORMAT = 2  # 2: a threshold for each predicate the model adds
MANIFEST, WEIGHTS = "manifest.json", "weights.npz"
SHIPPED = data_path("models", "relations")
ENV = "KG_RELATIONS_MODEL"
PLACED = {"heldIn", "headedBy"}  # what the model gives an event only with a participant
SIDED = {"Meeting", "Session", "Talks", "Summit", "PhoneCall"}  # events sides take part in
MET_AT = {"Meeting", "Session", "Talks", "Conference", "SigningCeremony"}  # where two met


@dataclass(frozen=True, eq=False)
class RelationsModel:
    """Weights over the hashed features, the thresholds, and the manifest that says what the
    model is; ``digest`` names it (it enters each article's content hash)."""

    weights: numpy.ndarray
    bias: float
    thresholds: Mapping[str, float]  # the predicates the model adds, each with its threshold
    manifest: dict = field(default_factory=dict)
    digest: str = ""

    @property
    def adds(self) -> tuple[str, ...]:
        """The predicates the model adds relations of."""
        return tuple(p for p in PREDICATES if p in self.thresholds)

    def probabilities(self, rows: Rows) -> numpy.ndarray:
        """The probability that each candidate of ``rows`` holds."""
        if not rows.candidates:
            return numpy.zeros(0)
        products = self.weights[rows.indices] * rows.values
        sums = numpy.add.reduceat(products, rows.indptr[:-1]) if len(products) else 0.0
        empty = rows.indptr[:-1] == rows.indptr[1:]
        scores = numpy.where(empty, 0.0, sums) + self.bias
        return 1.0 / (1.0 + numpy.exp(-scores))

    def revise(
        self,
        doc: Doc,
        article: Article,
        entities: Sequence[Entity],
        relations: Sequence[Relation],
    ) -> tuple[Relation, ...]:
        """The rules' ``relations`` of an article, with what the model adds."""
        rows = candidates(doc, article, entities, relations, only=self.adds)
        probability = self.probabilities(rows)
        rules = [(r.subject, r.predicate, r.object, r.status) for r in relations]
        added = self.combine(
            rules,
            rows.candidates,
            probability,
            {e.id for e in entities if e.type == "Event"},
        )
        found = [
            Relation(
                c.subject,
                c.predicate,
                c.object,
                rows.sentences[c.sentence],
                round(float(probability[k]), 3),
                modality(doc[c.anchor]),
                "model",
            )
            for k in added
            for c in [rows.candidates[k]]
        ]
        kinds = {e.id: (e.type, e.cls, e.label) for e in entities}
        own = [(r.subject, r.predicate, r.object, r.status) for r in found]
        closed = [
            replace(found[k], subject=s, predicate=p, object=o)
            for s, p, o, k in closure(own, rules, kinds)
        ]
        return (*relations, *found, *closed)

    def combine(
        self,
        rules: Sequence[tuple[str, str, str, str]],
        found: Sequence[Candidate],
        probability: numpy.ndarray,
        events: Collection[str],
    ) -> list[int]:
        """Which candidates are added to the rules' (subject, predicate, object, status), by
        index: those of the predicates in ``adds`` the model gives at least the predicate's
        threshold; an event (of the ids ``events``) gets a place or a head from the model only
        when someone took part in it (by the rules, asserted, or by the model), and a place
        only when the rules gave it none (they name the place as exactly as the article tells
        it), and then one: its most probable; a delegation or body the rules gave a head gets
        no other."""
        have = {r[:3] for r in rules}
        placed = {s for s, p, _, _ in rules if p == "heldIn"}
        headed = {s for s, p, _, _ in rules if p == "headedBy" and s not in events}
        added = [
            k
            for k, (c, p) in enumerate(zip(found, probability, strict=True))
            if p >= self.thresholds.get(c.predicate, math.inf)
            and (c.subject, c.predicate, c.object) not in have
            and not (c.predicate == "heldIn" and c.subject in placed)
            and not (c.predicate == "headedBy" and c.subject in headed)
        ]
        best: dict[str, int] = {}  # the event's most probable place
        for k in added:
            if found[k].predicate == "heldIn":
                e = found[k].subject
                if e not in best or probability[k] > probability[best[e]]:
                    best[e] = k
        added = [k for k in added if found[k].predicate != "heldIn" or best[found[k].subject] == k]
        taking_part = {s for s, p, _, status in rules if (p, status) == ("participant", "asserted")}
        taking_part |= {found[k].subject for k in added if found[k].predicate == "participant"}
        return [
            k
            for k in added
            if found[k].predicate not in PLACED
            or found[k].subject not in events
            or found[k].subject in taking_part
        ]

    def save(self, folder: Path | str, shipped: bool = False) -> Path:
        """Write the model to ``folder`` (created); the shipped model's folder only when
        ``shipped`` (the script that regenerates it says so)."""
        folder = Path(folder)
        if not shipped:
            refuse_shipped(folder)
        folder.mkdir(parents=True, exist_ok=True)
        nonzero = numpy.flatnonzero(self.weights)
        write_npz(
            folder / WEIGHTS,
            {
                "slots": nonzero.astype(numpy.int32),
                "weights": self.weights[nonzero].astype(numpy.float32),
                "bias": numpy.array([self.bias], numpy.float64),
            },
        )
        manifest = {**self.manifest, "weights_sha256": _sha256(folder / WEIGHTS)}
        (folder / MANIFEST).write_text(
            json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        return folder


Told = tuple[str, str, str, str]  # subject, predicate, object, status


def closure(
    added: Sequence[Told], rules: Sequence[Told], kinds: Mapping[str, tuple[str, str, str]]
) -> list[tuple[str, str, str, int]]:
    """What follows from the people the model adds to events, as it follows from the rules'
    own (``kg.nlp.frames``): each (subject, predicate, object) with the index in ``added`` of
    the relation it follows from. ``kinds`` gives each entity id its type, class and label.

    - the country a person acts for (by the ``rules``) took part in a meeting, session,
      talks, summit or call between sides the model adds the person to (``participant/side``):
      when a country took part in it already, it has three at most, and it is no occasion
      (a reception, a dinner);
    - the two people of a meeting, session, talks, press conference or signing, one of them
      the model's, met (``met/<class>``), unless they act for the same country."""
    types = {x: kind[0] for x, kind in kinds.items()}
    country: dict[str, set[str]] = {}
    for s, p, o, status in rules:
        if p == "represents" and status == "asserted" and types.get(o) == "Country":
            country.setdefault(s, set()).add(o)
    members: dict[str, set[str]] = {}
    for s, p, o, status in (*rules, *added):
        if p == "participant" and (status == "asserted" or types.get(o) == "Country"):
            members.setdefault(s, set()).add(o)
    met = {frozenset((s, o)) for s, p, o, _ in (*rules, *added) if p == "met"}
    found = []
    for k, (event, p, person, _) in enumerate(added):
        _, cls, label = kinds.get(event, ("", "", ""))
        if p != "participant" or types.get(person) != "Person":
            continue
        within = members.get(event, set())
        sides = {o for o in within if types.get(o) == "Country"}
        acts_for = country.get(person, set())
        side = min(acts_for) if len(acts_for) == 1 else ""
        sided = cls in SIDED and not OCCASIONS & set(label.lower().split())
        if sided and sides and side and side not in sides and len(sides) < 3:
            found.append((event, "participant", side, k))
            within.add(side)
        people = {o for o in within if types.get(o) == "Person"}
        if cls not in MET_AT or person not in people or len(people) != 2:
            continue
        (other,) = people - {person}
        own = country.get(person, set()) & country.get(other, set())
        if frozenset((person, other)) not in met and not own:
            found.append((person, "met", other, k))
            met.add(frozenset((person, other)))
    return found


def write_npz(path: Path, arrays: Mapping[str, numpy.ndarray]) -> None:
    """``numpy.savez_compressed`` with fixed entry times, so the same arrays give the same
    bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            out = io.BytesIO()
            numpy.lib.format.write_array(out, numpy.asanyarray(array), allow_pickle=False)
            archive.writestr(entry, out.getvalue())
    Path(path).write_bytes(buffer.getvalue())


def refuse_shipped(folder: Path | str) -> None:
    """Raise a ``KGError`` when ``folder`` is the shipped model's: only the script that
    regenerates it writes there."""
    try:
        shipped = Path(folder).resolve() == SHIPPED.resolve()
    except OSError:
        shipped = False
    if shipped:
        raise KGError(
            f"{folder}: this is kg's shipped relations model; write yours elsewhere "
            "(scripts/train_relations_model.py regenerates the shipped one)"
        )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_model(folder: Path | str) -> RelationsModel:
    """The model in ``folder``; a ``KGError`` naming the folder and the problem when it is
    not one, is damaged, or was trained on another feature schema."""
    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        raise KGError(f"{folder}: not a relations model (no {MANIFEST}); train one with kg train")
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("the manifest is not a JSON object")
    except (OSError, ValueError) as err:
        raise KGError(f"{folder / MANIFEST}: not a relations model manifest ({err})") from None
    if manifest.get("format") != FORMAT:
        raise KGError(
            f"{folder}: relations model format {manifest.get('format')!r}, this kg reads "
            f"format {FORMAT}; retrain with kg train"
        )
    if manifest.get("feature_schema") != schema_hash():
        raise KGError(
            f"{folder}: relations model of feature schema {manifest.get('feature_schema')!r}, "
            f"this kg computes {schema_hash()!r}; retrain with kg train"
        )
    try:
        if _sha256(folder / WEIGHTS) != manifest.get("weights_sha256"):
            raise ValueError("its digest is not the one the manifest records")
        with numpy.load(folder / WEIGHTS, allow_pickle=False) as npz:
            slots, values, bias = npz["slots"], npz["weights"], float(npz["bias"][0])
        weights = numpy.zeros(DIM, numpy.float64)
        weights[slots] = values
        thresholds = {p: float(manifest["thresholds"][p]) for p in manifest["thresholds"]}
        if not set(thresholds) <= set(PREDICATES):
            raise ValueError(f"thresholds of unknown predicates {sorted(thresholds)}")
    except (OSError, ValueError, KeyError, IndexError, TypeError, zipfile.BadZipFile) as err:
        raise KGError(f"{folder / WEIGHTS}: damaged relations model weights ({err})") from None
    digest = hashlib.sha256(
        (folder / MANIFEST).read_bytes() + (folder / WEIGHTS).read_bytes()
    ).hexdigest()
    return RelationsModel(weights, bias, thresholds, manifest, digest)


@cache
def _cached(folder: str, stamp: float) -> RelationsModel:
    return load_model(folder)


def relations_model(choice: str | Path | RelationsModel | None = None) -> RelationsModel | None:
    """The relations model to use: ``choice`` (a model, a folder, or ``"none"`` for the rules
    alone), else ``$KG_RELATIONS_MODEL``, else the shipped model (None if kg has none)."""
    if isinstance(choice, RelationsModel):
        return choice
    choice = choice if choice is not None else os.environ.get(ENV) or None
    if choice is not None and str(choice).strip().lower() == "none":
        return None
    folder = Path(choice) if choice is not None else SHIPPED
    if choice is None and not (folder / MANIFEST).is_file():
        return None
    manifest = folder / MANIFEST
    stamp = manifest.stat().st_mtime if manifest.is_file() else 0.0
    return _cached(str(folder.resolve()), stamp)
