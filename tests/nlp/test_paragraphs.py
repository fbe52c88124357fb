"""kg's ``kg_paragraphs`` component: where the parser may start sentences."""

from __future__ import annotations

from kg.nlp.paragraphs import paragraphs


def _sentences(pipeline, text: str) -> list[str]:
    return [s.text.strip() for s in pipeline.nlp(text).sents if s.text.strip()]


def test_a_headline_and_each_paragraph_start_sentences(pipeline):
    text = (
        "Kazakh and Uzbek ministers meet in Shymkent\n\n"
        "Serik Zhumangarin met Jamshid Khodjayev on Friday\n"
        "The ministers discussed trade."
    )
    assert _sentences(pipeline, text) == [
        "Kazakh and Uzbek ministers meet in Shymkent",
        "Serik Zhumangarin met Jamshid Khodjayev on Friday",
        "The ministers discussed trade.",
    ]


def test_starts_are_forbidden_after_words_and_left_to_the_parser_after_punctuation(pipeline):
    doc = paragraphs(
        pipeline.nlp.make_doc("Minister Serik Zhumangarin (Kazakhstan) arrived. Then\nNew")
    )
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Serik"] is False and starts["Kazakhstan"] is False
    assert starts[")"] is False and starts["arrived"] is None  # after ")": the parser decides
    assert starts["Then"] is None and starts["\n"] is False and starts["New"] is True
