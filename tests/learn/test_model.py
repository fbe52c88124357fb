"""A relations model's files: written and read back, refused with one clear line when they
are another schema's or damaged, chosen by option, variable or ``none``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.learn import RelationsModel, load_model, relations_model
from kg.learn.features import DIM, schema_hash
from kg.learn.model import FORMAT, MANIFEST, SHIPPED, WEIGHTS
from kg.pipeline import Pipeline
from kg.rdf import content_hash
from kg.types import PREDICATES
from tests.conftest import SAMPLES

runner = CliRunner()
ARTICLE = SAMPLES / "by-irkutsk-talks.txt"


def _model(threshold: float = 0.5, bias: float = 0.0) -> RelationsModel:
    weights = numpy.zeros(DIM)
    weights[[3, 77, 4096]] = [0.5, -1.25, 2.0]
    thresholds = dict.fromkeys(PREDICATES, threshold)
    manifest = {"format": FORMAT, "feature_schema": schema_hash(), "thresholds": thresholds}
    return RelationsModel(weights, bias, thresholds, manifest=manifest)


@pytest.fixture
def saved(tmp_path) -> Path:
    return _model().save(tmp_path / "model")


def test_a_saved_model_reads_back_the_same(saved):
    model = load_model(saved)
    assert numpy.array_equal(model.weights, _model().weights)
    assert (model.bias, model.thresholds) == (0.0, dict.fromkeys(PREDICATES, 0.5))
    assert len(model.digest) == 64
    assert {p.name for p in saved.iterdir()} == {MANIFEST, WEIGHTS}
    with numpy.load(saved / WEIGHTS, allow_pickle=False) as npz:  # no pickle anywhere
        assert sorted(npz.files) == ["bias", "slots", "weights"]


def test_saving_twice_gives_the_same_bytes(saved, tmp_path):
    again = _model().save(tmp_path / "again")
    for name in (MANIFEST, WEIGHTS):
        assert (again / name).read_bytes() == (saved / name).read_bytes()


def test_a_model_of_another_schema_is_refused_in_one_line(saved):
    manifest = json.loads((saved / MANIFEST).read_text(encoding="utf-8"))
    (saved / MANIFEST).write_text(json.dumps({**manifest, "feature_schema": "0123abcd"}))
    with pytest.raises(KGError, match=r"retrain with kg train$") as error:
        load_model(saved)
    assert "\n" not in str(error.value) and str(saved) in str(error.value)
    result = runner.invoke(app, ["extract", str(ARTICLE), "--relations-model", str(saved)])
    assert result.exit_code == 1
    assert (
        result.output.strip().startswith("error:") and len(result.output.strip().splitlines()) == 1
    )
    assert "retrain with kg train" in result.output


def test_a_model_of_another_format_is_refused(saved):
    manifest = json.loads((saved / MANIFEST).read_text(encoding="utf-8"))
    (saved / MANIFEST).write_text(json.dumps({**manifest, "format": 99}))
    with pytest.raises(
        KGError, match=f"format 99, this kg reads format {FORMAT}; retrain with kg train"
    ):
        load_model(saved)


@pytest.mark.parametrize(
    "damage",
    [
        lambda folder: (folder / WEIGHTS).write_bytes(b"PK\x03\x04 not a zip"),
        lambda folder: (folder / WEIGHTS).write_bytes((folder / WEIGHTS).read_bytes()[:-40]),
        lambda folder: (folder / WEIGHTS).unlink(),
    ],
    ids=["garbage", "truncated", "missing"],
)
def test_corrupt_weights_are_refused_naming_the_file(saved, damage):
    damage(saved)
    with pytest.raises(KGError, match=r"weights\.npz: damaged relations model weights"):
        load_model(saved)
    result = runner.invoke(
        app, ["ingest", str(ARTICLE), "--store", ":memory:", "--relations-model", str(saved)]
    )
    assert result.exit_code == 1 and "damaged relations model weights" in result.output


def test_weights_that_are_not_the_manifests_are_refused(saved, tmp_path):
    other = _model(bias=1.0).save(tmp_path / "other")
    (saved / WEIGHTS).write_bytes((other / WEIGHTS).read_bytes())
    with pytest.raises(KGError, match="its digest is not the one the manifest records"):
        load_model(saved)


def test_a_damaged_manifest_or_no_model_at_all(saved, tmp_path):
    (saved / MANIFEST).write_text("{not json")
    with pytest.raises(KGError, match=r"manifest\.json: not a relations model manifest"):
        load_model(saved)
    with pytest.raises(KGError, match=r"not a relations model \(no manifest\.json\); train one"):
        load_model(tmp_path / "nothing")


def test_none_the_variable_and_the_default(saved, monkeypatch):
    monkeypatch.delenv("KG_RELATIONS_MODEL", raising=False)
    assert relations_model("none") is None and relations_model("None") is None
    shipped = relations_model()
    assert shipped is not None and shipped.digest == load_model(SHIPPED).digest
    monkeypatch.setenv("KG_RELATIONS_MODEL", str(saved))
    assert relations_model().digest == load_model(saved).digest
    assert Pipeline().relations_model.digest == load_model(saved).digest
    assert relations_model("none") is None  # the option beats the variable
    monkeypatch.setenv("KG_RELATIONS_MODEL", "none")
    assert relations_model() is None and Pipeline().model_digest == ""


def test_the_model_enters_the_content_hash(saved):
    article = Pipeline(relations_model="none").extract(ARTICLE.read_text(encoding="utf-8")).article
    hashes = {content_hash(article, d) for d in ("", load_model(saved).digest, "x")}
    assert len(hashes) == 3
    x = Pipeline(relations_model=saved).extract(article)
    assert x.model_digest == load_model(saved).digest


def test_probabilities_are_the_logistic_of_the_weighted_sum():
    from kg.learn.features import Rows

    model = _model(bias=-0.5)
    rows = Rows(
        candidates=(None, None, None),  # type: ignore[arg-type]
        indptr=numpy.array([0, 2, 2, 3]),
        indices=numpy.array([3, 4096, 77]),
        values=numpy.array([1.0, 0.5, 2.0]),
        dense=numpy.zeros(3, bool),
    )
    expected = 1 / (1 + numpy.exp(-numpy.array([0.5 + 1.0 - 0.5, -0.5, -2.5 - 0.5])))
    assert model.probabilities(rows) == pytest.approx(expected)


def test_what_the_model_adds():
    from kg.learn.features import Candidate

    model = RelationsModel(numpy.zeros(DIM), 0.0, {"heldIn": 0.5, "participant": 0.8})
    found = [
        Candidate("e1", "participant", "p1", 0, 0),  # a rule's already
        Candidate("e1", "heldIn", "c1", 0, 0),  # added
        Candidate("e1", "heldIn", "c2", 0, 0),  # below the threshold
        Candidate("p1", "met", "p3", 0, 0),  # not a predicate it adds
        Candidate("e2", "heldIn", "c1", 0, 0),  # an event the rules placed already
        Candidate("e1", "participant", "p2", 0, 0),  # below its predicate's threshold
    ]
    rules = [
        ("e1", "participant", "p1", "asserted"),
        ("x", "met", "y", "asserted"),
        ("e2", "participant", "p1", "asserted"),
        ("e2", "heldIn", "c2", "asserted"),
    ]
    probability = numpy.array([0.9, 0.6, 0.4, 0.9, 0.9, 0.7])
    assert model.combine(rules, found, probability, {"e1", "e2"}) == [1]
    assert model.adds == ("heldIn", "participant")


def test_the_model_places_no_event_no_one_took_part_in():
    from kg.learn.features import Candidate

    model = RelationsModel(numpy.zeros(DIM), 0.0, dict.fromkeys(PREDICATES, 0.5))
    found = [
        Candidate("e1", "heldIn", "c1", 0, 0),  # an event no one takes part in
        Candidate("e2", "heldIn", "c1", 0, 0),  # one the model gives a participant
        Candidate("e2", "participant", "p1", 0, 0),
        Candidate("e3", "headedBy", "p1", 0, 0),  # one a rule gives a participant
        Candidate("e4", "heldIn", "c1", 0, 0),  # one only planned
        Candidate("d1", "headedBy", "p1", 0, 0),  # a delegation needs none
    ]
    rules = [("e3", "participant", "p2", "asserted"), ("e4", "participant", "p2", "planned")]
    events = {"e1", "e2", "e3", "e4"}
    assert model.combine(rules, found, numpy.full(6, 0.9), events) == [1, 2, 3, 5]


def test_the_model_gives_an_event_one_place_its_most_probable():
    from kg.learn.features import Candidate

    model = RelationsModel(numpy.zeros(DIM), 0.0, dict.fromkeys(PREDICATES, 0.5))
    found = [
        Candidate("e1", "participant", "p1", 0, 0),
        Candidate("e1", "heldIn", "c1", 0, 0),  # "Astana's partnership with Moscow"
        Candidate("e1", "heldIn", "c2", 0, 0),  # the more probable
        Candidate("e2", "participant", "p1", 0, 0),
        Candidate("e2", "heldIn", "c1", 0, 0),  # another event's place
    ]
    probability = numpy.array([0.9, 0.6, 0.8, 0.9, 0.7])
    assert model.combine([], found, probability, {"e1", "e2"}) == [0, 2, 3, 4]


def test_the_model_gives_a_delegation_the_rules_headed_no_other_head():
    from kg.learn.features import Candidate

    model = RelationsModel(numpy.zeros(DIM), 0.0, dict.fromkeys(PREDICATES, 0.5))
    found = [
        Candidate("d1", "headedBy", "p2", 0, 0),  # the rules gave d1 its head
        Candidate("d2", "headedBy", "p2", 0, 0),  # d2 has none
    ]
    rules = [("d1", "headedBy", "p1", "asserted")]
    assert model.combine(rules, found, numpy.full(2, 0.9), set()) == [1]


def test_the_people_the_model_adds_to_talks_bring_their_countries():
    from kg.learn.model import closure

    kinds = {
        "e1": ("Event", "Talks", "talks"),
        "e2": ("Event", "Meeting", "official reception"),  # an occasion: people attend it
        "e3": ("Event", "Visit", "visit"),  # a visit is the visitor's, not a side's
        "e4": ("Event", "Summit", "summit"),  # three countries already
        "e5": ("Event", "Meeting", "meeting"),  # no side took part: not one between sides
        "p1": ("Person", "Person", "A"),
        "p2": ("Person", "Person", "B"),
        "p3": ("Person", "Person", "C"),  # acts for no country
        **{c: ("Country", "Country", c) for c in ("c1", "c2", "c3", "c4")},
    }
    rules = [
        ("p1", "represents", "c1", "asserted"),
        ("p2", "represents", "c2", "asserted"),
        ("e1", "participant", "p2", "asserted"),
        ("e1", "participant", "c2", "asserted"),
        *[("e4", "participant", c, "asserted") for c in ("c2", "c3", "c4")],
    ]
    added = [
        ("e1", "participant", "p1", "asserted"),  # gives c1
        ("e1", "participant", "p2", "asserted"),  # c2 is there already
        ("e1", "participant", "p3", "asserted"),
        ("e2", "participant", "p1", "asserted"),
        ("e3", "participant", "p1", "asserted"),
        ("e4", "participant", "p1", "asserted"),
        ("e5", "participant", "p1", "asserted"),
        ("p1", "met", "p2", "asserted"),
    ]
    assert closure(added, rules, kinds) == [("e1", "participant", "c1", 0)]


def test_the_two_people_of_a_meeting_the_model_adds_one_of_met():
    from kg.learn.model import closure

    kinds = {
        **{e: ("Event", "Meeting", "meeting") for e in ("m1", "m2", "m3", "m5")},
        "m4": ("Event", "PhoneCall", "call"),  # a call is no meeting in person
        "m6": ("Event", "SigningCeremony", "signing ceremony"),  # the two signers met
        **{p: ("Person", "Person", p) for p in ("p1", "p2", "p3", "p4")},
        "c1": ("Country", "Country", "c1"),
        "c2": ("Country", "Country", "c2"),
    }
    rules = [
        ("p1", "represents", "c1", "asserted"),
        ("p2", "represents", "c2", "asserted"),
        ("p4", "represents", "c1", "asserted"),
        ("m1", "participant", "p2", "asserted"),
        ("m2", "participant", "p4", "asserted"),  # p1's compatriot
        ("m3", "participant", "p2", "asserted"),
        ("m3", "participant", "p3", "asserted"),  # three people
        ("m4", "participant", "p2", "asserted"),
        ("m5", "participant", "p3", "planned"),  # only planned to take part
        ("m6", "participant", "p3", "asserted"),
    ]
    added = [(m, "participant", "p1", "asserted") for m in ("m1", "m2", "m3", "m4", "m5", "m6")]
    assert closure(added, rules, kinds) == [("p1", "met", "p2", 0), ("p1", "met", "p3", 5)]


def test_what_the_model_adds_is_closed_as_the_rules_facts_are():
    class Sure(RelationsModel):
        """A model sure of one candidate only: Costa's part in the meeting."""

        def probabilities(self, rows):
            return numpy.array(
                [float(c.object == costa and c.subject == meeting) for c in rows.candidates]
            )

    pipeline = Pipeline(relations_model="none")
    text = "Brazilian President Ana Lima met Portuguese Prime Minister Rui Costa in Lisbon."
    x = pipeline.extract(text)
    ids = {e.label: e.id for e in x.entities}
    costa, portugal = ids["Rui Costa"], ids["Portugal"]
    meeting = next(e.id for e in x.entities if e.cls == "Meeting")
    missed = [r for r in x.relations if r.subject == meeting and r.object in {costa, portugal}]
    assert len(missed) == 2
    rules = [r for r in x.relations if r not in missed]
    model = Sure(numpy.zeros(DIM), 0.0, {"participant": 0.5})
    revised = model.revise(pipeline.nlp(text), x.article, x.entities, rules)
    added = {(r.subject, r.predicate, r.object, r.rule) for r in revised[len(rules) :]}
    assert added == {
        (meeting, "participant", costa, "model"),
        (meeting, "participant", portugal, "model"),
    }
