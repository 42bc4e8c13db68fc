"""Search: the relevance set (fixtures/relevance.yaml), matching rules, syntax and bad input."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import BUNDLED, DATA, FIXTURES, run_servicekb

from servicekb.kb import open_kb
from servicekb.search import EXACT, PART, STEM, parse_query, search

CASES = yaml.safe_load((FIXTURES / "relevance.yaml").read_text(encoding="utf-8"))


def ids_for(cli, args):
    result = cli("search", "--format", "ids", "--limit", "0", *args)
    assert result.exit_code in (0, 1), result.output
    return result.stdout.split()


def judged_search(cli, page_data):
    """Search as the judged sets were judged: over the source page's projects. A project from
    another source is not in any judgement, so it would count as a miss wherever it ranks."""
    return lambda query: ids_for(cli, [*query, "--data-dir", str(page_data)])


def test_relevance_set_is_big_enough():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c["query"]) for c in CASES])
def test_relevance(cli, case):
    ids = ids_for(cli, case["query"])
    assert ids, "no results"
    if "first" in case:
        assert ids[0] == case["first"], ids[:5]
    for expected in case.get("top5", []):
        assert expected in ids[:5], (expected, ids[:5])
    for expected in case.get("contains", []):
        assert expected in ids, expected
    for unwanted in case.get("not", []):
        assert unwanted not in ids, unwanted


@pytest.fixture(scope="module")
def kb():
    return open_kb(DATA, use_cache=False)


def levels(kb, text):
    result, records, _ = kb.search(parse_query(text))
    ids = {h.rowid: rec["id"] for h, rec in zip(result.hits, records)}
    return {ids[h.rowid]: h.level for h in result.hits}


def test_exact_ranks_above_stemmed_above_part(kb):
    result = search(kb.conn, parse_query("automat"))
    lv = [h.level for h in result.hits]
    assert lv == sorted(lv, reverse=True)
    assert EXACT in lv and PART in lv


def test_diacritics_are_letters_of_their_own(kb):
    """`får` never matches `far`; `far` (typed without å) finds `får` only as a folded match."""
    with_ring = levels(kb, "får")
    assert with_ring and set(with_ring.values()) == {EXACT}
    without = levels(kb, "far")
    assert set(without) == set(with_ring)
    assert set(without.values()) == {PART}


def test_inflections_are_found_by_stem(kb):
    assert STEM in levels(kb, "servicepunkten").values()
    assert "servicepunkt-2-0-i-hoga-kusten" in levels(kb, "servicepunkten")


def test_nfd_query_finds_nfc_text(kb):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Örnsköldsvik")
    assert levels(kb, nfd) == levels(kb, "Örnsköldsvik") != {}


def test_ties_broken_by_title_in_swedish_order(cli):
    result = cli("search", "--theme", "kommunala", "--format", "tsv", "--fields", "title", "--limit", "0")
    titles = result.stdout.splitlines()[1:]
    from servicekb.text import swedish_key

    assert titles == sorted(titles, key=swedish_key)
    assert len(titles) == 15


def test_empty_query_lists_all_by_title(cli):
    result = cli("search", "--limit", "0", "--format", "ids")
    assert result.exit_code == 0
    assert len(result.stdout.split()) == BUNDLED


def test_limit_default_20_on_a_terminal_all_when_piped(cli):
    """A page of 20 is for reading; a pipe gets every match, and a limit that hides rows says so."""
    table = cli("search", "service", "--format", "table").stdout
    total = int(table.split()[0])
    assert total > 20 and f"{total} projekt matchar, visar 20" in table
    assert len(cli("search", "service", "--format", "ids").stdout.split()) == total
    limited = cli("search", "service", "--format", "ids", "--limit", "5")
    assert len(limited.stdout.split()) == 5
    assert "5 projekt visas, fler finns; --limit 0 visar alla" in limited.stderr
    exact = cli("search", "service", "--format", "ids", "--limit", str(total))
    assert len(exact.stdout.split()) == total and "visas" not in exact.stderr  # nothing hidden, nothing said


def test_snippet_highlights_match_in_table():
    """Matched words are drawn bold yellow (rich: ESC[1;33m), and only words the search matched."""
    import re

    proc = run_servicekb("search", "reservkraft", "--format", "table", env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert proc.returncode == 0
    assert "SOT – Service och trygghetspunkter" in proc.stdout
    highlighted = {w.lower() for w in re.findall(r"\x1b\[1;33m([^\x1b]*)\x1b\[0m", proc.stdout)}
    result, _, _ = open_kb(DATA, use_cache=False).search(parse_query("reservkraft"))
    matched = {w.lower() for w in result.matched_words}  # the word, its forms and its synonyms
    assert "reservkraft" in highlighted and highlighted <= matched, (highlighted, matched)
    assert "service" not in highlighted  # a word of the title that the query does not match


def test_json_output_has_rank_and_snippet(cli):
    data = json.loads(cli("search", "drönare", "--format", "json").stdout)
    assert data[0]["search"]["rank"] == 1
    assert "drönar" in data[0]["search"]["snippet"]
    assert data[0]["funding"]["budget_sek"] == 140578


def test_facets_count_multi_county_projects_in_each(cli, page_data):
    args = ["--theme", "logistik", "--facets", "--format", "json", "--limit", "0", "--data-dir", page_data]
    data = json.loads(cli("search", *args).stdout)
    assert len(data["projects"]) == 6
    county = data["facets"]["county"]
    total = sum(x["count"] for x in county["results"])
    assert total > 6  # the national parcel-agent platform counts in five counties
    theme = data["facets"]["theme"]
    assert theme["results"] == [{"value": "logistik", "count": 6}]
    assert set(data["facets"]) == {"theme", "county", "status", "kind"}
    assert all(f["name"] == name and f["truncated"] is False for name, f in data["facets"].items())


@pytest.mark.parametrize(
    ("lang", "done", "machine"), [("sv", "avslutat", "completed"), ("en", "completed", "completed")]
)
def test_facet_tables_show_status_words_of_the_run(cli, lang, done, machine):
    """Issue 26.5: the Swedish facet table said `completed`; JSON keeps the stable value."""
    table = cli("--lang", lang, "search", "paketombud", "--facets", "--format", "table").stdout
    status = table[table.index(t_status := ("Per status" if lang == "sv" else "By status")) :]
    assert f"\n{done} " in status.split("\n\n")[0], t_status
    data = json.loads(cli("search", "paketombud", "--facets", "--format", "json").stdout)
    assert machine in {x["value"] for x in data["facets"]["status"]["results"]}


def test_facets_table_says_multi_county_rule(cli):
    out = cli("search", "paketombud", "--facets", "--format", "table").stdout
    assert "ett projekt i två län räknas i båda" in out


def test_typo_is_corrected_with_a_notice(cli):
    result = cli("search", "servicepunt", "--format", "ids")
    assert result.exit_code == 0
    assert "visar träffar för 'servicepunkt'" in result.stderr
    assert "servicepunkt-2-0-i-hoga-kusten" in result.stdout


def test_nonsense_exits_1_with_no_output(cli):
    result = cli("search", "qzxvkbw", "--format", "ids")
    assert result.exit_code == 1 and result.stdout == ""


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["OR"], 2, "OR behöver ett ord på var sida"),
        (["paketombud", "OR"], 2, "OR behöver ett ord på var sida"),
        (["och", "i", "på"], 2, "bara vanliga ord"),
        (["x" * 10000], 2, "sökningen har 10000 tecken"),  # a bound (issue 20), not a search
        (["ord " * 40], 2, "för många ord"),
        (["[bold]"], 1, "inga projekt matchar"),
        (["\x1b[31m"], 1, "inga projekt matchar"),
        (['"unbalanced quote'], 1, "inga projekt matchar"),
        (["kommun:"], 0, ""),
        (["c++"], 1, "inga projekt matchar"),
        (["100%"], 0, ""),
        (["--", "-ombud"], 0, ""),
        (["--region", "Atlantis"], 2, "länet 'Atlantis' finns inte"),
        (["--theme", "zzz"], 2, "Tema 'zzz' finns inte"),
        (["--status", "finished"], 2, "okänd status"),
        (["--tag", "nope"], 2, "Tagg 'nope' finns inte"),
        (["--limit", "-1"], 2, "--limit"),
        (["--min-cost", "5", "--max-cost", "1"], 2, "större än --max-cost"),
    ],
)
def test_bad_input(cli, args, code, message):
    result = cli("search", *args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert "\x1b" not in result.stdout


def test_only_exclusions_lists_the_rest(cli):
    all_ids = set(ids_for(cli, []))
    rest = set(ids_for(cli, ["--", "-ombud"]))
    assert rest and rest < all_ids


def test_filters_without_query(cli):
    ids = ids_for(cli, ["--region", "Dalarna", "--status", "ongoing"])
    assert "lokal-samverkan-i-mora-kommun-for-service-pa" in ids
    assert "leaxw-dalarna-gavleborg" not in ids


def test_cost_filters(cli):
    big = ids_for(cli, ["--min-cost", "10000000"])
    assert set(big) == {"hela-sverige-ska-leva-service-i-samverkan", "servicelyftet-coompanion", "pipos-serviceanalys"}
    none = ids_for(cli, ["--no-cost"])
    assert "samverkan-i-sala" in none and "leaxw-dalarna-gavleborg" not in none


def test_search_exit_codes_as_a_process():
    assert run_servicekb("search", "paketautomat").returncode == 0
    assert run_servicekb("search", "zzzzzz").returncode == 1
    assert run_servicekb("search", "OR").returncode == 2


# --- issue 10: fallbacks, thesaurus, explanations, relevance floors ------------------


def test_relevance_floors(cli, page_data):
    """Mean nDCG@10 and Recall@20 over the judged queries (benchmarks/relevance.py prints them).
    Measured 0.943 / 0.917 when set (0.945 / 0.926 with the e-dropping stems, 0.937 / 0.925 on the
    rewritten data with owner types indexed; 0.940 / 0.929 after issue 25's second round); the floors
    sit just under."""
    import sys

    sys.path.insert(0, str(FIXTURES.parent.parent / "benchmarks"))
    from relevance import judged_cases, scores

    assert len(judged_cases()) >= 60
    mean_ndcg, mean_recall, rows = scores(judged_search(cli, page_data))
    assert mean_ndcg >= 0.935, mean_ndcg
    assert mean_recall >= 0.925, mean_recall
    assert all(row[3] for row in rows), [row[0] for row in rows if not row[3]]


# The held-out judged sets, each with its floors (nDCG@10, Recall@20, MRR, empty answers at most)
# and its history. None was tuned on while it was unseen; the floors guard the general fixes
# against regressions, just under what was last measured; they are not the targets.
HELD_OUT = {
    # Judged without seeing the engine or its thesaurus: 0.774 / 0.838 when first measured,
    # 0.781 / 0.840 with the e-dropping stems, 0.777 / 0.836 on the rewritten data; 0.821 /
    # 0.895, MRR 0.981, none empty after issue 25's second round.
    "relevance-heldout.yaml": (0.815, 0.89, 0.975, 0),
    # From the source page and the titles only: 0.769 / 0.776, MRR 0.915, one empty when first
    # measured; 0.774 / 0.794, MRR 0.892 with owner types indexed; 0.807 / 0.850, MRR 0.934 after
    # the second round; 0.809 / 0.850, MRR 0.934 after the third.
    "relevance-heldout2.yaml": (0.805, 0.845, 0.93, 0),
    # Written blind (no search run) while the second round went on without it: 0.737 / 0.769,
    # MRR 0.890 first; 0.748 / 0.862, MRR 0.883 after the second round; 0.761 / 0.866, MRR 0.895
    # after the third, which looked at its first pages (it is seen since).
    # 0.776 / 0.883, MRR 0.921, none empty after the fourth round.
    "relevance-heldout3.yaml": (0.77, 0.875, 0.915, 0),
    # Written blind while the third round went on without it: 0.713 / 0.851, MRR 0.871 first
    # (after the second round); 0.725 / 0.854, MRR 0.877 after the third, one empty answer;
    # 0.764 / 0.898, MRR 0.900, none empty after the fourth, which looked at it (seen since).
    "relevance-heldout4.yaml": (0.755, 0.89, 0.895, 0),
    # heldout5 and heldout6: written blind while the fourth round went on without them, measured
    # once at its start (288832d) and once at its end. 5: 0.761 / 0.815, MRR 0.917, one empty,
    # then 0.762 / 0.815 / 0.917, one empty. 6: 0.738 / 0.800, MRR 0.914, one empty, then
    # 0.755 / 0.822 / 0.932, none empty.
    "relevance-heldout5.yaml": (0.755, 0.81, 0.91, 1),
    "relevance-heldout6.yaml": (0.75, 0.815, 0.925, 0),
}


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_relevance_floors_on_the_held_out_sets(cli, page_data, name):
    import sys

    sys.path.insert(0, str(FIXTURES.parent.parent / "benchmarks"))
    from relevance import judged_cases, mrr, scores

    ndcg_floor, recall_floor, mrr_floor, empty_at_most = HELD_OUT[name]
    cases = FIXTURES / name
    assert len(judged_cases(cases)) >= 40
    mean_ndcg, mean_recall, rows = scores(judged_search(cli, page_data), cases)
    assert mean_ndcg >= ndcg_floor, mean_ndcg
    assert mean_recall >= recall_floor, mean_recall
    assert mrr(rows) >= mrr_floor, mrr(rows)
    assert sum(1 for row in rows if not row[3]) <= empty_at_most, [row[0] for row in rows if not row[3]]


@pytest.mark.parametrize(
    ("word", "stems"),
    [
        ("lanthandel", ["lanthandel", "lanthandl"]),  # the e drops: lanthandlar, lanthandlarna
        ("lanthandlarna", ["lanthandl", "lanthandel"]),  # and back
        ("nyckel", ["nyckel", "nyckl"]),
        ("butiker", ["butik"]),  # Snowball alone
        ("samverkan", ["samverkan"]),
        ("regler", ["regl"]),  # too short a stem to guess from
    ],
)
def test_stems_of_a_word_whose_e_drops(word, stems):
    from servicekb.search import stems_of

    assert stems_of(word) == stems


def test_a_plural_without_its_e_is_found(cli):
    """'Lanthandlarna i ett antal västerbottniska byar' is about village shops: `lanthandel` finds it."""
    ids = ids_for(cli, ["lanthandel", "--region", "Västerbotten"])
    assert "valkommen-till-bygden-vasterbotten" in ids


def test_fewer_words_follow_full_matches_with_a_notice(cli):
    result = cli("search", "apoteksombud", "glesbygd", "--format", "ids", "--limit", "0")
    assert result.exit_code == 0
    assert "under dem projekt utan" in result.stderr or "inget projekt har alla orden" in result.stderr
    strict = cli("search", "apoteksombud", "glesbygd", "--all-words", "--format", "ids", "--limit", "0")
    ids, full = result.stdout.split(), strict.stdout.split()
    assert full and ids[: len(full)] == full and len(ids) > len(full)
    assert strict.stderr == ""


@pytest.mark.parametrize("text", ["paketombud apoteksombud", "samverkan kommun", "lanthandel drivmedel hemsändning"])
def test_all_exact_words_rank_first(kb, text):
    result = search(kb.conn, parse_query(text))
    exact = [all(t == EXACT for t in h.tiers) for h in result.hits]
    assert exact[0] and exact == sorted(exact, reverse=True)
    assert [h.matched for h in result.hits] == sorted((h.matched for h in result.hits), reverse=True)


def test_synonym_ranks_below_direct_matches(kb):
    from servicekb.search import SYNONYM

    result = search(kb.conn, parse_query("hemsändning"))
    tiers = [h.tiers[0] for h in result.hits]
    assert tiers == sorted(tiers, reverse=True) and tiers[0] == EXACT
    assert all(t >= SYNONYM for t in tiers)


def test_everyday_word_finds_through_thesaurus(cli):
    result = cli("search", "hemkörning", "--format", "ids")
    assert result.exit_code == 0 and "forstudie-utveckling-rejmyre" in result.stdout
    assert "synonymerna" in result.stderr


def test_query_compound_is_split(cli):
    result = cli("search", "butiksutveckling", "--format", "ids")
    assert result.exit_code == 0
    assert "visar träffar för 'butik + utveckling'" in result.stderr


def test_excluding_a_word_excludes_all_it_finds(cli):
    found = set(ids_for(cli, ["hemkörning"]))
    rest = set(ids_for(cli, ["--", "-hemkörning"]))
    assert found and rest and not found & rest and len(found | rest) == BUNDLED
    ombud = set(ids_for(cli, ["ombud"]))
    assert not ombud & set(ids_for(cli, ["servicepunkt", "--", "-ombud"]))


def test_far_still_never_matches_far_with_fallbacks(kb):
    assert set(levels(kb, "får").values()) == {EXACT}


def test_explain_says_word_and_tier(cli):
    data = json.loads(cli("search", "hemkörning", "glesbygd", "--format", "json", "--limit", "3").stdout)
    why = data[0]["search"]["why"]
    assert [w["word"] for w in why] == ["hemkörning", "glesbygd"]
    assert why[0]["tier"] == "synonym" and why[0]["matched"]
    table = cli("search", "hemkörning", "--explain", "--format", "tsv", "--fields", "id,why")
    assert "hemkörning: synonym (" in table.stdout


def test_owner_ranks_above_mentions(cli):
    assert ids_for(cli, ["Tillväxtverket"])[0] == "pipos-serviceanalys"
    assert ids_for(cli, ["Coompanion"])[0] == "servicelyftet-coompanion"


# --- issue 25: classes of misses (fixtures/search-classes.yaml) -----------------------

CLASS_CASES = yaml.safe_load((FIXTURES / "search-classes.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CLASS_CASES, ids=[" ".join(c["query"]) for c in CLASS_CASES])
def test_classes_of_misses(cli, case):
    result = cli("--lang", "en", "search", "--format", "ids", "--limit", "0", *case["query"])
    assert result.exit_code == case.get("exit", 0), result.output
    for text in case.get("stderr_has", []):
        assert text in result.stderr
    for text in case.get("stderr_lacks", []):
        assert text not in result.stderr
    assert len(result.stdout.split()) >= case.get("min_found", 0)
    ids = result.stdout.split()[: case.get("within", 5)]
    for pid in case.get("top", []):
        assert pid in ids, (pid, ids)
    for pid in case.get("not_top", []):
        assert pid not in ids, (pid, ids)
    if "owner_type" in case:
        from servicekb.kb import open_kb

        owned = [
            p["id"] for p in open_kb(None).restrict(ids) if (p.get("owner") or {}).get("type") == case["owner_type"]
        ]
        assert len(owned) >= case["at_least"], (ids, owned)


# --- issue 25, item 7: projects like the first answers follow a short answer (search/feedback.py) ---


def test_feedback_floors_on_the_held_out_sets(cli, page_data):
    """With --similar (a terminal's table has it on): Recall@20 0.897 and 0.860, nDCG@10 0.801 and
    0.789 on the two held-out sets when set (0.836 / 0.794 and 0.777 / 0.774 without); 0.925 and
    0.869, nDCG@10 0.834 and 0.807, after issue 25's second round."""
    import sys

    sys.path.insert(0, str(FIXTURES.parent.parent / "benchmarks"))
    from relevance import mrr, scores

    for name, ndcg_floor, recall_floor in (
        ("relevance-heldout.yaml", 0.83, 0.92),
        ("relevance-heldout2.yaml", 0.80, 0.865),
    ):
        mean_ndcg, mean_recall, rows = scores(
            lambda q: judged_search(cli, page_data)(["--similar", *q]), FIXTURES / name
        )
        assert mean_ndcg >= ndcg_floor, (name, mean_ndcg)
        assert mean_recall >= recall_floor, (name, mean_recall)
        assert mrr(rows) >= 0.93, (name, mrr(rows))


def test_feedback_follows_the_matches_and_says_so(cli):
    plain = cli("--lang", "en", "search", "post", "--format", "ids").stdout.split()
    result = cli("--lang", "en", "search", "post", "--similar", "--format", "json")
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows[: len(plain)]] == plain  # the word matches first, in their order
    assert len(plain) < len(rows) <= 20
    assert all(r["search"].get("like_matches") for r in rows[len(plain) :])
    assert not any(r["search"].get("like_matches") for r in rows[: len(plain)])
    assert f"{len(rows) - len(plain)} more projects like the best matches follow" in result.stderr


def test_feedback_keeps_filters_and_exclusions(cli):
    found = ids_for(cli, ["--similar", "--region", "Dalarna", "--", "post", "-Coompanion"])
    dalarna = set(ids_for(cli, ["--region", "Dalarna"]))
    coompanion = set(ids_for(cli, ["Coompanion"]))
    assert found and set(found) <= dalarna and not set(found) & coompanion


def test_feedback_is_off_when_piped_and_with_all_words(cli):
    plain = ids_for(cli, ["post"])
    assert ids_for(cli, ["--all-words", "--similar", "post"]) == plain
    assert len(ids_for(cli, ["--similar", "post"])) > len(plain)
    assert ids_for(cli, ["--similar", "zzzzzz"]) == []  # nonsense still finds nothing


def test_a_table_counts_the_similar_projects_apart_from_the_matches(cli):
    """A terminal's table adds projects like the best answers: its title must not call them
    matches ('20 projekt matchar' for 4 matches), and each such row's rank is marked ≈."""
    data = json.loads(cli("search", "paketautomat", "--similar", "--format", "json").stdout)
    like = [p for p in data if p["search"].get("like_matches")]
    matches = len(data) - len(like)
    assert like and matches == len(ids_for(cli, ["paketautomat"]))
    table = cli("search", "paketautomat", "--format", "table").stdout
    assert table.splitlines()[0] == f"{matches} projekt matchar + {len(like)} liknande (≈)"
    assert table.count("≈") == len(like) + 1  # each similar row, and the title's key


def test_explain_names_the_field_a_word_matched_in(cli, tmp_path, valid_text):
    """Issue 26.9: a project found by its tag alone read as a plain 'exact'; now the field is named."""
    kb = tmp_path / "kb"
    (kb / "projects").mkdir(parents=True)
    text = valid_text.replace("tags: [servicepunkt]", "tags: [paketombud]")
    (kb / "projects" / "valid-project.yaml").write_text(text, encoding="utf-8")
    why = json.loads(cli("search", "paketombud", "--format", "json", "--data-dir", kb).stdout)[0]["search"]["why"]
    assert why == [{"word": "paketombud", "tier": "exact", "matched": ["paketombud"], "fields": ["tags"]}]
    table = cli("search", "paketombud", "--explain", "--format", "tsv", "--fields", "id,why", "--data-dir", kb)
    assert "paketombud: exact [tags]" in table.stdout  # scripts: the stable names
    people = cli("search", "paketombud", "--explain", "--format", "markdown", "--data-dir", kb).stdout
    assert "paketombud: exakt i taggar/tema" in people


def _one_project_kb(tmp_path, valid_text, summary: str, pid: str = "valid-project"):
    kb = tmp_path / "kb"
    (kb / "projects").mkdir(parents=True, exist_ok=True)
    text = valid_text.replace("id: valid-project", f"id: {pid}").replace(
        "summary: Ett påhittat projekt som används i testerna.", f"summary: {summary}"
    )
    (kb / "projects" / f"{pid}.yaml").write_text(text, encoding="utf-8")
    return kb


def test_a_compound_whose_parts_stand_only_inside_other_compounds_is_found(cli, tmp_path, valid_text):
    """Issue 25: `handikappanpassning` was an empty answer although a project spoke of
    handikapporganisationer and tillgänglighetsanpassning; the parts are matched where compounds
    hold them (the first at a word's start, the last at its end), both required."""
    kb = _one_project_kb(
        tmp_path, valid_text, "Handikapporganisationer hjälpte till med tillgänglighetsanpassning av butiken."
    )
    found = cli("search", "handikappanpassning", "--format", "ids", "--data-dir", kb)
    assert found.exit_code == 0 and found.stdout.split() == ["valid-project"]
    assert "handikapp + anpassning" in found.stderr
    # a part found only in the middle of a word (studie in förstudie) is no evidence
    kb2 = _one_project_kb(tmp_path / "b", valid_text, "En förstudie med civilförsvarsförbundet.")
    assert cli("search", "studieförbund", "--format", "ids", "--data-dir", kb2).exit_code == 1


def test_a_split_words_first_part_alone_is_named_in_explain(cli, tmp_path, valid_text):
    """Issue 25: `paketbolagen` (paket + bolagen) finds a project about parcels that names no
    company, at the head's tier, and --explain says the first part matched, not the head."""
    kb = _one_project_kb(tmp_path, valid_text, "Paketen hämtas i butiken; bolagen kör ut dem.", pid="both")
    _one_project_kb(tmp_path, valid_text, "Paketen hämtas i butiken.", pid="first")
    for n in range(6):  # the first part alone counts when in at most a quarter of the projects
        _one_project_kb(tmp_path, valid_text, "Butiken säljer mat.", pid=f"neither-{n}")
    out = cli("search", "paketbolagen", "--format", "json", "--data-dir", kb)
    assert out.exit_code == 0, out.output
    hits = json.loads(out.stdout)
    assert [h["id"] for h in hits] == ["both", "first"]
    assert hits[1]["search"]["why"][0]["tier"] == "compound first part"
    people = cli("search", "paketbolagen", "--explain", "--format", "markdown", "--data-dir", kb).stdout
    assert "förled" in people


def test_with_a_region_the_projects_within_it_come_first(cli, tmp_path, valid_text):
    """Issue 25, class 3: `lanthandel --region Västerbotten` put a six-county project with one line
    about one village above the county's own project. With --region, among projects having as
    many of the words, those entirely within the region come first; without it, BM25 decides."""
    kb = tmp_path / "kb"
    (kb / "projects").mkdir(parents=True)
    wide = valid_text.replace("id: valid-project", "id: wide").replace(
        "title: Ett giltigt testprojekt", "title: Lanthandel i två län"
    )
    wide = wide.replace("scope: local", "scope: multi-county").replace(
        "counties: [Dalarna]", "counties: [Dalarna, Gävleborg]"
    )
    local = valid_text.replace("id: valid-project", "id: local").replace(
        "activities: [Något gjordes.]", "activities: [Byns lanthandel fick hjälp.]"
    )
    (kb / "projects" / "wide.yaml").write_text(wide, encoding="utf-8")
    (kb / "projects" / "local.yaml").write_text(local, encoding="utf-8")
    assert cli("search", "lanthandel", "--format", "ids", "--data-dir", kb).stdout.split() == ["wide", "local"]
    for limit in ("0", "1"):  # the same order when a limit cuts the page
        ids = cli("search", "lanthandel", "--region", "Dalarna", "--limit", limit, "--format", "ids", "--data-dir", kb)
        assert ids.stdout.split() == ["local", "wide"][: int(limit) or None]


def test_with_a_region_and_few_answers_broader_words_stand_in(cli, tmp_path, valid_text):
    """Issue 25: `lanthandel --region Västerbotten` found 3 projects of the county's shops; with a
    region and fewer than a handful of answers, the thesaurus's broader words (lanthandel → butik)
    follow the word's own matches. Without a region the answer stays the word's own."""
    kb = _one_project_kb(tmp_path, valid_text, "Byns lanthandel fick nya öppettider.", pid="own")
    _one_project_kb(tmp_path, valid_text, "Butiken i byn fick nya öppettider.", pid="broader")
    _one_project_kb(tmp_path, valid_text, "Skolan fick nya öppettider.", pid="neither")
    assert cli("search", "lanthandel", "--format", "ids", "--data-dir", kb).stdout.split() == ["own"]
    found = cli("--lang", "en", "search", "lanthandel", "--region", "Dalarna", "--format", "ids", "--data-dir", kb)
    assert found.stdout.split() == ["own", "broader"]
    assert "after them, projects with broader words (butik" in found.stderr


def test_place_no_project_names_says_so_in_swedish(cli):
    result = cli("--lang", "sv", "search", "--format", "ids", "Orsa")
    assert result.exit_code == 1
    assert (
        "Orsa är en kommun i Dalarna; inget projekt nämner den. `servicekb list --region Dalarna` visar länets projekt."
        in result.stderr
    )
    assert "försäljning" not in result.stderr and not result.stdout.strip()


def test_place_lookup_of_the_reference_data():
    from servicekb.kb import open_kb

    ref = open_kb(None).reference

    def named(word: str, folded: bool = False) -> str:
        place = ref.place_named(word, folded)
        return f"{place.kind} {place.name} {place.county}" if place else "-"

    assert named("orsa") == "municipality Orsa Dalarna"
    assert named("gotlands") == "county Gotland Gotland"  # the genitive; a county before its municipality
    assert named("gavleborg") == "-"  # typed without ä: only when asked (the search asks for non-words)
    assert named("gavleborg", folded=True) == "county Gävleborg Gävleborg"
    assert named("habo") == "municipality Habo Jönköping" and named("håbo") == "municipality Håbo Uppsala"
    assert named("sörmland") == "county Södermanland Södermanland"
    assert named("butik") == "-"


def test_the_commonest_words_count_half_in_a_relaxed_answer():
    from servicekb.search import parse_query
    from servicekb.search.ranking import _word_counts

    # behöver and fler are among Swedish's commonest words; ombudet and paketskåp are not
    assert _word_counts(parse_query("ombudet behöver fler paketskåp")) == [2, 1, 1, 2]
    # most of the question: the common words are the question itself, and count in full
    assert _word_counts(parse_query("allt tar längre tid än väntat")) == [2, 2, 2, 2]


def test_a_broader_word_ranks_below_the_words_synonyms(cli):
    """Issue 25, class 3: `bankomat` (no project has it) put a project that handles cash
    (kontanter, the thesaurus's broader word) above the ones that got a cash machine
    (uttagsautomat, its synonym). A broader word now ranks one tier lower, and --explain names
    it, with the words a tag's label holds (Betaltjänster och kontanter) among the matched."""
    out = cli("search", "bankomat", "--format", "json")
    assert out.exit_code == 0, out.output
    why = [(h["id"], h["search"]["why"][0]) for h in json.loads(out.stdout)]
    tiers = [w["tier"] for _, w in why]
    assert tiers[0] == "synonym" and "broader word" in tiers
    assert tiers == sorted(tiers, key=["synonym", "broader word"].index)  # every synonym first
    assert all(w["matched"] for _, w in why), why  # no match is left unexplained
    by_tag = [w for _, w in why if w["fields"] == ["tags"]]
    assert by_tag and all(w["matched"] == ["kontanter"] for w in by_tag)
    people = cli("search", "bankomat", "--explain", "--format", "markdown").stdout
    assert "vidare begrepp" in people
    # stderr names the synonyms, and the broader words apart (kontanter is no word for a cash machine)
    lines = out.stderr.splitlines()
    assert "synonymerna (kontantautomat, uttagsautomat)" in lines[0] and "kontanter" not in lines[0]
    assert "vidare ord för 'bankomat' (kontanter" in lines[1]


def test_a_compound_few_projects_have_is_followed_by_those_having_its_parts(cli, tmp_path, valid_text):
    """Issue 25: `biblioteksböcker` found the one project saying so, not the ones lending
    böcker from a bibliotek. A one-word question whose compound only one or two projects
    have is followed by the projects having every part (at the split compound's
    tier, without a notice: the word is known). A part alone is not enough, and beside other
    words the compound keeps to itself."""
    kb = _one_project_kb(tmp_path, valid_text, "Butiken lämnar ut biblioteksböcker.", pid="exact")
    _one_project_kb(tmp_path, valid_text, "Bytesbiblioteket i butiken har böcker för alla.", pid="parts")
    _one_project_kb(tmp_path, valid_text, "Biblioteket i butiken.", pid="one-part")
    found = cli("search", "biblioteksböcker", "--format", "json", "--data-dir", kb)
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert [h["id"] for h in hits] == ["exact", "parts"]
    assert [h["search"]["why"][0]["tier"] for h in hits] == ["exact", "split compound"]
    assert "biblioteksböcker" not in found.stderr  # no notice: nothing was corrected
    both = cli("search", "biblioteksböcker", "butiken", "--format", "ids", "--all-words", "--data-dir", kb)
    assert both.stdout.split() == ["exact"]


def test_a_compound_written_apart_matches_the_compound(cli, tmp_path, valid_text):
    """Issue 25, slips: `lokal ekonomisk analys` and `bygde bolag` write a compound apart
    (särskrivning). Two neighbouring words whose joining (with or without a linking s) is a word
    of the index match that word as if typed, so the project about it has every word; the words
    apart still match as before."""
    kb = _one_project_kb(tmp_path, valid_text, "Ett bygdebolag driver butiken.", pid="joined")
    _one_project_kb(tmp_path, valid_text, "Bygden har ett bolag.", pid="apart")
    _one_project_kb(tmp_path, valid_text, "Bygden har en butik.", pid="one")
    out = cli("search", "bygde", "bolag", "--format", "json", "--all-words", "--data-dir", kb)
    assert out.exit_code == 0, out.output
    hits = json.loads(out.stdout)
    assert [h["id"] for h in hits] == ["joined", "apart"]
    assert hits[0]["search"]["why"][0] == {
        "word": "bygde",
        "tier": "exact",
        "matched": ["bygdebolag"],
        "fields": ["summary"],
    }
    landsbygd = _one_project_kb(tmp_path / "b", valid_text, "Service på landsbygden.", pid="s")
    assert cli("search", "lands", "bygden", "--format", "ids", "--data-dir", landsbygd).stdout.split() == ["s"]
