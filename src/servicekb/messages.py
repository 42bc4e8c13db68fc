"""The interface's words in Swedish and English, in one table: one language per run.

The language follows the locale as gettext does — `LC_ALL`, then `LC_MESSAGES`, then `LANG`
— unless `SERVICEKB_LANG=sv|en` chooses; a Swedish locale gives Swedish, anything else
English. Data stays as written (Swedish); machine formats keep stable English keys and values.
"""

from __future__ import annotations

import os

LANGUAGES = ("sv", "en")

# key: (Swedish, English). Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # status and scope words (the data's enum values are the English keys)
    "status.completed": ("avslutat", "completed"),
    "status.ongoing": ("pågående", "ongoing"),
    "status.planned": ("planerat", "planned"),
    "status.past_end": ("pågående enligt källan – slutdatum {end} passerat", "ongoing according to the source – end date {end} passed"),
    "status.past_end.short": ("pågående, slutdatum passerat", "ongoing, end date passed"),
    "scope.local": ("lokal (orter i en kommun)", "local (places in one municipality)"),
    "scope.municipal": ("kommunal", "municipal"),
    "scope.county": ("länet", "county-wide"),
    "scope.multi-county": ("flera län", "several counties"),
    "scope.national": ("hela landet", "nationwide"),
    # listing headers and titles
    "col.project_id": ("Projekt (id)", "Project (id)"),
    "col.id": ("Id", "Id"),
    "col.title": ("Titel", "Title"),
    "col.project": ("Projekt", "Project"),
    "col.counties": ("Län", "Counties"),
    "col.theme": ("Tema", "Theme"),
    "col.status": ("Status", "Status"),
    "col.cost": ("Belopp", "Amount"),
    "col.projects": ("Projekt", "Projects"),
    "col.total_cost": ("Total kostnad", "Total cost"),
    "col.budget": ("Budget", "Budget"),
    "col.public_support": ("Offentligt stöd", "Public support"),
    "col.without_amount": ("Utan belopp", "No amount"),
    "col.median": ("Median", "Median cost"),
    "col.snippet": ("Utdrag", "Snippet"),
    "col.why": ("Varför", "Why"),
    # search notices (search.notices)
    "search.corrected": ("inget projekt har '{typed}'; visar träffar för '{shown}'", "no project has '{typed}'; showing results for '{shown}'"),
    "search.synonyms": ("inget projekt har '{typed}'; visar träffar för synonymerna ({shown})",
                        "no project has '{typed}'; showing results for its synonyms ({shown})"),
    "search.relaxed_some": ("bara {n} projekt har alla orden; under dem projekt utan {missing}",
                            "only {n} project(s) have all the words; below them, projects without {missing}"),
    "search.relaxed_none": ("inget projekt har alla orden; visar projekt utan {missing}", "no project has all the words; showing projects without {missing}"),
    "search.or": (" eller ", " or "),
    "search.no_match": ("inga projekt matchar sökningen.", "no projects match the query."),
    "search.no_match_filtered": ("inga projekt matchar sökningen och filtren.", "no projects match the query and filters."),
    "col.value": ("Värde", "Value"),
    "col.label": ("Benämning", "Label"),
    "by.county": ("Län", "County"),
    "by.theme": ("Tema", "Theme"),
    "by.status": ("Status", "Status"),
    "by.kind": ("Typ", "Kind"),
    "by.owner-type": ("Ägartyp", "Owner type"),
    "by.tag": ("Tagg", "Tag"),
    "by.municipality": ("Kommun", "Municipality"),
    "title.projects": ("{n} projekt", "{n} project(s)"),
    "title.matches": ("{n} projekt matchar", "{n} project(s) match"),
    "title.matches_shown": ("{n} projekt matchar, visar {shown} (--limit 0 visar alla)", "{n} project(s) match, showing {shown} (--limit 0 shows all)"),
    "title.stats": ("{n} projekt per {by}", "{n} project(s) by {by}"),
    "title.stats_multi": ("– ett projekt i flera grupper räknas i varje; totalen räknar det en gång",
                          "— a project in several groups counts in each; the total counts it once"),
    "title.facet": ("Per {name}", "By {name}"),
    "facet.county_note": (" (ett projekt i två län räknas i båda)", " (a project in two counties counts in both)"),
    # notices
    "note.limited": ("servicekb: {shown} av {total} träffar visas; --limit 0 visar alla.", "servicekb: {shown} of {total} matches shown; --limit 0 shows all."),
    "note.columns_left_out": ("Utelämnade kolumner (för smalt fönster): {columns}. Se allt med --format tsv eller välj med --fields.",
                              "Columns left out (terminal too narrow): {columns}. See everything with --format tsv, or choose with --fields."),
    "note.problems": ("servicekb: {files} fil(er) med problem: {first}{more}; kör `servicekb validate` för detaljer. Ogiltiga filer utelämnas.",
                      "servicekb: {files} file(s) with problems: {first}{more}; run `servicekb validate` for details. Invalid files are left out."),
    "note.more": (" (och {n} till)", " (and {n} more)"),
    # show
    "show.theme": ("Tema", "Theme"),
    "show.kind": ("Typ", "Kind"),
    "show.status": ("Status", "Status"),
    "show.end_date": ("slutdatum {end}", "end date {end}"),
    "show.owner": ("Projektägare", "Owner"),
    "show.no_owner": ("– (sidan anger ingen)", "– (the source names none)"),
    "show.contact": ("Kontaktorganisation", "Contact organisation"),
    "show.scope": ("Omfattning", "Scope"),
    "show.counties": ("Län", "Counties"),
    "show.municipalities": ("Kommuner", "Municipalities"),
    "show.places": ("Orter", "Places"),
    "show.total_cost": ("Total kostnad", "Total cost"),
    "show.budget": ("Budget", "Budget"),
    "show.public_support": ("Offentligt stöd", "Public support"),
    "show.unknown_amount": ("– (ingen uppgift)", "– (not given)"),
    "show.co_funders": ("Medfinansiärer", "Co-funders"),
    "show.tags": ("Taggar", "Tags"),
    "show.related": ("Relaterade", "Related"),
    "show.links": ("Länkar", "Links"),
    "show.source": ("Källa", "Source"),
    "show.summary": ("Sammanfattning", "Summary"),
    "show.activities": ("Genomförande", "Activities"),
    "show.results": ("Resultat", "Results"),
    "show.lessons": ("Lärdomar", "Lessons"),
    # reports (report.layout, money.describe)
    "rep.heading_county": ("{official} (länskod {code}, {letter}) – {region}", "{official} (county code {code}, {letter}) – {region}"),
    "rep.heading_all": ("Lokal service: alla pilotprojekt", "Local service: all pilot projects"),
    "rep.heading_scope": ("Lokal service: {scope}", "Local service: {scope}"),
    "rep.selection": ("urval av pilotprojekt", "a selection of pilot projects"),
    "rep.count": ("{n} projekt", "{n} project(s)"),
    "rep.count_multi": (", varav {m} i flera län (markerade med *)", ", {m} of them in several counties (marked *)"),
    "rep.total_cost": ("Total kostnad, avslutade projekt", "Total cost, finished projects"),
    "rep.budget": ("Budget, pågående projekt", "Budget, ongoing projects"),
    "rep.support": ("Offentligt stöd", "Public support"),
    "rep.no_amount": ("inget belopp angivet", "no amount given"),
    "rep.with_amount": ("projekt med belopp", "projects with an amount"),
    "rep.with_budget": ("projekt med budget", "projects with a budget"),
    "rep.with_support": ("projekt med angivet stöd", "projects with stated support"),
    "rep.without": ("Utan kostnad eller budget: {n} av {total} projekt", "Without cost or budget: {n} of {total} projects"),
    "rep.separate_sums": ("Kostnad, budget och stöd summeras var för sig; projekt utan belopp räknas inte som 0.",
                          "Cost, budget and support are summed separately; projects without an amount do not count as 0."),
    "rep.per_county": ("Per län", "By county"),
    "rep.per_theme": ("Per tema", "By theme"),
    "rep.projects": ("Projekt", "Projects"),
    "rep.lessons": ("Några lärdomar", "Some lessons"),
    "rep.county": ("Län", "County"),
    "rep.theme": ("Tema", "Theme"),
    "rep.where": ("Kommun/orter", "Municipality/places"),
    "rep.owner": ("Projektägare", "Owner"),
    "rep.amount": ("Belopp", "Amount"),
    "rep.total_once": ("Totalt (varje projekt en gång)", "Total (each project once)"),
    "rep.counted_once": ("Totalt {n} projekt: ett projekt i flera län står under varje län men räknas en gång i totalen.",
                         "{n} projects in all: a project in several counties is listed under each but counted once in the total."),
    "rep.multi_note": ("* arbetar i flera län och står med i varje läns rapport.", "* works in several counties and appears in each county's report."),
    "rep.national": ("Nationella projekt som gäller hela landet räknas inte ovan ({n} st): {names}.",
                     "Nationwide projects are not counted above ({n}): {names}."),
    "rep.whole_county": ("hela länet", "the whole county"),
    "rep.several_counties": ("flera län", "several counties"),
    "rep.and_more": (" m.fl.", " and more"),
    "rep.source": ("Källa: {source}", "Source: {source}"),
    # provenance
    "cite.section": ("avsnitt", "section"),
    "cite.project": ("projektet", "project"),
    "cite.unknown": ("Webbadress och hämtningsdatum anges inte i källmaterialet.",
                     "The source material gives no web address or retrieval date."),
}


def language() -> str:
    """'sv' or 'en' for this run (see the module docstring)."""
    chosen = os.environ.get("SERVICEKB_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def t(key: str, **values: object) -> str:
    """The message `key` in this run's language, with `values` filled in."""
    sv, en = MESSAGES[key]
    text = sv if language() == "sv" else en
    return text.format(**values) if values else text


def status_label(status: str) -> str:
    return t(f"status.{status}") if f"status.{status}" in MESSAGES else status
