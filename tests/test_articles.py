"""Reading articles: headers, datelines, formats and bad input."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from kg.articles import parse_text, read_articles
from kg.errors import ArticleError


@pytest.mark.parametrize(
    ("raw", "place", "publisher", "starts"),
    [
        (
            " date 2017-09-22 ASTANA. KAZINFORM On Friday, Karaganda hosted",
            "Astana",
            "Kazinform",
            "On Friday",
        ),
        ("MINSK, June 19 (Xinhua) -- Belarus and China signed", "Minsk", "Xinhua", "Belarus"),
        ("ASTANA – Kazakh and Chinese business leaders signed", "Astana", None, "Kazakh"),
        ("BRUSSELS (Reuters) - The European Union said", "Brussels", "Reuters", "The European"),
        ("BISHKEK. KAZINFORM – The 10th meeting was held", "Bishkek", "Kazinform", "The 10th"),
        ("YEREVAN, MAY 12, ARMENPRESS. The prime minister", "Yerevan", "Armenpress", "The prime"),
        ("ASTANA, July 3. /TASS/. Trade is growing", "Astana", "TASS", "Trade"),
        (
            "Baku, Azerbaijan, Aug. 17  Trend:  The residence hosted",
            "Baku",
            "Trend",
            "The residence",
        ),
        ("Hanoi (VNA) – Prime Minister Pham Minh Chinh", "Hanoi", "VNA", "Prime Minister"),
        ("Addis Ababa, May 14/2025 (ENA) - The meeting ended", "Addis Ababa", "ENA", "The meeting"),
        ("ABU DHABI, 14th May, 2025 (WAM) -- The UAE signed", "Abu Dhabi", "WAM", "The UAE"),
        ("YEREVAN, MAY 12, ARMENPRESS: The prime minister", "Yerevan", "Armenpress", "The prime"),
        ("RIYADH: Saudi Crown Prince Mohammed bin Salman", "Riyadh", None, "Saudi"),
        (
            "Kazakh Minister on talks  NUR-SULTAN. KAZINFORM – A meeting took place",
            "Nur-Sultan",
            "Kazinform",
            "Kazakh Minister",
        ),
        (
            "Envoy visits Nepal\n\nPress Trust of India Kathmandu\nThe envoy arrived here today",
            "Kathmandu",
            "Press Trust of India",
            "Envoy visits Nepal",
        ),
        ("Nairobi: President Ruto hosted the envoy.", "Nairobi", None, "President Ruto"),
        (
            "Envoy meets Ruto\nNairobi, The Daily Ledger: Today, the envoy met Ruto.",
            "Nairobi",
            "The Daily Ledger",
            "Envoy meets Ruto",
        ),
        ("Ruto hosts envoy\nNAIROBI\nFile photo\nRuto hosted the envoy.", "Nairobi", None, "Ruto"),
        (
            "Share this\nRuto hosts envoy\nLima, Jan. 11, EFE - The envoy met Ruto.",
            "Lima",
            "EFE",
            "Share this",
        ),
        ("Ruto hosts envoy\nLIMA - The envoy arrived on Monday.", "Lima", None, "Ruto"),
        (
            "Accra, 2 August. President Nana Akufo-Addo paid a state visit.",
            "Accra",
            None,
            "President Nana Akufo-Addo",
        ),
        (
            "Ruto receives envoy\n\nNairobi. President Ruto yesterday received the envoy.",
            "Nairobi",
            None,
            "Ruto receives envoy",
        ),
        ("HÀ NỘI — Prime Minister Pham Minh Chinh met", "Hà Nội", None, "Prime Minister"),
        ("Nairobi, Kenya: President William Ruto has hosted", "Nairobi", None, "President"),
        ("BOGOTÁ, June 3 (Reuters) - Petro met Boric.", "Bogotá", "Reuters", "Petro met"),
        ("Asunción, May 2 (EFE) — The president met", "Asunción", "EFE", "The president"),
        (
            "Baku, Azerbaijan, Aug. 17\n\nBy Anar Aliyev – Trend:\n\nThe residence hosted",
            "Baku",
            None,
            "By Anar Aliyev",
        ),
    ],
)
def test_datelines_are_parsed_and_cut(raw: str, place: str, publisher: str | None, starts: str):
    article = parse_text("a", raw)
    assert article.dateline == place
    assert article.publisher == publisher
    assert article.text.startswith(starts)
    assert publisher is None or publisher not in article.text
    assert "KAZINFORM" not in article.text and "(Reuters)" not in article.text


@pytest.mark.parametrize(
    "raw",
    [
        "Kenya: President Ruto in Mozambique for talks.",
        "Date:  Share:  Belarus and Uzbekistan increased trade.",
        "President Ilham Aliyev: Azerbaijan is very pleased.",
        "Tuesday, November 5, 2024\n\nSenior leaders met.",
        "Ruto hosts envoy\nKamau: We discussed trade.",
        "Ruto hosts envoy\nKENYA\nThe envoy arrived on Monday.",
        "UN – The Secretary-General met the envoy.",
        "Ruto hosts envoy\nKenya. The envoy arrived on Monday.",
    ],
)
def test_headlines_are_not_datelines(raw: str):
    assert parse_text("a", raw).dateline is None


def test_page_furniture_on_a_line_of_its_own_is_no_part_of_the_article(pipeline):
    """Links to other stories, photo credits, tags and advertisements are cut; prose that
    opens with the same words is kept."""
    article = parse_text(
        "a",
        "Peru and Chile hold talks\nRead also\nLIMA, Dec. 5 (Xinhua) -- President Luis Vega "
        "met President Ana Ruiz.\n[See more: Ruiz meets Jorge Quispe in La Paz]\nRelated: "
        "Quispe visits Brazil\nREAD MORE: Quispe in Brazil\nPhoto: Reuters/Juan Perez\n"
        "Photo credit: Akorda\nAdvertisement\nTags: Peru, Chile\nRelated talks were held in "
        "Lima. The presidents discussed trade. Read more about it later.",
    )
    assert (article.dateline, article.publisher) == ("Lima", "Xinhua")
    assert " ".join(article.text.split()) == (
        "Peru and Chile hold talks President Luis Vega met President Ana Ruiz. Related talks "
        "were held in Lima. The presidents discussed trade. Read more about it later."
    )
    x = pipeline.extract(article)
    assert not {e.label for e in x.entities} & {"Jorge Quispe", "La Paz", "Brazil", "Akorda"}


def test_date_header_on_its_own_line():
    article = parse_text("a", " date 2021-05-12\nThe talks were held in Minsk.")
    assert article.date == date(2021, 5, 12)
    assert article.text == "The talks were held in Minsk."


def test_a_backtick_or_quotation_mark_typed_for_an_apostrophe_is_one(pipeline):
    article = parse_text("a", "The Russian Federation`s Republic of Tatarstan and Russia`s envoy.")
    assert article.text == "The Russian Federation’s Republic of Tatarstan and Russia’s envoy."
    assert parse_text("a", "Code `x` stays.").text == "Code `x` stays."
    assert parse_text("a", 'At today"s meeting he said "yes".').text == (
        'At today’s meeting he said "yes".'
    )
    x = pipeline.extract(article.text)
    assert "Republic of Tatarstan" in {e.label for e in x.entities}


WRAPPED = (
    "Trade between the two countries grew by a third last year, the ministry\n"
    "said on Monday, after a meeting of the intergovernmental commission.\n"
    "More than 200 delegates, led by Afghan Minister of Commerce Haji Nooruddin\n"
    "Azizi, are expected to arrive in Kazakhstan for the business forum which\n"
    "opens in Astana on Thursday and will last for two days, the organizers\n"
    "said. The delegation also comprises representatives of banks and firms.\n"
    "Headline of the next story\n"
    "It starts here."
)


def test_hard_wrapped_text_runs_on_at_each_full_line(pipeline):
    article = parse_text("a", WRAPPED)
    assert "Minister of Commerce Haji Nooruddin Azizi, are expected" in article.text
    assert "the ministry said on Monday" in article.text
    # lines that end a sentence, or that are short of the wrap width, still end there
    assert "the organizers said. The delegation" in article.text
    assert "firms.\nHeadline of the next story\nIt starts here." in article.text
    people = {e.label for e in pipeline.extract(article.text).entities if e.type == "Person"}
    assert "Haji Nooruddin Azizi" in people


def test_unwrapped_text_keeps_its_line_breaks():
    lines = [
        "Kazakhstan and Belarus signed a protocol",
        "The Belarusian delegation was headed by Prime Minister Roman Golovchenko",
        "The Kazakh side was led by Prime Minister Alikhan Smailov on Friday",
        "Karaganda hosted the session of the intergovernmental commission",
        "Both sides praised the growth of trade between the two countries",
        "Mamin visited the KazBelAZ plant",
    ]
    assert parse_text("a", "\n".join(lines)).text == "\n".join(lines)


def test_text_without_header_is_kept_whole():
    article = parse_text("a", "Kazakhstan and Belarus signed a protocol.")
    assert (article.date, article.dateline, article.text) == (
        None,
        None,
        "Kazakhstan and Belarus signed a protocol.",
    )


def test_folder_is_read_recursively_with_html_and_jsonl(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(" date 2020-01-02 Text one.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(
        "<html><head><title>T</title></head><body><article><p>"
        + "Askar Mamin met Roman Golovchenko in Minsk to discuss trade and investment. " * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "sub" / "c.jsonl").write_text(
        json.dumps(
            {
                "id": "c1",
                "text": "Text three.",
                "url": "https://x.org/1",
                "date": "2022-03-04",
                "title": "Three",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    articles = {a.id: a for a in read_articles([tmp_path])}
    assert set(articles) == {"a", "b", "c1"}
    assert articles["a"].date == date(2020, 1, 2)
    assert "Askar Mamin" in articles["b"].text and articles["b"].title == "T"
    assert articles["c1"].url == "https://x.org/1" and articles["c1"].date == date(2022, 3, 4)


def test_standard_input(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(b" date 2019-02-03 MINSK. BELTA Text."))
    monkeypatch.setattr("sys.stdin", stdin)
    (article,) = read_articles(["-"])
    assert (article.id, article.date, article.dateline) == ("stdin", date(2019, 2, 3), "Minsk")


def test_bad_inputs_are_reported_and_the_rest_is_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kazakhstan and Belarus signed a protocol.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "latin1.txt").write_bytes("Pe\xf1a Nieto visited Chile.".encode("latin-1"))
    (tmp_path / "broken.jsonl").write_text(
        '{"id": "ok", "text": "Fine."}\nnot json\n{"text": "no id"}\n', encoding="utf-8"
    )
    errors: list[ArticleError] = []
    ids = [a.id for a in read_articles([tmp_path, tmp_path / "missing.txt"], errors.append)]
    assert sorted(ids) == ["good", "ok"]
    messages = "\n".join(str(e) for e in errors)
    assert "empty.txt: empty file" in messages
    assert "binary.txt: binary data" in messages
    assert "latin1.txt: not valid UTF-8" in messages
    assert "broken.jsonl, line 2: not JSON" in messages
    assert "broken.jsonl, line 3: missing or empty field(s): id" in messages
    assert "missing.txt: no such file" in messages


def test_without_handler_the_first_error_is_raised(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        list(read_articles([tmp_path / "nope.txt"]))


STORY = (
    "The two ministers met in the capital on Monday and discussed trade, transport and the "
    "new border crossing that both governments have promised to open next spring."
)


@pytest.fixture
def odd_folder(tmp_path):
    """A folder with one good article and what a folder may also hold: a FIFO nobody writes
    to, a link to /dev/zero, a link to a private file outside it, a link inside it, a link
    to nothing, and a link to a folder outside it."""
    import os

    inputs, outside = tmp_path / "in", tmp_path / "private"
    inputs.mkdir()
    outside.mkdir()
    (inputs / "good.txt").write_text(STORY)
    (outside / "secret.txt").write_text(STORY.replace("ministers", "secret ministers"))
    os.mkfifo(inputs / "pipe.txt")
    (inputs / "zero.jsonl").symlink_to("/dev/zero")
    (inputs / "secret.txt").symlink_to(outside / "secret.txt")
    (inputs / "again.txt").symlink_to(inputs / "good.txt")
    (inputs / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    (inputs / "elsewhere").symlink_to(outside)
    return inputs


def _read(paths, **options):
    problems: list[str] = []
    articles = list(read_articles(paths, on_error=lambda e: problems.append(str(e)), **options))
    return articles, problems


def test_only_regular_files_in_the_folder_are_read(odd_folder):
    articles, problems = _read([odd_folder])
    assert [a.id for a in articles] == ["good"]  # once, not again through its link
    assert sorted(p.split(": skipped, ")[1] for p in problems) == [
        "a link out of the folder (--follow-links reads it)",
        "a link out of the folder (--follow-links reads it)",
        "a link out of the folder (--follow-links reads it)",
        "a link to nothing",
        "not a regular file (a FIFO)",
    ]
    assert any(p.startswith(f"{odd_folder / 'secret.txt'}: skipped") for p in problems)
    assert any(p.startswith(f"{odd_folder / 'zero.jsonl'}: skipped") for p in problems)


def test_follow_links_reads_links_out_but_never_a_device(odd_folder):
    articles, problems = _read([odd_folder], follow_links=True)
    assert sorted(a.id for a in articles) == ["good", "secret"]  # elsewhere/ is secret's folder
    assert any(
        "zero.jsonl: skipped, not a regular file (a character device)" in p for p in problems
    )


def test_paths_given_are_read_even_if_links(odd_folder, tmp_path):
    articles, _ = _read([odd_folder / "secret.txt"])
    assert [a.text for a in articles] == [STORY.replace("ministers", "secret ministers")]
    _, problems = _read(["/dev/zero"])
    assert problems == ["/dev/zero: not a regular file (a character device); it is not read"]


def test_a_pipe_given_is_read_within_a_time_limit(odd_folder, monkeypatch):
    import threading

    monkeypatch.setattr("kg.articles.READ_SECONDS", 0.5)
    _, problems = _read([odd_folder / "pipe.txt"])  # nobody writes to it
    assert problems == [f"{odd_folder / 'pipe.txt'}: no data for 0.5 s from this pipe"]

    def write():
        with open(odd_folder / "pipe.txt", "w") as pipe:
            pipe.write(STORY)

    writer = threading.Thread(target=write)
    writer.start()
    articles, problems = _read([odd_folder / "pipe.txt"])
    writer.join()
    assert [a.text for a in articles] == [STORY] and problems == []


def test_kg_ingest_names_what_it_skips_and_never_hangs(odd_folder, tmp_path):
    """Today's kg ingest waits forever on the FIFO, holding the store's writer lock."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "kg", "ingest", str(odd_folder), "--store", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for name, reason in [
        ("pipe.txt", "not a regular file (a FIFO)"),
        ("zero.jsonl", "a link out of the folder (--follow-links reads it)"),
        ("secret.txt", "a link out of the folder (--follow-links reads it)"),
        ("gone.txt", "a link to nothing"),
    ]:
        assert f"skipped: {odd_folder / name}: {reason}" in done.stderr, name
    assert "ingested 1, skipped 5" in done.stderr


def test_a_sentence_opening_with_a_name_and_a_dash_is_no_dateline():
    text = "The Estonia – Finland Business Forum was held in Tallinn."
    article = parse_text("forum", text)
    assert (article.dateline, article.text) == (None, text)
