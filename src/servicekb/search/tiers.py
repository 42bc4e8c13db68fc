"""Match tiers: how a project's words met a query word, best first (see search/__init__.py)."""

EXACT, STEM, PART, COMPOUND, SYNONYM, HEAD, TYPO = 7, 6, 5, 4, 3, 2, 1
TIER_NAMES = {
    EXACT: "exact",
    STEM: "inflection",
    PART: "compound part",
    COMPOUND: "split compound",
    SYNONYM: "synonym",
    HEAD: "compound head",
    TYPO: "typo",
}
# A split word's first part alone ranks at the head's tier; --explain names it apart.
FIRST_PART_NAME = "compound first part"
# A place's adjective (skånska for Skåne) ranks at the compound part's tier; --explain names it apart.
PLACE_ADJECTIVE_NAME = "place adjective"
# A thesaurus's broader word ranks at the head's tier; --explain names it apart.
BROADER_NAME = "broader word"
SYNONYM_RELATION = "synonym"  # thesaurus.SYNONYM, without importing it on the search path
