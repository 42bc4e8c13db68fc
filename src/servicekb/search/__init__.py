"""Full-text search over the index: query syntax, Swedish-aware matching, ranking, snippets.

Tiers (a project's tier for a query word is the best one it reaches):
  7  exact word                      servicepunkt → servicepunkt
  6  same Snowball stem (inflection) servicepunkt → servicepunkter, servicepunkten;
                                     lanthandel → lanthandlarna (an e that drops: stems_of)
  5  compound part or folded form    ombud → paketombud; automat → paketautomater;
                                     lanthandeln → lanthandel (the word less a short ending);
                                     Orebro → Örebro (only when the word is typed without å, ä, ö)
  4  split compound                  butiksutveckling (unknown) → butik AND utveckling; a compound
                                     asked alone that only one or two projects have, too
                                     (biblioteksböcker → bibliotek AND böcker, each part's own forms)
  3  synonym (thesaurus)             hemkörning → hemsändning; bybutik → butik (broader word)
  2  compound head                   landsbygdsapotek (unknown) → apotek (the last part alone);
     (broader word)                  bankomat (unknown) → kontanter (the thesaurus's broader word,
                                     below the synonym uttagsautomat);
     (compound first part)           paketbolagen (unknown) → paket (the first part alone, when its
                                     forms are in at most a quarter of the projects)
  1  typo                            ombudsplatform (unknown) → ombudsplattform
Projects having every word (or OR group) come first, ranked by the sum of their tiers, then
by BM25 with field weights (owner and title above tags, tags above summary, summary above
activities; for a word with direct matches, BM25 counts the direct forms only), then by
title in Swedish order. When fewer than a handful of projects have every word, projects
having most of the words follow (first at least half of the words, else any one; with two
words or more and fewer than a page having every word, those having all but one), ranked
by how many they have, then by the tiers weighted by each word's rarity (BM25's idf: in
`beroende av eldsjälar` the rarer eldsjälar counts more); `SearchResult.relaxed` names the
words they lack. So a query whose
words all match exactly ranks those projects first. For `får`, a project saying "far" is
not a match at all (å, ä, ö are letters of their own; typos are not allowed below five
letters), and for `far`, "får" is only a folded match.

A word naming a county or municipality of the reference data (reference.place_named: Orsa,
Gotlands, gavleborg typed without ä when it is no Swedish word) is a place: it matches the place's
names (exact), their genitive (inflection) and its adjective (skånska; at the compound part's tier,
`--explain` says "place adjective"), and never as a compound part (Gotland in Östergötland), a
folded spelling of another word (Orsa in försäljning), a split (bor + länge) or a typo. A place
no project names makes the answer empty, with a notice naming its county (no_match_message).

Splitting and typo correction apply only to words the index does not have at all; broader
thesaurus words stand in only for such words too. The thesaurus (reference/synonyms.yaml,
thesaurus.py) is stored in the index when it is built, so a search never reads YAML.

Two neighbouring words that join into a word of the index (bygde bolag → bygdebolag, with or
without a linking s) match that word too, as exact: a compound written apart (särskrivning).

Query syntax: words are ANDed (then relaxed, see above); "quoted phrase"; -word excludes
every project `search word` would find; a OR b. User text is never passed to FTS5 as
syntax: every term is quoted.

The package's modules follow the seams of Whoosh and Lucene: syntax.py (the query language),
analysis.py (Swedish word rules, no SQL), spelling.py (typo correction), matching.py (a word's
forms in the index, by tier), ranking.py (SQL ranking, explanations), snippets.py, facets.py.
"""

from __future__ import annotations

from .analysis import MIN_PART_LENGTH, split_compound, stems_of
from .facets import FACET_SIZE, FACETS, facets
from .matching import MAX_EXPANSION, Expansion, expand, related_terms
from .ranking import HANDFUL, WEIGHTS, Hit, SearchResult, explain, no_match_message, notices, search
from .snippets import SNIPPET_FIELDS, snippet, snippet_text
from .spelling import correct_typo, suggest_words
from .syntax import MAX_TERMS, STOP_WORDS, Query, Term, parse_query, query_term
from .tiers import COMPOUND, EXACT, HEAD, PART, STEM, SYNONYM, SYNONYM_RELATION, TIER_NAMES, TYPO

__all__ = [
    "COMPOUND",
    "EXACT",
    "FACETS",
    "FACET_SIZE",
    "HANDFUL",
    "HEAD",
    "MAX_EXPANSION",
    "MAX_TERMS",
    "MIN_PART_LENGTH",
    "PART",
    "SNIPPET_FIELDS",
    "STEM",
    "STOP_WORDS",
    "SYNONYM",
    "SYNONYM_RELATION",
    "TIER_NAMES",
    "TYPO",
    "WEIGHTS",
    "Expansion",
    "Hit",
    "Query",
    "SearchResult",
    "Term",
    "correct_typo",
    "expand",
    "explain",
    "facets",
    "no_match_message",
    "notices",
    "parse_query",
    "query_term",
    "related_terms",
    "search",
    "snippet",
    "snippet_text",
    "split_compound",
    "stems_of",
    "suggest_words",
]
