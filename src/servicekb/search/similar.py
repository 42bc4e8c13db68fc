"""Projects like this one (`servicekb similar ID`): shared distinctive words, tags, theme, kind, places.

Lucene's MoreLikeThis is the model: the project's most distinctive words (field-weighted term
frequency × inverse document frequency) become a query of their own, each word with its
inflections (one Snowball stem, `analysis.stems_of`) and, for a compound, its head
(paketombud → ombud, `analysis.split_compound`, matched in any compound ending in it). Each word
is scored in SQLite by BM25 with the search's field weights (title, owner, tags above summary,
summary above activities, results and lessons), so a candidate that is *about* the word counts
more than one that mentions it. Tags (the rarer, the more), theme and kind are added, and
places as a weaker signal. A project's own `related` links get a bonus (`related_boost`), so
its editors' links stay among its top five; `related_boost=0` measures the content alone.

Everything runs on the index: no project file is read, and a candidate is a project that shares
a word or a tag with this one.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..index import FTS_COLUMNS, fts_fields, stem_words
from .analysis import MIN_PART_LENGTH, split_compound, stems_of
from .ranking import WEIGHTS
from .syntax import STOP_WORDS, WORD

MAX_WORDS = 30  # distinctive words queried (MoreLikeThis' maxQueryTerms is 25)
MAX_DOC_SHARE = 0.5
HEAD_FACTOR = 0.5  # a compound's head counts half the compound: paketombud ~ apoteksombud
# How the signals add up (content is normalised to the project's own score, so 1.0 = as much as
# itself): words first, then tags and places, theme and kind. Places weigh as much as tags:
# the editors' related links mostly join projects of one county (a county's programme and its
# pilots), and with places at 0.15 only 0.56 of those links came among the top five on the
# content alone, at 0.4 0.75.
TAG_WEIGHT = 0.4
THEME_WEIGHT = 0.15
KIND_WEIGHT = 0.1
PLACE_WEIGHT = 0.4
RELATED_BOOST = 1.0
# Columns whose words describe what a project is about. Tags and places are signals of their
# own: counted again as words, a tag's label would count twice, and a county's name would
# make every project of the county alike.
CONTENT_COLUMNS = tuple(c for c in FTS_COLUMNS if c not in ("tags", "places"))


@dataclass
class Similar:
    """One project like the given one, and why."""

    project_id: str
    score: float
    words: list[str] = field(default_factory=list)  # the shared distinctive words, strongest first
    tags: list[str] = field(default_factory=list)  # shared tag slugs
    same_theme: bool = False
    same_kind: bool = False
    places: list[str] = field(default_factory=list)  # shared counties or municipalities
    related: bool = False  # linked as related (either way)


@dataclass
class _Word:
    shown: str  # the form the project uses most
    weight: float  # field-weighted, saturated term frequency in the project
    forms: set[str]  # index words that count as this word
    idf: float = 0.0


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _content_words(conn: sqlite3.Connection, record: dict, labels) -> dict[str, _Word]:
    """The project's words by stem, each with its field-weighted frequency; compounds add their head."""
    texts = fts_fields(
        record,
        labels.tags,
        labels.themes.get(record.get("theme", ""), ""),
        labels.kinds.get(record.get("kind", ""), ""),
    )
    counts: dict[str, Counter] = defaultdict(Counter)  # word → column → occurrences
    for column, text in zip(FTS_COLUMNS, texts):
        if column not in CONTENT_COLUMNS:
            continue
        for w in WORD.findall(text.casefold()):
            if len(w) >= 3 and not w.isdigit() and w not in STOP_WORDS:
                counts[w][column] += 1
    words = sorted(counts)
    stems = dict(zip(words, stem_words(words))) if words else {}
    vocab_known: dict[str, bool] = {}

    def known(part: str) -> bool:
        if part not in vocab_known:
            vocab_known[part] = (
                conn.execute("SELECT 1 FROM vocab WHERE term = ? OR stem = ?", (part, part)).fetchone() is not None
            )
        return vocab_known[part]

    by_stem: dict[str, dict] = {}

    def add(key: str, word: str, weight: float, forms_of: str) -> None:
        entry = by_stem.setdefault(key, {"weight": 0.0, "uses": Counter(), "head": forms_of})
        entry["weight"] += weight
        entry["uses"][word] += 1

    for w, columns in counts.items():
        weight = sum(WEIGHTS[c] * n for c, n in columns.items())
        add(stems[w], w, weight, "")
        if len(w) >= 2 * MIN_PART_LENGTH:
            parts = split_compound(w, known, lambda p: False)
            if parts and len(parts[-1]) >= MIN_PART_LENGTH and parts[-1] not in STOP_WORDS:
                head = parts[-1]
                add("head:" + stem_words([head])[0], head, weight * HEAD_FACTOR, head)
    out: dict[str, _Word] = {}
    for key, entry in by_stem.items():
        shown = entry["uses"].most_common(1)[0][0]
        out[key] = _Word(shown, math.log1p(entry["weight"]), set(entry["uses"]))
        if entry["head"]:
            out[key].forms.add(entry["head"])
    return out


def _add_forms(conn: sqlite3.Connection, words: dict[str, _Word]) -> None:
    """Each word's index forms: its inflections (one query for all the project's words)."""
    stems: dict[str, list[str]] = {}
    for key, word in words.items():
        stems[key] = sorted({s for w in word.forms for s in stems_of(w)})
    wanted = sorted({s for group in stems.values() for s in group})
    by_stem: dict[str, set[str]] = defaultdict(set)
    for term, stem in conn.execute(
        "SELECT term, stem FROM vocab WHERE stem IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted, ensure_ascii=False),),
    ):
        by_stem[stem].add(term)
    for key, word in words.items():
        for stem in stems[key]:
            word.forms |= by_stem.get(stem, set())


def _add_compounds(conn: sqlite3.Connection, key: str, word: _Word) -> None:
    """A compound's head also matches other compounds ending in it: ombud → apoteksombud."""
    like = "%" + key[5:].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute("SELECT term FROM vocab WHERE stem LIKE ? ESCAPE '\\' LIMIT 400", (like,))
    word.forms |= {r[0] for r in rows}


def _document_frequencies(conn: sqlite3.Connection, words: dict[str, _Word], total: int) -> dict[str, int]:
    """How many projects have each word, from the index's term statistics (one query): the sum
    over its forms, at most every project (an estimate: a project with two forms counts twice)."""
    forms = sorted({f for w in words.values() for f in w.forms})
    docs = dict(
        conn.execute(
            "SELECT term, doc FROM fts_terms WHERE term IN (SELECT value FROM json_each(?))",
            (json.dumps(forms, ensure_ascii=False),),
        ).fetchall()
    )
    return {key: min(total, sum(docs.get(f, 0) for f in w.forms)) for key, w in words.items()}


def _match(forms: set[str]) -> str:
    columns = "{" + " ".join(CONTENT_COLUMNS) + "}"
    return f"{columns} : (" + " OR ".join(_quote(f) for f in sorted(forms)) + ")"


def similar(
    conn: sqlite3.Connection,
    record: dict,
    labels,
    limit: int | None = 10,
    related_boost: float = RELATED_BOOST,
    max_words: int = MAX_WORDS,
) -> list[Similar]:
    """The projects most like `record` (a project of the index), best first, at most `limit`."""
    me = conn.execute("SELECT rowid FROM projects WHERE id = ? AND active", (record["id"],)).fetchone()
    my_rowid = me[0] if me else None
    total = conn.execute("SELECT count(*) FROM projects WHERE active").fetchone()[0] or 1
    words = _content_words(conn, record, labels)
    weights = ", ".join(str(WEIGHTS[c]) for c in FTS_COLUMNS)

    # Distinctive words: in the project, and in few others (a word in nearly every project,
    # such as `service`, says little about which are alike).
    _add_forms(conn, words)
    for key, df in _document_frequencies(conn, words, total).items():
        word = words[key]
        # In one other project at least, and in at most MAX_DOC_SHARE of them (MoreLikeThis'
        # maxDocFreq): a word in most projects orders none of them, and costs the most to score.
        word.idf = math.log(1 + (total - df + 0.5) / (df + 0.5)) if 1 < df <= MAX_DOC_SHARE * total else 0.0
    chosen = sorted(
        (kw for kw in words.items() if kw[1].idf > 0), key=lambda kw: (-kw[1].weight * kw[1].idf, kw[1].shown)
    )[:max_words]
    for key, word in chosen:
        if key.startswith("head:"):
            _add_compounds(conn, key, word)

    content: dict[int, float] = defaultdict(float)
    shared_words: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for _key, word in chosen:
        rows = conn.execute(
            f"SELECT rowid, -bm25(fts, {weights}) FROM fts WHERE fts MATCH ?", (_match(word.forms),)
        ).fetchall()
        for rowid, score in rows:
            gain = word.weight * score
            content[rowid] += gain
            if rowid != my_rowid:
                shared_words[rowid].append((gain, word.shown))
    own = content.pop(my_rowid, 0.0) if my_rowid is not None else 0.0
    scale = own or max(content.values(), default=0.0) or 1.0

    tags = list(record.get("tags") or [])
    tag_df = dict(
        conn.execute(
            "SELECT tag, count(*) FROM project_tags t JOIN projects p ON p.rowid = t.project "
            "WHERE p.active AND tag IN (SELECT value FROM json_each(?)) GROUP BY tag",
            (json.dumps(tags),),
        ).fetchall()
    )
    tag_idf = {tg: math.log(1 + total / tag_df.get(tg, 1)) for tg in tags}
    tag_sum = sum(tag_idf.values()) or 1.0
    candidates = set(content) | {
        r[0]
        for r in conn.execute(
            "SELECT project FROM project_tags WHERE tag IN (SELECT value FROM json_each(?))", (json.dumps(tags),)
        )
    }
    candidates.discard(my_rowid)
    related = set(record.get("related") or [])
    if related_boost:  # links are kept both ways by validate, but a link one way still counts
        related |= {
            r[0]
            for r in conn.execute(
                "SELECT p.id FROM projects p, json_each(p.record, '$.related') r WHERE p.active AND r.value = ?",
                (record["id"],),
            )
        }
    geo = record.get("geography") or {}
    my_places = {("c", c) for c in geo.get("counties") or []} | {("m", m) for m in geo.get("municipalities") or []}
    # The candidates' signals from the index's own tables: no record is decoded (at 10,000
    # projects a common word makes thousands of candidates).
    among = json.dumps(sorted(candidates))
    shared_tags: dict[int, set[str]] = defaultdict(set)
    for rowid, tag in conn.execute(
        "SELECT project, tag FROM project_tags WHERE tag IN (SELECT value FROM json_each(?)) "
        "AND project IN (SELECT value FROM json_each(?))",
        (json.dumps(tags), among),
    ):
        shared_tags[rowid].add(tag)
    shared_places: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for table, column, key in (("project_counties", "county", "c"), ("project_municipalities", "municipality", "m")):
        mine = [name for k, name in my_places if k == key]
        if not mine:
            continue
        for rowid, name in conn.execute(
            f"SELECT project, {column} FROM {table} WHERE {column} IN (SELECT value FROM json_each(?)) "
            "AND project IN (SELECT value FROM json_each(?))",
            (json.dumps(mine, ensure_ascii=False), among),
        ):
            shared_places[rowid].add((key, name))
    # A shared municipality says more than a shared county.
    place_total = sum(2 if k == "m" else 1 for k, _ in my_places)
    rows = conn.execute(
        "SELECT rowid, id, theme, kind FROM projects WHERE active AND rowid IN (SELECT value FROM json_each(?))",
        (among,),
    ).fetchall()
    scored = []
    for rowid, pid, theme, kind in rows:
        its_tags = [tg for tg in tags if tg in shared_tags.get(rowid, ())]
        common = shared_places.get(rowid, set())
        place_share = sum(2 if k == "m" else 1 for k, _ in common) / place_total if place_total else 0.0
        score = (
            content.get(rowid, 0.0) / scale
            + TAG_WEIGHT * sum(tag_idf[tg] for tg in its_tags) / tag_sum
            + THEME_WEIGHT * (theme == record.get("theme"))
            + KIND_WEIGHT * (kind == record.get("kind"))
            + PLACE_WEIGHT * place_share
            + (related_boost if pid in related else 0.0)
        )
        scored.append((-round(score, 9), pid, score, rowid, theme, kind, its_tags, common))
    scored.sort(key=lambda row: (row[0], row[1]))
    out = []
    for _, pid, score, rowid, theme, kind, its_tags, common in scored[:limit] if limit else scored:
        # A word and a compound's head can show alike (plattform, and the head of
        # ombudsplattform): each shown once, at its strongest.
        strongest = list(dict.fromkeys(w for _, w in sorted(shared_words.get(rowid, []), key=lambda g: (-g[0], g[1]))))
        out.append(
            Similar(
                pid,
                score,
                strongest,
                its_tags,
                theme == record.get("theme"),
                kind == record.get("kind"),
                sorted(name for _, name in common),
                pid in related,
            )
        )
    return out


def reason(found: Similar, tag_label, theme_label: str, kind_label: str, max_words: int = 3) -> str:
    """One line, in the run's language: 'delar taggarna Paketombud, Dagligvaror; samma tema; ord: …'."""
    from ..messages import t

    parts = []
    if found.related:
        parts.append(t("similar.linked"))
    if found.tags:
        key = "similar.tags" if len(found.tags) > 1 else "similar.tag"
        parts.append(t(key, tags=", ".join(tag_label(tg) for tg in found.tags)))
    if found.words:
        parts.append(t("similar.words", words=", ".join(found.words[:max_words])))
    if found.same_theme:
        parts.append(t("similar.theme", theme=theme_label))
    if found.same_kind:
        parts.append(t("similar.kind", kind=kind_label))
    if found.places:
        parts.append(t("similar.places", places=", ".join(found.places[:3])))
    return "; ".join(parts)
