"""servicekb similar: projects like one project (search/similar.py), its reasons, its floor."""

from __future__ import annotations

import json

import pytest

from servicekb.kb import open_kb


@pytest.fixture(scope="module")
def kb():
    return open_kb(None)


def _benchmark():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import relevance

    return relevance


def test_related_links_are_in_the_top_five(kb):
    recall, misses = _benchmark().related_recall(kb)
    assert recall == 1.0, misses


def test_content_alone_finds_most_related_links(kb):
    # 0.781 without the bonus for related links when set (benchmarks/relevance.py --similar).
    recall, misses = _benchmark().related_recall(kb, boost=0.0)
    assert recall >= 0.75, misses


def test_judged_top_three(kb):
    """tests/fixtures/similar-judged.yaml: precision@3 0.933, mean grade 0.733 of 1 when set."""
    precision, gain, _unjudged, rows = _benchmark().similar_judged(kb)
    assert len(rows) == 10
    assert precision >= 0.9, rows
    assert gain >= 0.7, rows


def test_a_project_is_never_like_itself_and_scores_fall(kb):
    record = kb.get("ica")
    found = kb.similar(record, limit=None)
    assert record["id"] not in [s.project_id for s in found]
    scores = [s.score for s in found]
    assert scores == sorted(scores, reverse=True)
    # The other trade-chain courses come first: same theme, kind and tags.
    assert {"menigo", "axfood", "lonsamt-ledarskap"} <= {s.project_id for s in found[:4]}


def test_a_reason_names_each_shared_word_once(kb):
    """A word and a compound's head can show alike ('plattform, plattform', 'automater, automater'
    in the reasons once, new-user walk): each is named once."""
    for record in kb.select():
        for found in kb.similar(record, limit=3):
            assert len(found.words) == len(set(found.words)), (record["id"], found.project_id, found.words)


def test_compound_heads_count(kb):
    """A compound's head is one of the project's words: paketombud ~ apoteksombud (ombud)."""
    from servicekb.index import Labels
    from servicekb.search.similar import _content_words

    words = _content_words(kb.conn, {**kb.get("ica"), "summary": "Paketombud i byn."}, Labels(kb.reference))
    assert any(key.startswith("head:") and "ombud" in w.forms for key, w in words.items())


def test_cli_similar_lists_with_reasons(cli):
    result = cli("similar", "ica", "--format", "json", "--limit", "3", "--lang", "sv")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    assert rows[0]["id"] == "lonsamt-ledarskap"
    assert rows[0]["similar"]["rank"] == 1
    assert "länkat som relaterat" in rows[0]["similar"]["reason"]
    assert "delar taggarna" in rows[1]["similar"]["reason"]


def test_cli_similar_english_reason_and_default_limit(cli):
    result = cli("similar", "ica", "--format", "tsv", "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["rank", "id", "title", "score", "reason"]
    assert len(lines) == 1 + 10
    assert "shares the tags" in lines[2]


def test_cli_similar_unknown_id_says_did_you_mean(cli):
    result = cli("similar", "servicepunkt-2-0-i-hoga-kusen")
    assert result.exit_code == 2
    assert "servicepunkt-2-0-i-hoga-kusten" in result.output
    assert "Traceback" not in result.output


def test_cli_similar_prefix_and_ids_format(cli):
    result = cli("similar", "leaxw", "--format", "ids", "-n", "5")
    assert result.exit_code == 0
    ids = result.stdout.split()
    assert len(ids) == 5 and "leaxw-dalarna-gavleborg" not in ids
    assert {"lokal-hub-landsbygdssamverkan-kommersiell-service", "dalarna-processledning-dalarnas-regionala"} <= set(
        ids
    )


def test_cli_similar_negative_limit_is_usage_error(cli):
    assert cli("similar", "ica", "--limit", "-1").exit_code == 2


def test_show_ends_with_three_similar_projects(cli):
    result = cli("show", "ica", "--lang", "sv")
    assert result.exit_code == 0
    tail = result.output.split("Liknande projekt", 1)[1]
    assert tail.count("• ") == 3 and "(lonsamt-ledarskap)" in tail
    english = cli("show", "ica", "--lang", "en").output
    assert "Similar projects" in english


def test_show_json_lists_similar_ids(cli):
    doc = json.loads(cli("show", "ica", "--format", "json").stdout)
    assert doc["similar"][0] == "lonsamt-ledarskap" and len(doc["similar"]) == 3
    assert doc["id"] == "ica" and "provenance" in doc  # the record's keys as before


def test_html_report_shows_similar_projects_per_project(cli):
    html = cli("report", "--region", "Dalarna", "--format", "html", "--lang", "en").stdout
    assert html.count('<p class="similar screen-only">') == html.count("<details id=")
    # A similar project in the report is a link to its description; one outside it is its title.
    assert '<a href="#p-leaxw-dalarna-gavleborg">' in html.split('id="p-dalarna-processledning-dalarnas-regionala"')[1]
