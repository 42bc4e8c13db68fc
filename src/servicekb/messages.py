"""The interface's words in Swedish and English, in one table: one language per run.

The language follows the locale as gettext does — `LC_ALL`, then `LC_MESSAGES`, then `LANG`
— unless `SERVICEKB_LANG=sv|en` chooses; a Swedish locale gives Swedish, anything else
English. Data stays as written (Swedish); machine formats keep stable English keys and values.
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable
from typing import Optional

LANGUAGES = ("sv", "en")

# key: (Swedish, English). Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # status and scope words (the data's enum values are the English keys)
    "status.completed": ("avslutat", "completed"),
    "status.ongoing": ("pågående", "ongoing"),
    "status.planned": ("planerat", "planned"),
    "status.past_end": (
        "pågående enligt {source} – slutdatum {end} passerat",
        "ongoing according to {source} – end date {end} passed",
    ),
    "status.the_source": ("källan", "the source"),
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
    "cost.budget_mark": ("(budget)", "(budget)"),  # after an amount that is a budget, not a total cost
    "col.projects": ("Projekt", "Projects"),
    "col.total_cost": ("Total kostnad", "Total cost"),
    "col.budget": ("Budget", "Budget"),
    "col.public_support": ("Offentligt stöd", "Public support"),
    "col.without_amount": ("Utan belopp", "No amount"),
    "col.median": ("Median", "Median cost"),
    "col.source": ("Källa", "Source"),
    "col.snippet": ("Utdrag", "Snippet"),
    "col.why": ("Varför", "Why"),
    # --fields headers (fields.all_columns): one per field of the model, nested ones by their last part
    "field.theme": ("Tema", "Theme"),
    "field.kind": ("Typ", "Kind"),
    "field.status": ("Status", "Status"),
    "field.start_date": ("Startdatum", "Start date"),
    "field.end_date": ("Slutdatum", "End date"),
    "field.contact_organisation": ("Kontaktorganisation", "Contact organisation"),
    "field.partners": ("Partner", "Partners"),
    "field.summary": ("Sammanfattning", "Summary"),
    "field.activities": ("Aktiviteter", "Activities"),
    "field.results": ("Resultat", "Results"),
    "field.lessons": ("Lärdomar", "Lessons"),
    "field.tags": ("Taggar", "Tags"),
    "field.related": ("Relaterade", "Related"),
    "field.links": ("Länkar", "Links"),
    "field.former_ids": ("Tidigare id:n", "Former ids"),
    "field.owner.name": ("Namn", "Name"),
    "field.owner.type": ("Ägartyp", "Type"),
    "field.geography.scope": ("Omfattning", "Scope"),
    "field.geography.counties": ("Län", "Counties"),
    "field.geography.municipalities": ("Kommuner", "Municipalities"),
    "field.geography.places": ("Orter", "Places"),
    "field.funding.total_cost_sek": ("Total kostnad", "Total cost"),
    "field.funding.budget_sek": ("Budget", "Budget"),
    "field.funding.public_support_sek": ("Offentligt stöd", "Public support"),
    "field.funding.co_funders": ("Medfinansiärer", "Co funders"),
    "field.source.ref": ("Källa (ref)", "Ref"),
    "field.source.publisher": ("Utgivare", "Publisher"),
    "field.source.title": ("Källans titel", "Title"),
    "field.source.url": ("Webbadress", "Url"),
    "field.source.date": ("Datum", "Date"),
    "field.source.programme": ("Program", "Programme"),
    "field.source.section": ("Avsnitt", "Section"),
    "field.owner": ("Projektägare", "Owner"),
    "field.cost_kind": ("Beloppets slag", "Cost kind"),
    "field.past_end_date": ("Slutdatum passerat", "Past end date"),
    # help panels (shown by rich help only; typer's plain help, which servicekb uses, lists options in one block)
    "panel.filters": ("Filter", "Filters"),
    "panel.output": ("Utdata", "Output"),
    "panel.kb": ("Kunskapsbank", "Knowledge base"),
    # errors of the library's resolvers (reference.py, kb.py, search.py)
    "what.theme": ("Tema", "theme"),
    "what.kind": ("Typ", "kind"),
    "what.owner type": ("Ägartyp", "owner type"),
    "what.tag": ("Tagg", "tag"),
    "err.vocab_ambiguous": (
        "{what} {text!r} är tvetydigt: det passar {matches}.",
        "{what} {text!r} is ambiguous: it matches {matches}.",
    ),
    "err.vocab_unknown": (
        "{what} {text!r} finns inte.{hint} Giltiga värden: {valid}.",
        "unknown {what} {text!r}.{hint} Valid: {valid}.",
    ),
    "err.county_unknown": (
        "länet {text!r} finns inte.{hint} Län: {names}.",
        "unknown county {text!r}.{hint} Counties: {names}.",
    ),
    "err.municipality_ambiguous": (
        "kommunen {text!r} är tvetydig: den passar {matches}.",
        "municipality {text!r} is ambiguous: it matches {matches}.",
    ),
    "err.municipality_unknown": (
        "kommunen {text!r} finns inte.{hint} Namnen står i data/reference/municipalities.yaml, t.ex. 'Mora'.",
        "unknown municipality {text!r}.{hint} Names are as in data/reference/municipalities.yaml, e.g. 'Mora'.",
    ),
    "err.id_empty": (
        "projekt-id:t är tomt; ange ett, t.ex. 'ica' (`servicekb list --format ids` listar dem).",
        "the project id is empty; give one such as 'ica' (`servicekb list --format ids` lists them).",
    ),
    "err.id_unknown": (
        "det finns inget projekt med id {id!r}.{hint} `servicekb list --format ids` listar alla id:n.",
        "no project with id {id!r}.{hint} `servicekb list --format ids` lists the ids.",
    ),
    "err.exclude_after_dashes": (
        "({word!r} lästes som en flagga. För att utesluta ordet: flaggorna först, sedan `--` "
        "och frågan, t.ex. `{path} --format ids -- paket {word}`)",
        "({word!r} was read as a flag. To exclude the word: the options first, then `--` and the "
        "query, e.g. `{path} --format ids -- paket {word}`)",
    ),
    "err.id_prefix": (
        "{typed!r} är början på flera id:n: {shown}. Skriv mer av id:t.",
        "{typed!r} is the beginning of several ids: {shown}. Type more of the id.",
    ),
    "err.id_prefix_more": (
        "{typed!r} är början på flera id:n: {shown} med flera. Skriv mer av id:t.",
        "{typed!r} is the beginning of several ids: {shown} and more. Type more of the id.",
    ),
    "err.ids_unknown": ("okända projekt-id:n: {ids}", "unknown project ids: {ids}"),
    "err.or_needs_words": (
        "OR behöver ett ord på var sida, t.ex. `paketombud OR paketautomat`.",
        "OR needs a word on each side, e.g. `paketombud OR paketautomat`.",
    ),
    "err.too_many_words": (
        "sökningen har för många ord; använd högst {n}.",
        "the query has too many words; use at most {n}.",
    ),
    "err.only_common_words": (
        "sökningen har bara vanliga ord ({words}), som finns överallt; lägg till ett mer specifikt ord, t.ex. `servicepunkt`.",
        "the query has only common words ({words}), which match everything; add a more specific word, e.g. `servicepunkt`.",
    ),
    # the index cache's notices (cache.py, kb.py); technical details (SQLite's words) stay as they are
    "notice.cache_damaged": (
        "indexcachen {path} är skadad ({reason}); bygger om den.",
        "the index cache {path} is damaged ({reason}); rebuilding it.",
    ),
    "notice.cache_foreign": (
        "indexcachen {path} är inget servicekb-index; bygger om den.",
        "the index cache {path} is not a servicekb index; rebuilding it.",
    ),
    "notice.cache_blocked": (
        "på indexcachens plats {path} finns {blocker}; bygger om den.",
        "the index cache {path} is {blocker}; rebuilding it.",
    ),
    "notice.cache_memory": (
        "indexcachen {path} kan inte användas ({reason}); använder ett index i minnet.",
        "the index cache {path} cannot be used ({reason}); using an index in memory.",
    ),
    # what stands at the index cache's place (cache.in_the_way), inside the two messages above and cache.unusable
    "blocker.dangling_link": ("en trasig länk", "a dangling link"),
    "blocker.unreadable": ("något oläsbart ({reason})", "unreadable ({reason})"),
    "blocker.folder": ("en mapp", "a folder"),
    "blocker.not_regular": ("något som inte är en vanlig fil", "not a regular file"),
    "err.cannot_create_folder": (
        "kan inte skapa mappen {folder}: {reason}",
        "cannot create the folder {folder}: {reason}",
    ),
    "err.export_foreign_keys": (
        "exporten skulle bryta främmande nycklar: {broken}",
        "export would break foreign keys: {broken}",
    ),
    "err.cannot_remove_index": (
        "kan inte ta bort indexet {path}: {reason}",
        "cannot remove the index {path}: {reason}",
    ),
    "err.cannot_read_kb": (
        "kan inte läsa kunskapsbanken i {root}: {reason}",
        "cannot read the knowledge base at {root}: {reason}",
    ),
    "err.index_unrepairable": (
        "indexet gick inte att laga; prova `servicekb cache clear` eller --no-cache",
        "the index could not be repaired; try `servicekb cache clear` or --no-cache",
    ),
    "err.index_unbuildable": (
        "indexet gick inte att bygga; prova `servicekb cache clear` eller --no-cache",
        "the index could not be built; try `servicekb cache clear` or --no-cache",
    ),
    "err.index_unreadable": (
        "indexet gick inte att läsa; prova `servicekb cache clear` eller --no-cache",
        "the index could not be read; try `servicekb cache clear` or --no-cache",
    ),
    "err.output_failed": ("kan inte skriva utdata: {reason}", "cannot write the output: {reason}"),
    "cache.unusable": (
        "oanvändbar: på indexets plats finns {blocker} (nästa kommando ersätter det; `servicekb cache clear` tar bort det)",
        "unusable: the index path is {blocker} (the next command replaces it; `servicekb cache clear` removes it)",
    ),
    "opt.all_words": (
        "Bara projekt som har alla orden (inga projekt med färre ord, eller som liknar träffarna, under dem).",
        "Only projects having every word (none with fewer words, or like the matches, below them).",
    ),
    "opt.explain": (
        "Lägg till en kolumn som säger vilka ord som träffade varje projekt, och hur (exakt, böjning, "
        "ordled, ortens adjektiv, uppdelat sammansatt ord, synonym, efterled, förled, vidare begrepp, stavfel, saknas).",
        "Add a column saying which words matched each project, and how (exact, inflection, compound part, "
        "place adjective, split compound, synonym, compound head, compound first part, broader word, typo, "
        "missing).",
    ),
    # --explain's match tiers for people (search/tiers.TIER_NAMES are the machine formats' stable values)
    "tier.exact": ("exakt", "exact"),
    "tier.inflection": ("böjning", "inflection"),
    "tier.compound part": ("ordled", "compound part"),
    "tier.split compound": ("uppdelat sammansatt ord", "split compound"),
    "tier.synonym": ("synonym", "synonym"),
    "tier.compound head": ("efterled", "compound head"),
    "tier.compound first part": ("förled", "compound first part"),
    "tier.place adjective": ("ortens adjektiv", "place adjective"),
    "tier.broader word": ("vidare begrepp", "broader word"),
    "tier.typo": ("stavfel", "typo"),
    "tier.missing": ("saknas", "missing"),
    # search notices (search.notices)
    "search.corrected": (
        "inget projekt har '{typed}'; visar träffar för '{shown}'",
        "no project has '{typed}'; showing results for '{shown}'",
    ),
    "search.synonyms": (
        "inget projekt har '{typed}'; visar träffar för synonymerna ({shown})",
        "no project has '{typed}'; showing results for its synonyms ({shown})",
    ),
    "search.wider_after": (
        "under dem projekt med vidare ord för '{typed}' ({shown})",
        "below them, projects with broader words for '{typed}' ({shown})",
    ),
    "search.wider_only": (
        "inget projekt har '{typed}'; visar träffar för vidare ord ({shown})",
        "no project has '{typed}'; showing results for broader words ({shown})",
    ),
    "search.broader": (
        "få projekt i området har '{typed}'; efter dem projekt med vidare ord ({shown})",
        "few projects in the area have '{typed}'; after them, projects with broader words ({shown})",
    ),
    "search.relaxed_some": (
        "bara {n} projekt har alla orden; under dem projekt utan {missing}",
        "only {n} {n:pl(project has,projects have)} all the words; below them, projects without {missing}",
    ),
    "search.relaxed_none": (
        "inget projekt har alla orden; visar projekt utan {missing}",
        "no project has all the words; showing projects without {missing}",
    ),
    "search.feedback": (
        "{n} projekt till som liknar de bästa träffarna följer, utan orden",
        "{n} more {n:pl(project,projects)} like the best matches {n:pl(follows,follow)}, without the words",
    ),
    "why.in": ("i {fields}", "in {fields}"),
    "why.field.title": ("titeln", "the title"),
    "why.field.owner": ("ägaren", "the owner"),
    "why.field.tags": ("taggar/tema", "tags/theme"),
    "why.field.summary": ("sammanfattningen", "the summary"),
    "why.field.places": ("orter/län", "places/counties"),
    "why.field.activities": ("aktiviteterna", "the activities"),
    "why.field.results": ("resultaten", "the results"),
    "why.field.lessons": ("lärdomarna", "the lessons"),
    "search.why_like": ("liknar de bästa träffarna", "like the best matches"),
    "search.or": (" eller ", " or "),
    "col.value": ("Värde", "Value"),
    "col.label": ("Benämning", "Label"),
    "by.county": ("Län", "County"),
    "by.theme": ("Tema", "Theme"),
    "by.status": ("Status", "Status"),
    "by.kind": ("Typ", "Kind"),
    "by.owner-type": ("Ägartyp", "Owner type"),
    "by.tag": ("Tagg", "Tag"),
    "by.municipality": ("Kommun", "Municipality"),
    "title.projects": ("{n} projekt", "{n} {n:pl(project,projects)}"),
    "title.matches": ("{n} projekt matchar", "{n} {n:pl(project matches,projects match)}"),
    "title.matches_like": (
        "{n} projekt matchar + {like} liknande (≈)",
        "{n} {n:pl(project matches,projects match)} + {like} similar (≈)",
    ),
    "title.matches_shown": (
        "{n} projekt matchar, visar {shown} (--limit 0 visar alla)",
        "{n} {n:pl(project matches,projects match)}, showing {shown} (--limit 0 shows all)",
    ),
    "title.stats": ("{n} projekt per {by}", "{n} {n:pl(project,projects)} by {by}"),
    "title.stats_multi": (
        "– ett projekt i flera grupper räknas i varje; totalen räknar det en gång",
        "— a project in several groups counts in each; the total counts it once",
    ),
    "title.facet": ("Per {name}", "By {name}"),
    "facet.county_note": (" (ett projekt i två län räknas i båda)", " (a project in two counties counts in both)"),
    # notices
    "note.limited": (
        "{shown} projekt visas, fler finns; --limit 0 visar alla.",
        "{shown} {shown:pl(project,projects)} shown, there are more; --limit 0 shows all.",
    ),
    "note.limited_of": (
        "{shown} av {total} projekt visas; --limit 0 visar alla.",
        "{shown} of {total} {total:pl(project,projects)} shown; --limit 0 shows all.",
    ),
    "note.columns_left_out": (
        "Utelämnade kolumner (för smalt fönster): {columns}. Se allt med --format tsv eller välj med --fields.",
        "Columns left out (terminal too narrow): {columns}. See everything with --format tsv, or choose with --fields.",
    ),
    "note.problems": (
        "{files} {files:pl(fil,filer)} med problem: {first}{more}; kör `servicekb validate` för detaljer. Ogiltiga filer utelämnas.",
        "{files} {files:pl(file,files)} with problems: {first}{more}; run `servicekb validate` for details. Invalid files are left out.",
    ),
    "note.more": (" (och {n} problem till)", " (and {n} more {n:pl(problem,problems)})"),
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
    "rep.heading_county": (
        "{official} (länskod {code}, {letter}) – {region}",
        "{official} (county code {code}, {letter}) – {region}",
    ),
    "rep.heading_all": ("Lokal service: alla pilotprojekt", "Local service: all pilot projects"),
    "rep.heading_scope": ("Lokal service: {scope}", "Local service: {scope}"),
    "rep.selection": ("urval av pilotprojekt", "a selection of pilot projects"),
    "rep.count": ("{n} projekt", "{n} {n:pl(project,projects)}"),
    "rep.count_multi": (", varav {m} i flera län (markerade med *)", ", {m} of them in several counties (marked *)"),
    "rep.total_cost": ("Total kostnad, avslutade projekt", "Total cost, finished projects"),
    "rep.budget": ("Budget, pågående projekt", "Budget, ongoing projects"),
    "rep.support": ("Offentligt stöd", "Public support"),
    "rep.no_amount": ("inget belopp angivet", "no amount given"),
    "rep.with_amount": ("projekt med belopp", "projects with an amount"),
    "rep.with_budget": ("projekt med budget", "projects with a budget"),
    "rep.with_support": ("projekt med angivet stöd", "projects with stated support"),
    "rep.without": (
        "Utan kostnad eller budget: {n} av {total} projekt",
        "Without cost or budget: {n} of {total} projects",
    ),
    "rep.separate_sums": (
        "Kostnad, budget och stöd summeras var för sig; projekt utan belopp räknas inte som 0.",
        "Cost, budget and support are summed separately; projects without an amount do not count as 0.",
    ),
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
    "rep.counted_once": (
        "Totalt {n} projekt: ett projekt i flera län står under varje län men räknas en gång i totalen.",
        "{n} projects in all: a project in several counties is listed under each but counted once in the total.",
    ),
    "rep.multi_note": (
        "* arbetar i flera län och står med i varje läns rapport.",
        "* works in several counties and appears in each county's report.",
    ),
    "rep.national": (
        "Nationella projekt som gäller hela landet räknas inte ovan ({n} st): {names}.",
        "Nationwide projects are not counted above ({n}): {names}.",
    ),
    "rep.whole_county": ("hela länet", "the whole county"),
    "rep.several_counties": ("flera län", "several counties"),
    "rep.and_more": (" m.fl.", " and more"),
    "rep.source": ("Källa: {source}", "Source: {source}"),
    "rep.map_title": (
        "{county} bland Sveriges län: projekt per län",
        "{county} among Sweden's counties: projects by county",
    ),
    "rep.map_title_all": ("Projekt per län", "Projects by county"),
    "rep.none": (
        "Inga projekt i det här urvalet. `servicekb list` visar alla projekt med sina län och teman.",
        "No projects in this selection. `servicekb list` shows every project with its counties and themes.",
    ),
    # provenance
    "cite.section": ("avsnitt", "section"),
    "cite.project": ("projektet", "project"),
    "cite.read": ("läst {date}", "read {date}"),
    "cite.no_url": ("Webbadress anges inte i källan.", "The source gives no web address."),
    "cite.unknown": (
        "Webbadress och hämtningsdatum anges inte i källmaterialet.",
        "The source material gives no web address or retrieval date.",
    ),
    # --- help: command summaries (`servicekb --help`), the first line of each command's help ---
    "cmd.search": (
        "Sök bland projekten: rangordnad fritextsökning som kan svenska.",
        "Search projects: ranked full-text search that knows Swedish.",
    ),
    "cmd.report": (
        "Rapport om ett län eller hela landet: projekt, pengar, lärdomar.",
        "Report on a county or the whole country: projects, money, lessons.",
    ),
    "cmd.list": (
        "Lista projekt (sorterade efter titel), med eller utan filter.",
        "List projects (sorted by title), optionally filtered.",
    ),
    "cmd.show": ("Visa alla uppgifter om ett projekt.", "Show every field of one project."),
    "cmd.similar": (
        "Visa de projekt som mest liknar ett projekt, med skälet för var och en.",
        "Show the projects most like one project, with the reason for each.",
    ),
    "cmd.stats": (
        "Räkna projekt och summera deras pengar per län, tema, tagg …",
        "Count projects and sum their money per county, theme, tag …",
    ),
    "cmd.validate": (
        "Kontrollera projektfiler och redovisa varje problem med fil, rad och fält.",
        "Check project files and report every problem, with file, line and field.",
    ),
    "cmd.schema": ("Skriv ut JSON Schema för en projektfil.", "Print the JSON Schema of a project file."),
    "cmd.export": (
        "Exportera projekt till andra verktyg: en SQLite-databas för Datasette, eller CSV-filer.",
        "Export projects for other tools: an SQLite database for Datasette, or CSV files.",
    ),
    "cmd.cache": ("Visa eller töm indexcachen.", "Show or clear the index cache."),
    "cmd.completion": (
        "Skriv ut skriptet för automatisk komplettering i skalet (bash, zsh eller fish).",
        "Print the shell completion script (bash, zsh or fish).",
    ),
    "cmd.export.sqlite": (
        "Skriv en SQLite-databas (med fritextsökning) och dess metadata för Datasette.",
        "Write an SQLite database (with full-text search) and its Datasette metadata.",
    ),
    "cmd.export.csv": (
        "Skriv en CSV-fil per tabell och en Frictionless-fil datapackage.json som beskriver dem.",
        "Write one CSV file per table and a Frictionless datapackage.json describing them.",
    ),
    "cmd.cache.info": (
        "Visa var indexet för en kunskapsbank sparas och vad det innehåller.",
        "Show where the index of a knowledge base is cached and what it holds.",
    ),
    "cmd.cache.clear": (
        "Ta bort det sparade indexet; nästa kommando bygger upp det igen.",
        "Remove the cached index; the next command rebuilds it.",
    ),
    # --- help: the rest of each command's help (its examples are in EXAMPLES, below) ---
    "help.root": (
        "En kunskapsbank om Tillväxtverkets pilotprojekt för lokal service på landsbygden (Landsbygdsprogrammet 2014–2020).",
        "A knowledge base of Tillväxtverket's rural-service pilot projects (Landsbygdsprogrammet 2014–2020).",
    ),
    "help.search": (
        'Hittar böjningsformer (servicepunkt → servicepunkter), delar av sammansatta ord (ombud →\npaketombud, apoteksombud) och ord skrivna utan å, ä, ö (Orebro → Örebro); exakta träffar\nkommer först. Söker i titel, sammanfattning, genomförande, resultat, lärdomar, taggar,\nprojektägare, orter och kommuner.\n\nProjekt med alla orden kommer först; har färre än fem alla orden följer projekt med de\nflesta orden (stderr säger vilka ord som saknas; --all-words visar bara fullträffar). Ord\nhittas också genom synonymer (hemkörning → hemsändning, ur data/reference/synonyms.yaml);\nett okänt ord delas upp (butiksutveckling → butik + utveckling) eller rättas (ombudsplatform\n→ ombudsplattform) och rankas under direkta träffar. --explain visar för varje projekt\nvilka ord som träffade och hur.\n\nSyntax: "fras inom citattecken"; -ord utesluter (allt som ordet ensamt skulle hitta); a OR b.\nSätt citattecken runt fraser även för skalet: servicekb search \'"lokal mat"\'.\n\nReturkod: 0 när något hittas, 1 när inget hittas, 2 vid felaktigt kommando.',
        'Finds inflections (servicepunkt → servicepunkter), compound parts (ombud → paketombud,\napoteksombud) and words typed without å, ä, ö (Orebro → Örebro); exact matches rank first.\nSearches title, summary, activities, results, lessons, tags, owner, places and municipalities.\n\nProjects with every word rank first; when fewer than five have them all, projects with\nmost of the words follow (stderr names the missing words; --all-words shows only full\nmatches). Words are also found through synonyms (hemkörning → hemsändning, from\ndata/reference/synonyms.yaml); an unknown word is split (butiksutveckling → butik +\nutveckling) or corrected (ombudsplatform → ombudsplattform), ranked below direct matches.\n--explain shows, for each project, which words matched and how.\n\nSyntax: "quoted phrase"; -word excludes (everything the word alone would find); a OR b.\nQuote phrases for the shell too: servicekb search \'"lokal mat"\'.\n\nExit status: 0 when something is found, 1 when nothing is, 2 on a usage error.',
    ),
    "help.report": (
        "Utan --region: en rad per län. Med --region: länets projekt.\n\nTotal kostnad (avslutade projekt), budget (pågående projekt) och offentligt stöd summeras\nvar för sig; projekt utan belopp redovisas som sådana, aldrig som 0. Ett projekt i flera\nlän står under varje län och räknas en gång i varje summa.\n\nRapporten är samma dokument i terminalen som när den skickas vidare eller sparas (då som\nren text utan färg). --format markdown ger den som Markdown, --format html som en\nfristående webbsida med diagram och länskarta (går att skriva ut på A4); json/yaml ger\ndess siffror; tsv/csv/jsonl/ids ger projektlistan. -o FILE skriver ett dokument till en fil.",
        "Without --region: one row per county. With --region: that county's projects.\n\nTotal cost (finished projects), budgets (ongoing ones) and public support are summed\nseparately; projects without an amount are counted as such, never as 0. A project in\nseveral counties appears under each county and counts once in every total.\n\nThe report is the same document on a terminal and when piped or saved (then plain text,\nwithout colour). --format markdown gives it as Markdown, --format html as one self-contained\nweb page with charts and a county map (prints on A4); json/yaml give its numbers;\ntsv/csv/jsonl/ids give its project list. -o FILE writes a document to a file.",
    ),
    "help.similar": (
        "Likhet räknas på projektets utmärkande ord (titel, sammanfattning och taggar väger mer än\ngenomförande och resultat; böjningsformer och sammansatta ords huvudled räknas med),\ngemensamma taggar (ovanliga mer än vanliga), tema och typ, och som svagare signal samma\nlän eller kommun. Projektets egna länkar (related) hamnar bland de fem första.\n\nReturkod: 0 när något liknande finns, 1 annars, 2 vid okänt id.",
        "Similarity counts the project's distinctive words (title, summary and tags weigh more than\nactivities and results; inflections and compounds' heads count too), shared tags (rare ones\nmore than common ones), theme and kind, and as a weaker signal the same county or\nmunicipality. The project's own related links are among the first five.\n\nExit status: 0 when something similar is found, 1 otherwise, 2 for an unknown id.",
    ),
    "help.show": (
        "Id:t kan skrivas med stora eller små bokstäver, eller som en unik början (show leaxw). Ett\nprojekt ger ett objekt i json/yaml; --ids ger en lista.",
        "The id may be typed in any case, or as a unique beginning (show leaxw). One project gives\none object in json/yaml; --ids gives a list.",
    ),
    "help.stats": (
        "Grupper: län, tema, status, typ, ägartyp, tagg eller kommun.\n\nEtt projekt i två län (eller med två taggar) räknas i båda grupperna; tabellens\ntotalrad räknar det en gång. Medianen räknas på projekt med känd kostnad eller budget.",
        "Groups: county, theme, status, kind, owner type, tag or municipality.\n\nA project in two counties (or with two tags) counts in both groups; the table's total\nrow counts it once. The median is over projects with a known cost or budget.",
    ),
    "help.validate": (
        "Returkod: 0 alla giltiga, 1 problem hittades, 2 felaktigt kommando.",
        "Exit status: 0 all valid, 1 problems found, 2 usage error.",
    ),
    "help.schema": (
        "Det är samma schema som i schemas/project.schema.json.",
        "It is the same as schemas/project.schema.json.",
    ),
    "help.export": (
        "Exportera projekt till andra verktyg: en SQLite-databas för Datasette, eller CSV-filer med en datapackage.json.\n\nSchemat beskrivs i README (avsnittet Export) och har ett versionsnummer (PRAGMA user_version).",
        "Export projects for other tools: an SQLite database for Datasette, or CSV files with a datapackage.json.\n\nThe schema is documented in the README (section Export) and versioned (PRAGMA user_version).",
    ),
    "help.export.sqlite": (
        "Tabeller: projects, referensdata (counties, municipalities, themes, kinds, owner_types,\ntags) och en tabell per lista (project_counties, project_lessons, …); belopp i hela kronor,\ntomma när de är okända. Filen skrivs i sin helhet eller inte alls.",
        "Tables: projects, the reference data (counties, municipalities, themes, kinds, owner_types,\ntags) and one table per list (project_counties, project_lessons, …); amounts in whole kronor,\nempty when unknown. The file is written whole or not at all.",
    ),
    "help.export.csv": (
        "Samma tabeller som `export sqlite` (utan fritextindexet): UTF-8, RFC 4180, en rubrikrad,\ntomma celler för okända värden; text som ett kalkylprogram skulle köra som formel får\nett ' först. `frictionless validate DIR/datapackage.json` kontrollerar filerna.",
        "The same tables as `export sqlite` (without the full-text index): UTF-8, RFC 4180, a header\nrow, empty cells for unknown values; text a spreadsheet would run as a formula is prefixed\nwith '. `frictionless validate DIR/datapackage.json` checks the set.",
    ),
    "help.completion": (
        "Skriptet kompletterar kommandon, flaggor och värden ur kunskapsbanken: id:n, län, teman,\ntaggar och kommuner.\nLägg raden för bash i ~/.bashrc och den för zsh i ~/.zshrc.",
        "It completes commands, options, and values from the knowledge base: ids, counties, themes,\ntags and municipalities.\nPut the bash line in ~/.bashrc and the zsh line in ~/.zshrc.",
    ),
    "help.examples": ("Exempel:", "Examples:"),
    "help.example": ("Exempel:", "Example:"),
    # --- help: options and arguments ---
    "opt.version": ("Visa versionen och avsluta.", "Show the version and exit."),
    "opt.help": ("Visa den här hjälpen och avsluta.", "Show this message and exit."),
    "opt.theme": (
        "Tema: kortnamn, benämning eller alias; en unik början räcker (kan upprepas eller skrivas med kommatecken emellan).",
        "Theme: slug, label or alias; a unique prefix is enough (repeatable, or comma-separated).",
    ),
    "opt.region": (
        "Län: namn, 'Dalarnas län', länsbokstav W, länskod 20, 'Region Dalarna'; å, ä, ö kan skrivas a, a, o "
        "(kan upprepas: något av dem).",
        "County: name, 'Dalarnas län', letter W, code 20, 'Region Dalarna'; diacritics optional (repeatable: any of).",
    ),
    "opt.municipality": (
        "Kommunens namn eller en unik början, t.ex. Mora (kan upprepas: någon av dem).",
        "Municipality name or a unique beginning, e.g. Mora (repeatable: any of).",
    ),
    "opt.status": (
        "avslutat (completed), pågående (ongoing) eller planerat (planned) (kan upprepas).",
        "completed (avslutat), ongoing (pågående) or planned (planerat) (repeatable).",
    ),
    "opt.kind": ("{kinds} (kan upprepas).", "{kinds} (repeatable)."),  # slugs of reference/kinds.yaml
    "opt.owner_type": ("{owner_types} (kan upprepas).", "{owner_types} (repeatable)."),  # reference/owner_types.yaml
    "opt.tag": (
        "Taggens kortnamn eller benämning, t.ex. paketautomat (kan upprepas: alla måste finnas).",
        "Tag slug or label, e.g. paketautomat (repeatable: all of).",
    ),
    "opt.min_cost": (
        "Bara projekt vars totala kostnad (eller budget) är minst så många kronor, t.ex. 1000000 eller '1 000 000 kr'.",
        "Only projects whose total cost (or budget) is at least this many kronor, e.g. 1000000 or '1 000 000 kr'.",
    ),
    "opt.max_cost": (
        "Bara projekt vars totala kostnad (eller budget) är högst så många kronor.",
        "Only projects whose total cost (or budget) is at most this many kronor.",
    ),
    "opt.has_cost": (
        "Bara projekt med / utan ett angivet belopp.",
        "Only projects with / without an amount on record.",
    ),
    "opt.ids": (
        "Begränsa till id:n som läses från en fil, eller '-' för standard in (ett per rad; det som står efter '#' räknas inte).",
        "Restrict to ids read from a file, or '-' for stdin (one per line; '#' comments ignored).",
    ),
    "opt.format": (
        "{formats}. Standard: table i terminalen, tsv när utdata skickas vidare.",
        "{formats}. Default: table on a terminal, tsv when piped.",
    ),
    "opt.fields": (
        "Kolumner med kommatecken emellan, t.ex. id,title,funding.total_cost_sek.",
        "Comma-separated columns, e.g. id,title,funding.total_cost_sek.",
    ),
    "opt.excel": (
        "Med --format csv: UTF-8 med BOM och ';' som avgränsare, för svenska Excel.",
        "With --format csv: UTF-8 with BOM and ';' separators, for Swedish Excel.",
    ),
    "opt.report_format": (
        "{formats}: text (eller table), markdown, html, json och yaml är rapporten som dokument; csv, tsv, jsonl "
        "och ids är projektlistan. Standard: dokumentet som text; med -o efter filnamnet (.txt, .md, .html …).",
        "{formats}: text (or table), markdown, html, json and yaml are the report as a document; csv, tsv, jsonl "
        "and ids are its project list. Default: the document as text; with -o, from the file name (.txt, .md, .html …).",
    ),
    "opt.output": (
        "Skriv till den här filen i stället för till standard ut (formatet efter filnamnet, om inte --format "
        "väljer); en fil som redan finns skrivs inte över utan --force.",
        "Write to this file instead of stdout (the format from its name unless --format chooses); "
        "an existing file is kept unless --force.",
    ),
    "opt.force": ("Med -o: skriv över filen om den redan finns.", "With -o: overwrite the file if it exists."),
    "opt.spelling": (
        "Kontrollera också att synonymfilens ord finns i den svenska ordlistan (hunspell-sv; tar några sekunder).",
        "Also check that the thesaurus's words are in the Swedish dictionary (hunspell-sv; takes a few seconds).",
    ),
    "opt.data_dir": (
        "Kunskapsbankens mapp, med projects/ (och eventuellt reference/). Standard: $SERVICEKB_DATA, annars"
        " kunskapsbanken som följer med programmet.",
        "Knowledge base folder holding projects/ (and optionally reference/). Default: $SERVICEKB_DATA, else the"
        " bundled data.",
    ),
    "opt.no_cache": (
        "Läs filerna på nytt i stället för att använda indexcachen.",
        "Read the files afresh instead of using the index cache.",
    ),
    "opt.similar_limit": (
        "Visa högst N projekt (0 för alla).",
        "Show at most N projects (0 for all).",
    ),
    "title.similar": ("Projekt som liknar {title} ({id})", "Projects like {title} ({id})"),
    "opt.similar_after": (
        "När orden hittar färre än 20 projekt: låt projekt som liknar de bästa träffarna följa dem (standard i terminalens tabell, annars av).",
        "When the words find fewer than 20 projects: let projects like the best matches follow them (default for a terminal's table, else off).",
    ),
    "opt.limit": (
        "Visa högst N träffar (0 för alla). Standard: 20 i terminalen, alla när utdata skickas vidare.",
        "Show at most N results (0 for all). Default: 20 on a terminal, all when piped.",
    ),
    "opt.facets": (
        "Räkna också träffarna per tema, län, status och typ.",
        "Add counts of the results by theme, county, status and kind.",
    ),
    "opt.show_format": (
        "{formats}: text är standard, citation en färdig källhänvisning till en fotnot.",
        "{formats}: text is the default, citation a ready reference for a footnote.",
    ),
    "opt.by": (
        "län (county), tema (theme), status, typ (kind), ägartyp (owner-type), tagg (tag) eller kommun (municipality).",
        "county, theme, status, kind, owner-type, tag or municipality.",
    ),
    "opt.sort": (
        "name (svensk bokstavsordning), projects (antal), total-cost (total kostnad), budget, support (offentligt "
        "stöd), without-amount (utan belopp) eller median.",
        "name (Swedish order), projects, total-cost, budget, support, without-amount or median.",
    ),
    "opt.cache_all": ("Ta bort indexen för alla kunskapsbanker.", "Remove the indexes of every knowledge base."),
    "opt.metadata": (
        "Var metadata för Datasette ska skrivas. Standard: samma namn som FILE med .metadata.yaml "
        "(kb.db → kb.metadata.yaml).",
        "Where to write Datasette's metadata. Default: FILE's name with .metadata.yaml (kb.db → kb.metadata.yaml).",
    ),
    "opt.export_force": ("Skriv över filer som redan finns.", "Overwrite files that already exist."),
    "arg.query": (
        "Sökord (se syntaxen ovan). Inga sökord: allt som klarar filtren.",
        "Search words (see syntax above). Empty: everything that passes the filters.",
    ),
    "arg.id": (
        "Projektets id (se `servicekb list --format ids`).",
        "The project's id (see `servicekb list --format ids`).",
    ),
    "arg.paths": (
        "Filer eller mappar att kontrollera. Standard: kunskapsbankens projects/.",
        "Files or folders to check. Default: the knowledge base's projects/.",
    ),
    "arg.export_file": ("Databasen som ska skrivas, t.ex. kb.db.", "The database to write, e.g. kb.db."),
    "arg.export_dir": ("Mappen att skriva i (skapas om den saknas).", "The folder to write into (created if missing)."),
    "arg.shell": ("bash, zsh eller fish.", "bash, zsh or fish."),
    # --- help: click's own words around them ---
    "help.usage": ("Användning:", "Usage:"),
    "help.options": ("Flaggor", "Options"),
    "help.arguments": ("Argument", "Arguments"),
    "help.commands": ("Kommandon", "Commands"),
    "help.options_metavar": ("[FLAGGOR]", "[OPTIONS]"),
    "help.command_metavar": ("KOMMANDO [ARGUMENT]...", "COMMAND [ARGS]..."),
    "help.env_var": ("miljövariabel: {var}", "env var: {var}"),
    "help.default": ("standard: {default}", "default: {default}"),
    "help.required": ("krävs", "required"),
    # --- errors and notices of the command line ---
    "hint.did_you_mean": (" Menade du {options}?", " Did you mean {options}?"),
    "word.or": ("eller", "or"),
    "err.see_help": ("(se `{path} -h`)", "(see `{path} -h`)"),
    "err.no_help_command": (
        "det finns inget kommando 'help'; skriv `servicekb --help` eller `servicekb KOMMANDO --help`.",
        "there is no 'help' command; use `servicekb --help` or `servicekb COMMAND --help`.",
    ),
    "err.no_such_command": (
        "okänt kommando {name}.{hint} Kommandon: {commands}.",
        "no such command {name}.{hint} Commands: {commands}.",
    ),
    "err.no_such_subcommand": ("okänt kommando {name}.", "no such command {name}."),
    "err.missing_command": ("ange ett kommando.", "missing command."),
    "err.no_such_option": ("okänd flagga: {option}", "no such option: {option}"),
    "err.invalid_value": ("ogiltigt värde för {param}: {problem}", "invalid value for {param}: {problem}"),
    "err.not_a_valid": ("{value} är inte ett giltigt {type}.", "{value} is not a valid {type}."),
    "err.missing_argument": ("argumentet {name} saknas.", "missing argument {name}."),
    "err.missing_option": ("flaggan {name} saknas.", "missing option {name}."),
    "err.requires_argument": ("flaggan {option} behöver ett värde.", "option {option} requires an argument."),
    "err.unknown_language": (
        "okänt språk {value} för --lang; välj sv eller en.",
        "unknown language {value} for --lang; choose sv or en.",
    ),
    "opt.lang": (
        "Gränssnittets språk: sv eller en (före eller efter kommandot). Standard: efter locale (LANG), eller SERVICEKB_LANG.",
        "Interface language: sv or en (before or after the command). Default: from the locale (LANG), or SERVICEKB_LANG.",
    ),
    "err.takes_no_value": ("flaggan {option} tar inget värde.", "option {option} does not take a value."),
    "err.extra_arguments": ("oväntade extra argument ({args})", "got unexpected extra arguments ({args})"),
    "err.unexpected": (
        "oväntat fel, {kind}: {detail} (sätt SERVICEKB_DEBUG=1 för att se var det uppstod)",
        "unexpected {kind}: {detail} (set SERVICEKB_DEBUG=1 for a traceback)",
    ),
    "type.int": ("heltal", "int"),
    "type.integer": ("heltal", "integer"),
    "type.float": ("decimaltal", "float"),
    "err.excel_needs_csv": (
        "--excel hör ihop med --format csv (inte {fmt}).",
        "--excel goes with --format csv (not {fmt}).",
    ),
    "err.fields_in_document": (
        "--fields väljer kolumner i projektlistan: använd den med --format tsv, csv, jsonl eller ids.",
        "--fields chooses the columns of the project list: use it with --format tsv, csv, jsonl or ids.",
    ),
    "err.ids_nothing_piped": (
        "--ids - läser id:n från standard in, men inget skickas dit "
        "(t.ex. `servicekb search paketautomat --format ids | servicekb report --ids -`).",
        "--ids - reads ids from standard input, but nothing is piped in "
        "(e.g. `servicekb search paketautomat --format ids | servicekb report --ids -`).",
    ),
    "err.ids_unreadable": ("kan inte läsa id:n från {where}: {reason}", "cannot read ids from {where}: {reason}"),
    "word.stdin": ("standard in", "standard input"),
    "err.ids_too_many": (
        "--ids läser högst {mb} MB id:n; dela upp listan eller använd filter i stället.",
        "--ids reads at most {mb} MB of ids; split the list or use filters instead.",
    ),
    "err.limit_negative": ("--limit måste vara 0 (alla) eller mer.", "--limit must be 0 (all) or more."),
    "note.no_match": ("inga projekt matchar sökningen.", "no projects match the query."),
    "note.no_match_filtered": (
        "inga projekt matchar sökningen och filtren.",
        "no projects match the query and filters.",
    ),
    "err.show_needs_id": (
        "ange ett projekt-id (eller --ids FIL|-); `servicekb list --format ids` listar alla id:n.",
        "give a project ID (or --ids FILE|-); `servicekb list --format ids` lists the ids.",
    ),
    "err.unknown_grouping": (
        "okänd gruppering {by} för --by.{hint} Giltiga: {valid}.",
        "unknown grouping {by} for --by.{hint} Valid: {valid}.",
    ),
    "err.unknown_sort": (
        "okänd sortering {sort}.{hint} Giltiga: {valid}.",
        "unknown sort {sort}.{hint} Valid: {valid}.",
    ),
    "err.unknown_shell": (
        "okänt skal {shell}.{hint} Skal: {shells}.",
        "unknown shell {shell}.{hint} Shells: {shells}.",
    ),
    "err.no_such_path": ("filen eller mappen finns inte: {path}", "no such file or folder: {path}"),
    "validate.elsewhere_heading": (
        "I andra filer (reglerna över flera filer gäller hela kunskapsbanken: länkar, id:n):",
        "In other files (the rules that span files hold for the whole knowledge base: links, ids):",
    ),
    "validate.elsewhere": (
        "Dessutom {n} problem i {files} {files:pl(annan fil,andra filer)}.",
        "Also {n} {n:pl(problem,problems)} in {files} other {files:pl(file,files)}.",
    ),
    "validate.summary": (
        "{files} {files:pl(fil kontrollerad,filer kontrollerade)}: {valid} {valid:pl(giltig,giltiga)}, {bad} med problem ({problems} problem).",
        "{files} {files:pl(file,files)} checked: {valid} valid, {bad} with problems ({problems} {problems:pl(problem,problems)}).",
    ),
    "cache.data_dir": ("kunskapsbankens mapp: {path}", "data directory: {path}"),
    "cache.cache_dir": ("cachemapp: {path}", "cache directory: {path}"),
    "cache.index_file": ("indexfil: {path}", "index file: {path}"),
    "cache.size": ("storlek: {size} byte", "size: {size} bytes"),
    "cache.indexed": (
        "indexerat: {projects} projekt från {files} {files:pl(fil,filer)}, {invalid} {invalid:pl(ogiltig,ogiltiga)}",
        "indexed: {projects} {projects:pl(project,projects)} from {files} {files:pl(file,files)}, {invalid} invalid",
    ),
    "cache.unreadable": (
        "oläsbar: {error} (byggs om vid nästa kommando)",
        "unreadable: {error} (it is rebuilt on the next command)",
    ),
    "cache.not_built": ("inte byggd än (nästa kommando bygger den)", "not built yet (the next command builds it)"),
    "cache.removed": (
        "tog bort {n} {n:pl(indexfil,indexfiler)} från {path}",
        "removed {n} index {n:pl(file,files)} from {path}",
    ),
    "err.export_to_stdout": (
        "export sqlite skriver en fil, inte till standard ut: ange ett filnamn, t.ex. kb.db.",
        "export sqlite writes a file, not standard output: give a file name, e.g. kb.db.",
    ),
    "err.metadata_is_database": (
        "--metadata måste vara en annan fil än databasen ({file}).",
        "--metadata must be another file than the database ({file}).",
    ),
    "err.no_such_folder": ("mappen finns inte: {folder}.", "no such folder: {folder}."),
    "err.not_a_folder": ("{path} är en fil, inte en mapp.", "{path} is a file, not a folder."),
    "err.is_a_folder": ("{path} är en mapp; ange ett filnamn.", "{path} is a folder; give a file name."),
    "err.exists_one": (
        "{names} finns redan; lägg till --force för att skriva över.",
        "{names} already exists; add --force to overwrite.",
    ),
    "err.exists_many": (
        "{names} finns redan; lägg till --force för att skriva över.",
        "{names} already exist; add --force to overwrite.",
    ),
    "note.wrote_sqlite": (
        "skrev {file} ({n} projekt, schemaversion {version}) och {metadata}. Bläddra: datasette {file} -m {metadata}",
        "wrote {file} ({n} {n:pl(project,projects)}, schema version {version}) and {metadata}. "
        "Browse: datasette {file} -m {metadata}",
    ),
    "note.wrote_csv": (
        "skrev {files} filer till {folder} ({n} projekt). Kontrollera: frictionless validate {package}",
        "wrote {files} files to {folder} ({n} {n:pl(project,projects)}). Check: frictionless validate {package}",
    ),
    "note.nothing_written": (
        "inga projekt matchar; inget skrevs.",
        "no projects match; nothing written.",
    ),
    "note.indexing": ("Indexerar projektfiler", "Indexing project files"),
    "err.unknown_field": (
        "okänt fält {name} i --fields.{hint} Tillgängliga fält: {fields}",
        "unknown field {name} in --fields.{hint} Available fields: {fields}",
    ),
    "err.fields_empty": (
        "--fields är tom; ange ett eller flera fält, t.ex. --fields id,title",
        "--fields is empty; name one or more fields, e.g. --fields id,title",
    ),
    "err.unknown_format": (
        "okänt format {fmt}.{hint} Format: {formats}.",
        "unknown format {fmt}.{hint} Formats: {formats}.",
    ),
    "err.document_format": (
        "ett dokument kan inte skrivas som {fmt}; använd json eller yaml",
        "a document cannot be written as {fmt}; use json or yaml",
    ),
    "err.format_from_name": (
        "kan inte avgöra formatet av filnamnet {path}; lägg till --format ({formats}) "
        "eller ge filen ändelsen {suffixes}.",
        "cannot tell the format from the file name {path}; add --format ({formats}) or name the file {suffixes}.",
    ),
    "err.file_exists": (
        "{path} finns redan; använd --force för att skriva över den, eller välj ett annat filnamn.",
        "{path} already exists; use --force to overwrite it, or choose another file name.",
    ),
    "err.cannot_write": ("kan inte skriva {path}: {reason}", "cannot write {path}: {reason}"),
    "err.unknown_status": ("okänd status {value}. Giltiga: {valid}.", "unknown status {value}. Valid: {valid}."),
    "err.cost_negative": (
        "{option} måste vara 0 eller mer (hela kronor).",
        "{option} must be 0 or more (whole kronor).",
    ),
    "err.min_over_max": (
        "--min-cost {min} är större än --max-cost {max}.",
        "--min-cost {min} is larger than --max-cost {max}.",
    ),
    "err.amount_too_large": (
        "{option} {text} är orimligt stort; belopp anges i hela kronor under 10^15.",
        "{option} {text} is implausibly large; amounts are whole kronor below 10^15.",
    ),
    "err.amount_format": (
        "{option} tar hela kronor, t.ex. 1000000 eller '1 000 000 kr' (fick {text}).",
        "{option} takes whole kronor, e.g. 1000000 or '1 000 000 kr' (got {text}).",
    ),
    "err.no_data_dir": (
        "mappen {path} finns inte; ange en mapp som innehåller projects/",
        "data directory {path} does not exist; give a folder that holds projects/",
    ),
    "err.no_projects_dir": (
        "{path} har ingen mapp projects/; en kunskapsbank är en mapp med projects/ (och eventuellt reference/)",
        "{path} has no projects/ folder; a knowledge base is a folder holding projects/ (and optionally reference/)",
    ),
    # --- maintenance: provenance, the rules of validate, new/import/fmt/rename/diff ---
    "problem.source_ref_and_fields": (
        "ange antingen ref (en källa i reference/sources.yaml) eller källans egna fält, inte båda (fann också {fields})",
        "give either ref (a source in reference/sources.yaml) or the source's own fields, not both (found {fields} too)",
    ),
    "problem.source_incomplete": (
        "källan behöver ref (en källa i reference/sources.yaml), eller publisher och title",
        "the source needs ref (a source in reference/sources.yaml), or publisher and title",
    ),
    "problem.source_unknown": (
        "okänd källa {ref!r}.{hint} Källor i reference/sources.yaml: {valid}",
        "unknown source {ref!r}.{hint} Sources in reference/sources.yaml: {valid}",
    ),
    "problem.section_missing": (
        "källan ”{source}” har avsnitt; ange vilket projektet står under i source.section: {valid}",
        "the source ”{source}” has sections; name the project's in source.section: {valid}",
    ),
    "problem.section_unknown": (
        "”{source}” har inget avsnitt {section!r}.{hint}",
        "”{source}” has no section {section!r}.{hint}",
    ),
    "problem.scope_local_places": (
        "scope local betyder att varje ort där arbetet görs är namngiven: fyll i geography.places, eller använd municipal eller county",
        "scope local means every place of the work is named: fill in geography.places, or use municipal or county",
    ),
    "problem.completed_budget_only": (
        "ett avslutat projekt har bara en budget ({budget} kr): är det slutkostnaden, flytta beloppet till total_cost_sek; annars sätt status: ongoing",
        "a completed project has only a budget ({budget} kr): if it is the final cost, move it to total_cost_sek, or set status: ongoing",
    ),
    "problem.open_total_cost": (
        "ett projekt med status {status} har en total kostnad ({total} kr): flytta beloppet till budget_sek, eller sätt status: completed",
        "a project with status {status} has a total cost ({total} kr): move the amount to budget_sek, or set status: completed",
    ),
    "problem.dates_order": (
        "startdatum {start} ligger efter slutdatum {end}",
        "the work begins ({start}) after it ends ({end})",
    ),
    "problem.former_id_self": (
        "former_ids får inte innehålla projektets eget id {id!r}",
        "former_ids must not hold the project's own id {id!r}",
    ),
    "problem.former_id_taken": (
        "det tidigare id:t {id!r} används av {other}; ta bort det ur former_ids",
        "the former id {id!r} is used by {other}; remove it from former_ids",
    ),
    "problem.related_renamed": (
        "projektet {id!r} har bytt id till {new!r}; skriv {new!r}",
        "project {id!r} was renamed to {new!r}; write {new!r}",
    ),
    "problem.related_one_way": (
        "{id!r} länkar inte tillbaka hit: lägg till {own!r} i related i {id!r}, eller ta bort länken",
        "{id!r} does not link back: add {own!r} to the related of {id!r}, or remove this link",
    ),
    "problem.tag_unused": (
        "taggen {tag!r} används inte av något projekt: ta bort den, eller tagga projekten den gäller",
        "no project uses the tag {tag!r}: remove it, or tag the projects it fits",
    ),
    "problem.thesaurus_broken": ("synonymfilen går inte att läsa: {reason}", "the thesaurus cannot be read: {reason}"),
    "problem.thesaurus_cycle": (
        "{a!r} är både smalare och bredare än {b!r}: ta bort en av riktningarna",
        "{a!r} is both narrower and broader than {b!r}: remove one direction",
    ),
    "problem.thesaurus_unknown_term": (
        "{term!r} finns varken i något projekt eller i den svenska ordlistan: stavfel?",
        "{term!r} is in no project and not in the Swedish dictionary: a typo?",
    ),
    "ref.source_date": (
        "datumet {value!r} måste skrivas ÅÅÅÅ-MM-DD (eller null)",
        "the date {value!r} must be written YYYY-MM-DD (or null)",
    ),
    # commands that change the knowledge base: new, import, fmt, rename, diff
    "arg.diff_revs": (
        "En eller två git-revisioner av datamappen (standard: HEAD och arbetskopian).",
        "One or two git revisions of the data folder (default: HEAD and the working tree).",
    ),
    "arg.fmt_paths": (
        "Projektfiler eller mappar. Standard: kunskapsbankens projects/.",
        "Project files or folders. Default: the knowledge base's projects/.",
    ),
    "arg.import_file": (
        "En CSV-fil med ett projekt per rad (UTF-8; kommatecken, eller semikolon som svenska Excel sparar).",
        "A CSV file with one project per row (UTF-8; commas, or semicolons as Swedish Excel saves them).",
    ),
    "arg.rename_old": ("Projektets nuvarande id.", "The project's current id."),
    "arg.rename_new": (
        "Det nya id:t (gemener, siffror och bindestreck).",
        "The new id (lower case, digits and hyphens).",
    ),
    "author.date": (
        "{value!r} är inget datum; skriv ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ)",
        "{value!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)",
    ),
    "author.missing": ("saknas", "is missing"),
    "author.scope": (
        "okänd omfattning {value!r}; giltiga: {valid} (eller lokal, kommunal, länet, flera län, hela landet)",
        "unknown scope {value!r}; valid: {valid}",
    ),
    "author.source_unknown": (
        "okänd källa {value!r}.{hint} Källor i reference/sources.yaml: {valid}. En egen källa anges med --source-publisher och --source-title",
        "unknown source {value!r}.{hint} Sources in reference/sources.yaml: {valid}. Give a source of the project's own with --source-publisher and --source-title",
    ),
    "new.missing": ("{option} saknas.{valid}", "{option} is missing.{valid}"),
    "new.valid": (" Giltiga värden: {values}.", " Valid values: {values}."),
    "new.problem": ("{option}: {message}", "{option}: {message}"),
    "new.taken": (
        "id:t {id!r} används redan; välj ett annat med --id, eller ändra projektet med servicekb import --update",
        "the id {id!r} is taken; choose another with --id, or change that project with servicekb import --update",
    ),
    "new.exists": ("{file} finns redan (id {id!r})", "{file} exists already (id {id!r})"),
    "new.wrote": ("skrev {file} (id {id})", "wrote {file} (id {id})"),
    "new.answer_needed": ("Det här måste anges.", "This one is needed."),
    "new.related_unknown": (
        "{id!r} är inget projekt i den här kunskapsbanken",
        "{id!r} is not a project in this knowledge base",
    ),
    "new.linked_back": (
        "länkar tillbaka från {files} (validate vill ha länkar åt båda hållen)",
        "linked back from {files} (validate wants links both ways)",
    ),
    "new.ask.title": ("Titel", "Title"),
    "new.ask.theme": ("Tema", "Theme"),
    "new.ask.kind": ("Typ av projekt", "Kind of project"),
    "new.ask.status": ("Status", "Status"),
    "new.ask.summary": ("Sammanfattning (2–4 meningar, egna ord)", "Summary (2–4 sentences, in your own words)"),
    "new.ask.owner_name": ("Projektägare (tomt: ingen angiven)", "Project owner (empty: none given)"),
    "new.ask.owner_type": ("Ägartyp", "Owner type"),
    "new.ask.counties": (
        "Län, med komma emellan (tomt: hela landet)",
        "Counties, separated by commas (empty: nationwide)",
    ),
    "new.ask.source": (
        "Källa i reference/sources.yaml (tomt: en egen källa)",
        "Source in reference/sources.yaml (empty: a source of its own)",
    ),
    "new.ask.source_publisher": ("Källans utgivare (t.ex. projektägaren)", "The source's publisher (e.g. the owner)"),
    "new.ask.source_title": (
        "Källans titel (en sida, rapport, ansökan)",
        "The source's title (a page, report, application)",
    ),
    "new.ask.source_url": ("Källans webbadress (tomt: ingen)", "The source's web address (empty: none)"),
    "new.ask.source_date": (
        "Källans datum, ÅÅÅÅ-MM-DD (tomt: okänt)",
        "The source's date, YYYY-MM-DD (empty: unknown)",
    ),
    "new.ask.source_programme": ("Programmet som finansierar (tomt: inget)", "The funding programme (empty: none)"),
    "opt.new_title": ("Projektets titel, ordagrant.", "The project's title, verbatim."),
    "opt.new_theme": ("Tema: slug, namn eller början av namnet.", "Theme: slug, name or the start of its name."),
    "opt.new_kind": ("Typ: {kinds}.", "Kind: {kinds}."),
    "opt.new_status": (
        "Status: avslutat, pågående, planerat (eller completed, ongoing, planned).",
        "Status: completed, ongoing, planned (or avslutat, pågående, planerat).",
    ),
    "opt.new_summary": ("Sammanfattning med egna ord (2–4 meningar).", "Summary in your own words (2–4 sentences)."),
    "opt.new_owner": ("Projektägaren, som källan skriver den.", "The project owner, as the source writes it."),
    "opt.new_owner_type": ("Ägartyp: {owner_types}.", "Owner type: {owner_types}."),
    "opt.new_contact": (
        "Organisationen bakom en namngiven kontakt (aldrig personen).",
        "The organisation of a named contact (never the person).",
    ),
    "opt.new_partner": (
        "En organisation som deltar utan att finansiera (upprepas).",
        "An organisation that takes part without funding (repeatable).",
    ),
    "opt.new_county": (
        "Län, t.ex. 'Jämtlands län' eller Z (upprepas, eller med komma).",
        "County, e.g. 'Jämtlands län' or Z (repeatable, or comma-separated).",
    ),
    "opt.new_municipality": (
        "Kommun (upprepas); dess län läggs till.",
        "Municipality (repeatable); its county is added.",
    ),
    "opt.new_place": ("Ort, som källan skriver den (upprepas).", "Place, as the source writes it (repeatable)."),
    "opt.new_scope": (
        "Omfattning; standard efter geografiregeln i data/README.md.",
        "Scope; by default from the geography rule of data/README.md.",
    ),
    "opt.new_start_date": (
        "Startdatum, ÅÅÅÅ-MM-DD (ÅÅÅÅ-MM och ÅÅÅÅ går också).",
        "Start date, YYYY-MM-DD (YYYY-MM and YYYY work too).",
    ),
    "opt.new_end_date": (
        "Slutdatum, ÅÅÅÅ-MM-DD (en månad blir dess sista dag).",
        "End date, YYYY-MM-DD (a month means its last day).",
    ),
    "opt.new_total_cost": (
        "Total kostnad för ett avslutat projekt, t.ex. '1 250 000 kr'.",
        "Total cost of a finished project, e.g. '1 250 000 kr'.",
    ),
    "opt.new_budget": ("Budget för ett pågående projekt.", "Budget of an ongoing project."),
    "opt.new_public_support": ("Offentligt stöd.", "Public support."),
    "opt.new_co_funder": (
        "En annan finansiär, som den namnges (upprepas).",
        "Another financier, as named (repeatable).",
    ),
    "opt.new_activity": ("Vad projektet gjorde (upprepas).", "What the project did (repeatable)."),
    "opt.new_result": ("Vad det ledde till (upprepas).", "What came of it (repeatable)."),
    "opt.new_lesson": ("En lärdom (upprepas).", "A lesson learned (repeatable)."),
    "opt.new_tag": (
        "Tagg: slug eller namn (upprepas, eller med komma).",
        "Tag: slug or name (repeatable, or comma-separated).",
    ),
    "opt.new_related": ("Id för ett relaterat projekt (upprepas).", "Id of a related project (repeatable)."),
    "opt.new_link": ("En webbadress källan anger (upprepas).", "A web address the source gives (repeatable)."),
    "opt.new_source": (
        "En källa i reference/sources.yaml, med dess slug.",
        "A source of reference/sources.yaml, by its slug.",
    ),
    "opt.new_source_publisher": (
        "En egen källas utgivare (t.ex. projektägaren).",
        "A source of its own: its publisher (e.g. the owner).",
    ),
    "opt.new_source_title": (
        "En egen källas titel (en sida, en rapport, en ansökan).",
        "A source of its own: its title (a page, a report, an application).",
    ),
    "opt.new_source_url": ("Källans webbadress.", "The source's web address."),
    "opt.new_source_date": (
        "Källans datum, eller när den lästes (ÅÅÅÅ-MM-DD).",
        "The source's date, or when it was read (YYYY-MM-DD).",
    ),
    "opt.new_programme": (
        "Programmet som finansierar, t.ex. 'Landsbygdsprogrammet 2023–2027'.",
        "The funding programme, e.g. 'Landsbygdsprogrammet 2023–2027'.",
    ),
    "opt.new_section": (
        "Avsnittet i källan som projektet står under.",
        "The source's section the project stands under.",
    ),
    "opt.new_id": ("Id; standard: titeln enligt husregeln.", "Id; by default the title by the house rule."),
    "opt.new_dry_run": ("Skriv ut filen i stället för att spara den.", "Print the file instead of saving it."),
    "opt.no_input": (
        "Fråga aldrig; saknade värden är fel (som när utdata går till en pipe).",
        "Never prompt; a missing value is an error (as when piped).",
    ),
    "opt.import_update": ("Skriv över projekt vars id redan finns.", "Replace projects whose id exists already."),
    "opt.import_dry_run": ("Kontrollera bara; skriv ingenting.", "Only check; write nothing."),
    "opt.fmt_check": (
        "Ändra inget: lista filer som inte har kanonisk form och avsluta med 1.",
        "Change nothing: list the files not in canonical form and exit 1.",
    ),
    "opt.drop_comments": (
        "Formatera även filer med kommentarer (som då försvinner).",
        "Format files with comments too (the comments are lost).",
    ),
    "opt.diff_against": (
        "Jämför med en annan kunskapsbanksmapp i stället för git.",
        "Compare with another knowledge base folder instead of git.",
    ),
    "opt.diff_format": ("table, text, markdown eller json.", "table, text, markdown or json."),
    "import.not_utf8": (
        "{file}:{line}: inte UTF-8; spara filen som 'CSV UTF-8' (i Excel: Spara som → CSV UTF-8)",
        "{file}:{line}: not UTF-8; save the file as 'CSV UTF-8' (in Excel: Save as → CSV UTF-8)",
    ),
    "import.too_large": ("{file} är större än {mb} MB", "{file} is larger than {mb} MB"),
    "import.unreadable": ("kan inte läsa {file}: {reason}", "cannot read {file}: {reason}"),
    "import.empty": (
        "{file} är tom: första raden ska vara kolumnnamnen",
        "{file} is empty: its first line must name the columns",
    ),
    "import.bad_csv": ("{file}:{line}: ogiltig CSV: {reason}", "{file}:{line}: not valid CSV: {reason}"),
    "import.unknown_column": (
        "okänd kolumn.{hint} Kolumnerna är de som `servicekb export csv` skriver i projects.csv",
        "unknown column.{hint} The columns are those `servicekb export csv` writes in projects.csv",
    ),
    "import.column_twice": ("en kolumn står två gånger i rubrikraden", "a column is named twice in the header"),
    "import.too_many_cells": ("{n} celler men {columns} kolumner", "{n} cells but {columns} columns"),
    "import.id_twice": ("samma id som på rad {line}", "the same id as on line {line}"),
    "import.exists": (
        "ett projekt med detta id finns redan; ge --update för att skriva över det, eller ett annat id",
        "a project with this id exists; give --update to replace it, or another id",
    ),
    "import.column": ("kolumn {name}", "column {name}"),
    "import.problem": ("{file}:{line}: {column}{value}: {message}", "{file}:{line}: {column}{value}: {message}"),
    "import.refused": (
        "inget skrevs: {problems} problem på {rows} {rows:pl(rad,rader)}. {problems:pl(Rätta det,Rätta dem)} "
        "och kör igen.",
        "nothing written: {problems} {problems:pl(problem,problems)} on {rows} {rows:pl(row,rows)}. "
        "{problems:pl(Fix it,Fix them)} and run again.",
    ),
    "import.dry_run": (
        "{n} projekt är {n:pl(giltigt,giltiga)}; inget skrevs (--dry-run).",
        "{n} {n:pl(project is,projects are)} valid; nothing written (--dry-run).",
    ),
    "import.wrote": (
        "skrev {n} {n:pl(projektfil,projektfiler)} i {folder}",
        "wrote {n} project {n:pl(file,files)} in {folder}",
    ),
    "fmt.changed": ("formaterade {file}", "reformatted {file}"),
    "fmt.would_change": ("har inte kanonisk form: {file}", "not in canonical form: {file}"),
    "fmt.comments": (
        "{file} har kommentarer (rad {lines}) som den kanoniska formen inte kan behålla; flytta dem till projektets text, eller ge --drop-comments",
        "{file} has comments (line {lines}) that the canonical form cannot keep; move them into the project's text, or give --drop-comments",
    ),
    "fmt.invalid": (
        "{file} formaterades inte: rätta problemen först (servicekb validate)",
        "{file} was not formatted: fix its problems first (servicekb validate)",
    ),
    "fmt.summary": (
        "{files} {files:pl(fil,filer)}: {changed} {changed:pl(formaterad,formaterade)}, {canonical} redan {canonical:pl(kanonisk,kanoniska)}, {skipped} hoppades över",
        "{files} {files:pl(file,files)}: {changed} reformatted, {canonical} already canonical, {skipped} skipped",
    ),
    "fmt.summary_check": (
        "{files} {files:pl(fil,filer)}: {changed} utan kanonisk form, {canonical} {canonical:pl(kanonisk,kanoniska)}, {skipped} hoppades över",
        "{files} {files:pl(file,files)}: {changed} not canonical, {canonical} canonical, {skipped} skipped",
    ),
    "rename.bad_id": (
        "{id!r} är inget giltigt id: gemena bokstäver a–z, siffror och enkla bindestreck",
        "{id!r} is not a valid id: lower-case letters a–z, digits and single hyphens",
    ),
    "rename.invalid": (
        "kunskapsbanken har en ogiltig fil, {file}; rätta den först ({problem})",
        "the knowledge base has an invalid file, {file}; fix it first ({problem})",
    ),
    "rename.comments": (
        "{file} har kommentarer som skulle gå förlorade; flytta dem och försök igen",
        "{file} has comments that would be lost; move them and try again",
    ),
    "rename.no_such_id": ("inget projekt har id {id!r}.{hint}", "no project has the id {id!r}.{hint}"),
    "rename.taken": ("id:t {id!r} används redan", "the id {id!r} is taken"),
    "rename.file_exists": ("filen {file} finns redan", "the file {file} exists already"),
    "rename.done": (
        "{old} heter nu {new} ({file}); {links} {links:pl(länk,länkar)} i andra filer ändrades; det gamla id:t fungerar fortfarande",
        "{old} is now {new} ({file}); {links} {links:pl(link,links)} in other files changed; the old id still works",
    ),
    "rename.link": ("  länken ändrad i {file}", "  link changed in {file}"),
    "similar.linked": ("länkat som relaterat", "linked as related"),
    "similar.tag": ("delar taggen {tags}", "shares the tag {tags}"),
    "similar.tags": ("delar taggarna {tags}", "shares the tags {tags}"),
    "similar.words": ("gemensamma ord: {words}", "words in common: {words}"),
    "similar.theme": ("samma tema ({theme})", "same theme ({theme})"),
    "similar.kind": ("samma typ ({kind})", "same kind ({kind})"),
    "similar.places": ("samma område: {places}", "same area: {places}"),
    "similar.heading": ("Liknande projekt", "Similar projects"),
    "similar.none": ("inget projekt liknar {id}", "no project is like {id}"),
    "col.score": ("Likhet", "Similarity"),
    "col.reason": ("Varför", "Why"),
    "show.renamed": ("{old} heter nu {new}", "{old} is now {new}"),
    "diff.title": ("Ändringar från {old} till {new}", "Changes from {old} to {new}"),
    "diff.working_tree": ("arbetskopian", "the working tree"),
    "diff.none": ("Inga ändringar i projekt eller referensdata.", "No changes to projects or reference data."),
    "diff.added": ("Tillagda projekt ({n})", "Projects added ({n})"),
    "diff.removed": ("Borttagna projekt ({n})", "Projects removed ({n})"),
    "diff.changed": ("Ändrade projekt ({n})", "Projects changed ({n})"),
    "diff.renamed": ("bytte id från {old}", "renamed from {old}"),
    "diff.reference": ("Ändrad referensdata ({n})", "Reference data changed ({n})"),
    "diff.ref_added": ("tillagd", "added"),
    "diff.ref_removed": ("borttagen", "removed"),
    "diff.ref_changed": ("ändrad", "changed"),
    "diff.totals": ("Effekt på summorna", "Effect on the totals"),
    "diff.total_projects": ("Projekt: {old} → {new} ({diff})", "Projects: {old} → {new} ({diff})"),
    "diff.money.total_cost_sek": ("Total kostnad", "Total cost"),
    "diff.money.budget_sek": ("Budget", "Budget"),
    "diff.money.public_support_sek": ("Offentligt stöd", "Public support"),
    "diff.invalid_left_out": (
        "{version}: {n} {n:pl(ogiltig fil,ogiltiga filer)} räknas inte (servicekb validate visar dem)",
        "{version}: {n} invalid {n:pl(file,files)} left out (servicekb validate shows them)",
    ),
    "diff.no_git": ("git finns inte; använd --against MAPP", "git is not installed; use --against FOLDER"),
    "diff.git_failed": ("git: {reason}", "git: {reason}"),
    "diff.not_a_repo": (
        "{folder} ligger inte i ett git-arkiv, så det finns inga revisioner att jämföra; "
        "jämför med en annan mapp: servicekb diff --against MAPP",
        "{folder} is not in a git repository, so there are no revisions to compare; "
        "compare with another folder: servicekb diff --against FOLDER",
    ),
    "diff.unknown_rev": (
        "git känner inte till revisionen {rev!r}; se `git log`, eller jämför med en mapp: --against MAPP",
        "git knows no revision {rev!r}; see `git log`, or compare with a folder: --against FOLDER",
    ),
    "diff.no_commits": (
        "arkivet har inga incheckningar än, så det finns inget HEAD att jämföra med; checka in, "
        "eller jämför med en mapp: --against MAPP",
        "the repository has no commits yet, so there is no HEAD to compare with; commit, "
        "or compare with a folder: --against FOLDER",
    ),
    "diff.not_in_rev": (
        "{folder} finns inte i revisionen {rev} (är mappen incheckad?); jämför med en mapp: --against MAPP",
        "{folder} is not in revision {rev} (is the folder committed?); compare with a folder: --against FOLDER",
    ),
    "diff.bad_rev": ("{rev!r} är ingen revision", "{rev!r} is not a revision"),
    "diff.revs_and_against": ("ange revisioner eller --against, inte båda", "give revisions or --against, not both"),
    "diff.too_many_revs": ("högst två revisioner", "at most two revisions"),
    "cmd.new": (
        "Skapa en projektfil från flaggor (och frågor på en terminal).",
        "Create a project file from options (and prompts on a terminal).",
    ),
    "cmd.import": (
        "Importera projekt från en CSV-fil: alla rader eller ingen.",
        "Import projects from a CSV file: every row or none.",
    ),
    "cmd.fmt": (
        "Ge projektfilerna en kanonisk form (--check ändrar inget).",
        "Put project files in one canonical form (--check changes nothing).",
    ),
    "cmd.rename": ("Byt id på ett projekt och på varje länk till det.", "Rename a project's id, and every link to it."),
    "cmd.diff": (
        "Visa vad som ändrats i kunskapsbanken mellan två versioner.",
        "Show what changed in the knowledge base between two versions.",
    ),
    "help.new": (
        "Varje värde tas som filtrens flaggor tar det ('Jämtlands län', 'Kommun', 'pågående', '1 250 000 kr'). Saknas något frågar kommandot på en terminal; i en pipe eller med --no-input blir det ett fel per saknat värde. Id:t följer husregeln (data/README.md). Filen klarar validate och har kanonisk form. Returkod: 0 skriven, 1 värdena har problem, 2 felaktigt kommando eller saknade värden.",
        "Each value is taken as the filter options take it ('Jämtlands län', 'Kommun', 'pågående', '1 250 000 kr'). What is missing is asked for on a terminal; piped or with --no-input, each missing value is an error. The id follows the house rule (data/README.md). The file passes validate and is in canonical form. Exit status: 0 written, 1 the values have problems, 2 usage error or missing values.",
    ),
    "help.import": (
        "Kolumnerna är de som `servicekb export csv` skriver i projects.csv (ett id som saknas härleds ur titeln); en lista skrivs som JSON eller med ' | ' mellan posterna, och bredvid en exports projects.csv läses listorna ur exportens övriga filer. Varje problem på varje rad redovisas i en körning, och ingenting skrivs förrän alla rader är giltiga. Returkod: 0 skrivet, 1 problem (inget skrevs), 2 felaktigt kommando.",
        "The columns are those `servicekb export csv` writes in projects.csv (a missing id is derived from the title); a list is a JSON array or items with ' | ' between them, and beside an export's projects.csv the lists are read from the export's other files. Every problem of every row is reported in one run, and nothing is written until every row is valid. Exit status: 0 written, 1 problems (nothing written), 2 usage error.",
    ),
    "help.fmt": (
        "Kanonisk form: schemaraden först, modellens fältordning, en citatregel och prosa radbruten vid 100 tecken — samma skrivare som new, import och rename använder. Kommentarer kan inte behållas: en fil med kommentarer lämnas orörd. Returkod: 0 klart, 1 filer utan kanonisk form (--check), ogiltiga eller med kommentarer.",
        "Canonical form: the schema line first, the model's field order, one quoting rule and prose folded at 100 columns — the writer new, import and rename use. Comments cannot be kept: a file with comments is left as it is. Exit status: 0 done, 1 files not canonical (--check), invalid or with comments.",
    ),
    "help.rename": (
        "Byter filens namn och projektets id, skriver om varje related-länk i andra filer och sparar det gamla id:t i former_ids, så att `servicekb show GAMMALT` och skript fortsätter att fungera. Returkod: 0 klart, 1 id:t är upptaget eller en fil är ogiltig (inget ändrades), 2 felaktigt kommando.",
        "Renames the file and the project's id, rewrites every related link in other files and keeps the old id in former_ids, so that `servicekb show OLD` and scripts keep working. Exit status: 0 done, 1 the id is taken or a file is invalid (nothing changed), 2 usage error.",
    ),
    "help.diff": (
        "Jämför två git-revisioner av datamappen (standard HEAD mot arbetskopian), eller med --against en annan mapp: tillagda, borttagna och omdöpta projekt, ändrade fält med belopp gammalt → nytt och skillnaden, ändrad referensdata och effekten på summorna.",
        "Compares two git revisions of the data folder (default HEAD against the working tree), or with --against another folder: projects added, removed and renamed, changed fields with amounts old → new and the difference, reference data changes and the effect on the totals.",
    ),
    # problems in a data file (problem.py): stored as key and values, so a cached problem
    # is printed in the language of the run that shows it. Field names and YAML stay as written.
    "problem.file_too_large": (
        "filen är {size} byte; en projektfil får vara högst 1 MiB",
        "file is {size} bytes; project files are limited to 1 MiB",
    ),
    "problem.is_folder": (
        "en mapp med en projektfils namn; byt namn på den (dess egna .yaml-filer läses som vanligt)",
        "a folder named like a project file; rename it (its own .yaml files are read as usual)",
    ),
    "problem.link_to_folder": (
        "en länk till en mapp, med en projektfils namn; länkar till mappar följs inte "
        "(ta bort länken, eller flytta in mappens filer)",
        "a link to a folder, named like a project file; links to folders are not followed "
        "(remove the link, or move the folder's files in)",
    ),
    "problem.not_regular": (
        "ingen vanlig fil (en pipe, socket eller enhet); en projektfil är en vanlig .yaml-fil",
        "not a regular file (a pipe, socket or device); a project file is a plain .yaml file",
    ),
    "problem.unreadable": ("kan inte läsa filen: {reason}", "cannot read the file: {reason}"),
    "problem.too_deep": (
        "filen är för djupt nästlad för att vara ett projekt",
        "the file is nested too deeply to be a project",
    ),
    "problem.empty": (
        "filen är tom; en projektfil är en mappning av fält (se data/projects/ för exempel)",
        "the file is empty; a project file is a mapping of fields (see data/projects/ for examples)",
    ),
    "problem.top_list": (
        "översta nivån är en lista; en projektfil måste vara en mappning av fält (id: …, title: …)",
        "the top level is a list; a project file must be a mapping of fields (id: …, title: …)",
    ),
    "problem.top_scalar": (
        "översta nivån är ett enskilt värde; en projektfil måste vara en mappning av fält (id: …, title: …)",
        "the top level is a single value; a project file must be a mapping of fields (id: …, title: …)",
    ),
    "problem.not_utf8": (
        "inte giltig UTF-8 (byte {byte}); spara filen som UTF-8",
        "not valid UTF-8 (byte {byte}); save the file as UTF-8",
    ),
    "problem.invalid_yaml": ("ogiltig YAML: {problem}", "invalid YAML: {problem}"),
    "problem.yaml_unclosed_quote": (
        "ogiltig YAML: citattecknet här stängs aldrig; avsluta texten med samma citattecken",
        "invalid YAML: the quote opened here is never closed; end the text with the same quote",
    ),
    "problem.yaml_unclosed_list": (
        "ogiltig YAML: listan inom [ ] som börjar här stängs aldrig, eller saknar ett kommatecken",
        "invalid YAML: the list in [ ] that starts here is never closed, or lacks a comma",
    ),
    "problem.yaml_unclosed_braces": (
        "ogiltig YAML: måsvingen som öppnas här stängs aldrig, eller ett kommatecken saknas",
        "invalid YAML: the brace opened here is never closed, or a comma is missing",
    ),
    "problem.yaml_no_colon": (
        "ogiltig YAML: raden saknar ':' mellan nyckel och värde",
        "invalid YAML: the line lacks a ':' between key and value",
    ),
    "problem.yaml_tab": (
        "ogiltig YAML: ett tabbtecken i indraget; YAML drar in med mellanslag",
        "invalid YAML: a tab in the indentation; YAML indents with spaces",
    ),
    "problem.yaml_colon_in_value": (
        "ogiltig YAML: ': ' mitt i ett värde, eller en rad som är indragen för långt; "
        "sätt värdet inom citattecken eller rätta indraget",
        "invalid YAML: ': ' inside a value, or a line indented too far; quote the value or fix the indentation",
    ),
    "problem.yaml_indentation": (
        "ogiltig YAML: raden är indragen annorlunda än raderna ovanför; rätta indraget",
        "invalid YAML: the line is indented unlike the lines above it; fix the indentation",
    ),
    "problem.many_documents": (
        "mer än ett YAML-dokument (---) i filen; ett projekt per fil",
        "more than one YAML document (---) in the file; one project per file",
    ),
    "problem.nested_deep": ("nästlad mer än {n} nivåer djupt", "nested more than {n} levels deep"),
    "problem.alias": (
        "ankare och alias (&namn, *namn) är inte tillåtna i projektfiler; skriv ut värdet",
        "anchors and aliases (&name, *name) are not allowed in project files; write the value out",
    ),
    "problem.yaml_tag": (
        "YAML-taggar som {tag!r} är inte tillåtna i projektfiler",
        "tags such as {tag!r} are not allowed in project files",
    ),
    "problem.key_not_name": (
        "nycklar i en mappning måste vara vanliga namn",
        "mapping keys must be plain names",
    ),
    "problem.duplicate_key": (
        "nyckeln {name!r} står två gånger (först på rad {first}); varje fält får förekomma en gång",
        "duplicate key {name!r} (first at line {first}); each field may appear once",
    ),
    # the shape of a project (pydantic's error types, and the model's own in model.py)
    "problem.missing": ("obligatoriskt fält saknas", "required field is missing"),
    "problem.string_type": ("måste vara text", "must be text"),
    "problem.list_type": (
        "måste vara en lista (t.ex. [a, b] eller ett '- värde' per rad)",
        "must be a list (e.g. [a, b] or one '- item' per line)",
    ),
    "problem.dict_type": ("måste vara en mappning av fält", "must be a mapping of fields"),
    "problem.date_type": (
        "måste vara ett ISO-datum som 2020-12-31, eller null",
        "must be an ISO date such as 2020-12-31, or null",
    ),
    "problem.date_format": (
        "måste vara ett ISO-datum som 2020-12-31 (ÅÅÅÅ-MM-DD, utan citattecken), eller null; "
        "tal som 1699920000 läses inte som datum",
        "must be an ISO date such as 2020-12-31 (YYYY-MM-DD, quotes not needed), or null; "
        "numbers such as 1699920000 are not read as dates",
    ),
    "problem.date_not_in_calendar": (
        "{value!r} är ingen dag i kalendern; skriv ett ISO-datum som 2020-12-31, eller null",
        "{value!r} is not a day of the calendar; write an ISO date such as 2020-12-31, or null",
    ),
    "problem.string_pattern_mismatch": (
        "får bara ha gemena bokstäver a–z, siffror och enkla bindestreck (t.ex. servicepunkt-2-0)",
        "must be lower-case letters a–z, digits and single hyphens (e.g. servicepunkt-2-0)",
    ),
    "problem.string_too_long": (
        "är för lång (högst {max_length} tecken)",
        "is too long (at most {max_length} characters)",
    ),
    "problem.literal_error": ("måste vara ett av {expected}", "must be one of {expected}"),
    "problem.extra_forbidden": ("okänt fält {name!r}.{hint}", "unknown field {name!r}.{hint}"),
    "problem.blank": ("får inte vara tomt", "must not be empty"),
    "problem.kronor_leading_zero": (
        "en inledande nolla: YAML 1.1-läsare (PyYAML m.fl.) läser talet som oktalt och får ett annat "
        "belopp; skriv {plain}",
        "a leading zero: YAML 1.1 readers (PyYAML and others) take the number as octal, another amount; write {plain}",
    ),
    "problem.kronor_format": (
        "måste vara ett helt antal kronor skrivet med bara siffror, utan mellanslag, tecken eller "
        "decimaler (t.ex. 1442919); skriv null när källan inte anger något belopp",
        "must be a whole number of kronor written with digits only, no spaces, signs or "
        "decimals (e.g. 1442919); use null when the source gives no amount",
    ),
    "problem.kronor_negative": (
        "måste vara 0 eller mer; ett helt antal kronor som 1442919, eller null när beloppet är okänt",
        "must be 0 or more; a whole number of kronor such as 1442919, or null when unknown",
    ),
    "problem.kronor_too_large": (
        "är orimligt stort (högst {max} kr); ett helt antal kronor som 1442919, eller null när beloppet är okänt",
        "is implausibly large (at most {max} kr); a whole number of kronor such as 1442919, or null when unknown",
    ),
    "problem.other": ("{text}", "{text}"),  # an error type not in this table: pydantic's own words
    # rules that need reference data or other files (checks.py)
    "problem.id_mismatch": (
        "id {id!r} måste vara filens namn utan .yaml ({stem!r}); ändra id:t eller byt namn på filen",
        "id {id!r} must equal the file name without .yaml ({stem!r}); rename one of them",
    ),
    "problem.unknown_theme": (
        "okänt tema {value!r}.{hint} Giltiga: {valid}",
        "unknown theme {value!r}.{hint} Valid: {valid}",
    ),
    "problem.unknown_kind": (
        "okänd typ {value!r}.{hint} Giltiga: {valid}",
        "unknown kind {value!r}.{hint} Valid: {valid}",
    ),
    "problem.unknown_owner_type": (
        "okänd ägartyp {value!r}.{hint} Giltiga: {valid}",
        "unknown owner type {value!r}.{hint} Valid: {valid}",
    ),
    "problem.unknown_tag": (
        "okänd tagg {value!r}.{hint} Giltiga: {valid}",
        "unknown tag {value!r}.{hint} Valid: {valid}",
    ),
    "problem.tag_twice": ("en tagg står två gånger", "a tag is listed twice"),
    "problem.source_mismatch": (
        "source {source!r} stämmer inte med temat {theme!r}, vars avsnitt heter {section!r}",
        "source {source!r} does not match theme {theme!r}, whose section is {section!r}",
    ),
    "problem.unknown_county": (
        "okänt län {name!r}.{hint} Använd de korta namnen i reference/counties.yaml",
        "unknown county {name!r}.{hint} Use the short names of reference/counties.yaml",
    ),
    "problem.county_twice": ("ett län står två gånger", "a county is listed twice"),
    "problem.unknown_municipality": ("okänd kommun {name!r}.{hint}", "unknown municipality {name!r}.{hint}"),
    "problem.municipality_county": (
        "{name} ligger i {county}, som saknas i geography.counties",
        "{name} lies in {county}, which is missing from geography.counties",
    ),
    "problem.scope_national": (
        "scope national betyder hela landet utan namngivna län; fältet counties ska vara tomt (eller använd multi-county)",
        "scope national means nationwide without named counties; counties must be empty (or use multi-county)",
    ),
    "problem.scope_multi": (
        "scope multi-county kräver två eller fler län",
        "scope multi-county needs two or more counties",
    ),
    "problem.scope_one": (
        "scope {scope} kräver exakt ett län (fann {n}); använd multi-county eller national",
        "scope {scope} needs exactly one county (found {n}); use multi-county or national",
    ),
    "problem.support_exceeds": (
        "det offentliga stödet {support} kr är större än projektets totala belopp {total} kr",
        "public support {support} kr exceeds the project's total {total} kr",
    ),
    "problem.related_self": (
        "ett projekt kan inte vara relaterat till sig självt",
        "a project cannot be related to itself",
    ),
    "problem.duplicate_id": (
        "id {id!r} används redan av {other}; ge en av dem ett nytt id",
        "id {id!r} is already used by {other}; give one of them a new id",
    ),
    "problem.related_unknown": (
        "related-id {id!r} är inget projekt i den här kunskapsbanken.{hint}",
        "related id {id!r} is not a project in this knowledge base.{hint}",
    ),
    # broken reference data (reference.py) and a broken synonyms file (thesaurus.py)
    "ref.error": (
        "referensdata {where}: {field}{message}; {todo}.",
        "reference data {where}: {field}{message}; {todo}.",
    ),
    "ref.todo_bundled": (
        "installera om servicekb, eller återställ filen från dess källkodsförråd",
        "reinstall servicekb, or restore the file from its repository",
    ),
    "ref.todo_own": (
        "rätta filen (den medföljande referensdatan finns i servicekbs data/reference/), "
        "eller ta bort den här kunskapsbankens mapp reference/ för att använda den medföljande datan",
        "fix it (the bundled reference data is in servicekb's data/reference/), "
        "or remove this knowledge base's reference/ folder to use the bundled data",
    ),
    "ref.missing": (
        "filen saknas (en mapp reference/ behöver {files})",
        "the file is missing (a reference/ folder needs {files})",
    ),
    "ref.folder": ("är en mapp; den måste vara en YAML-fil", "is a folder; it must be a YAML file"),
    "ref.too_deep": ("för djupt nästlad", "nested too deeply"),
    "ref.not_list": (
        "måste vara en lista med poster ('- slug: …' eller '- name: …'), en per rad",
        "must be a list of entries ('- slug: …' or '- name: …'), one per line",
    ),
    "ref.unknown_field": (
        "okänt fält {name!r}.{hint} Fält: {fields}",
        "unknown field {name!r}.{hint} Fields: {fields}",
    ),
    "ref.names": ("måste vara en lista med namn, t.ex. [a, b]", "must be a list of names, e.g. [a, b]"),
    "ref.text_not_empty": ("måste vara text, inte tom", "must be text, not empty"),
    "ref.required": ("obligatoriska fältet {name!r} saknas", "required field {name!r} is missing"),
    "ref.twice": (
        "{what} {value!r} står två gånger (först som post {first})",
        "{what} {value!r} is listed twice (first as entry {first})",
    ),
    "ref.unknown_county": (
        "okänt län {name!r}.{hint} Använd ett namn ur counties.yaml",
        "unknown county {name!r}.{hint} Use a name of counties.yaml",
    ),
    "thesaurus.shape": (
        "väntade en mappning med nycklarna `equivalent` (en lista med grupper) och `broader` (smalare: [bredare, …])",
        "expected a mapping with the keys `equivalent` (a list of groups) and `broader` (narrower: [broader, …])",
    ),
    "thesaurus.term": (
        "{term!r} är inget ord eller uttryck i gemener (bokstäver, enkla mellanslag eller bindestreck)",
        "{term!r} is not a lower-case word or phrase (letters, single spaces or hyphens)",
    ),
    "thesaurus.groups": (
        "`equivalent` måste vara en lista med grupper, t.ex. - [hemsändning, hemkörning]",
        "`equivalent` must be a list of groups, e.g. - [hemsändning, hemkörning]",
    ),
    "thesaurus.group": (
        "en grupp räknar upp två eller fler ord som betyder samma sak, t.ex. [hemsändning, hemkörning]",
        "a group lists two or more words that mean the same, e.g. [hemsändning, hemkörning]",
    ),
    "thesaurus.listed": (
        "{term!r} står redan i en grupp{at}; ett ord hör till en grupp (slå ihop grupperna)",
        "{term!r} is already listed{at}; a word belongs to one group (merge the groups)",
    ),
    "thesaurus.on_line": (" på rad {line}", " on line {line}"),
    "thesaurus.broader": (
        "`broader` måste koppla ett smalare ord till sina bredare ord, t.ex. bybutik: [butik]",
        "`broader` must map a narrower word to its broader words, e.g. bybutik: [butik]",
    ),
    "thesaurus.needs_list": (
        "{term!r} behöver en lista med bredare ord, t.ex. [butik]",
        "{term!r} needs a list of broader words, e.g. [butik]",
    ),
    "thesaurus.twice": (
        "{term!r} står två gånger eller som sitt eget bredare ord",
        "{term!r} is listed twice or as its own broader word",
    ),
    # --- TRUST (issue 20: answers from the files as they are now; nothing a user types takes it down) ---
    "err.query_refused": (
        "frågan är för stor eller för invecklad för att besvaras ({reason}); förkorta den (indexet är orört)",
        "the query is too large or too complex to answer ({reason}); shorten it (the index is untouched)",
    ),
    "err.id_invalid_file": (
        "projektet {id!r} finns inte i svaren: filen {file} är ogiltig ({problem}); rätta den (`servicekb validate`"
        " visar alla problem)",
        "project {id!r} is left out: its file {file} is invalid ({problem}); fix it (`servicekb validate` shows"
        " every problem)",
    ),
    "err.id_shadowed_file": (
        "projektet {id!r} i {file} finns inte i svaren: en tidigare fil har samma id ({problem}); se"
        " `servicekb validate`",
        "project {id!r} in {file} is left out: an earlier file has the same id ({problem}); see `servicekb validate`",
    ),
    "problem.wrong_suffix": (
        "servicekb läser bara filer som slutar på .yaml; byt namn på {name!r} till {expected!r}",
        "servicekb reads only files ending in .yaml; rename {name!r} to {expected!r}",
    ),
    "problem.name_not_utf8": (
        "filnamnet är inte UTF-8 (byte som inte går att läsa visas som \\xNN); byt namn på filen",
        "the file name is not UTF-8 (bytes that cannot be read are shown as \\xNN); rename the file",
    ),
    "err.output_not_regular": (
        "{path} är ingen vanlig fil (en pipe, enhet eller mapp); ange en fil att skriva, eller - för standard ut",
        "{path} is not a regular file (a pipe, device or folder); name a file to write, or - for standard output",
    ),
    "err.output_in_kb": (
        "{path} ligger i kunskapsbanken som läses ({folder}); servicekb skriver inte dit, inte heller med"
        " --force; välj en plats utanför",
        "{path} is inside the knowledge base being read ({folder}); servicekb does not write there, not even"
        " with --force; choose a place outside it",
    ),
    "rep.left_out": (
        "Obs: {n} {n:pl(projektfil är ogiltig eller en dubblett,projektfiler är ogiltiga eller dubbletter)} och ingår inte i den här rapporten; kör"
        " `servicekb validate`.",
        "Note: {n} project {n:pl(file is invalid or a duplicate and is,files are invalid or duplicates and are)} left out of this report; run"
        " `servicekb validate`.",
    ),
    # --- REPORTS --- (reports and output: shared projects, dates, --own, English labels)
    "opt.own": (
        "Bara projekt som inget annat län delar: ett projekt i flera län räknas inte i någon summa.",
        "Only projects that no other county shares: a project in several counties is in no sum.",
    ),
    "rep.of_which_shared": (
        ", varav {amount} i {n} projekt som delas med andra län",
        ", of which {amount} in {n} {n:pl(project,projects)} shared with other counties",
    ),
    # the groups of projects without a county (nationwide ones), an owner, a municipality (money.PLACEHOLDER_LABELS)
    "group.no_county": ("(nationellt)", "(nationwide)"),
    "group.no_owner": ("(ingen ägare angiven)", "(no owner given)"),
    "group.no_municipality": ("(ingen kommun angiven)", "(no municipality given)"),
    "col.shared_projects": ("Delade projekt", "Shared projects"),
    "col.shared_total_cost": ("Kostnad i delade", "Cost in shared"),
    "col.shared_budget": ("Budget i delade", "Budget in shared"),
    "title.stats_own": (
        "– bara projekt som inget annat län delar",
        "— only projects that no other county shares",
    ),
    "rep.own_scope": ("egna projekt", "own projects"),
    "rep.own_note": (
        "Bara projekt som inget annat län delar (--own): projekt i flera län är inte med i någon summa.",
        "Only projects that no other county shares (--own): projects in several counties are in no sum.",
    ),
    "rep.own_projects": ("Länets egna projekt ({n})", "The county's own projects ({n})"),
    "rep.shared_projects": ("Projekt som delas med andra län ({n})", "Projects shared with other counties ({n})"),
    "rep.made": ("Rapporten gjordes {date}", "Report made on {date}"),
    "rep.state_git": (
        "ur kunskapsbanken i git-version {revision} ({date})",
        "from the knowledge base at git revision {revision} ({date})",
    ),
    "rep.state_uncommitted": (" med ändringar som inte är incheckade", " with uncommitted changes"),
    "rep.state_files": ("ur datafiler senast ändrade {date}", "from data files last changed on {date}"),
    # click's placeholders in help, as words (cli._metavars)
    "metavar.str": ("VÄRDE", "VALUE"),
    "metavar.path": ("SÖKVÄG", "PATH"),
    "metavar.int": ("TAL", "NUMBER"),
    "metavar.paths": ("SÖKVÄGAR", "PATHS"),
    "metavar.query": ("SÖKORD", "WORDS"),
    "metavar.old": ("GAMMALT-ID", "OLD-ID"),
    "metavar.new": ("NYTT-ID", "NEW-ID"),
    "metavar.file": ("FIL", "FILE"),
    "metavar.shell": ("SKAL", "SHELL"),
    "metavar.revs": ("REVISIONER", "REVISIONS"),
    # kinds and owner types in English (Swedish: the reference data's labels, which these repeat)
    "kind.forstudie": ("Förstudie", "Feasibility study"),
    "kind.genomforande": ("Genomförande", "Implementation"),
    "kind.information": ("Information och spridning", "Information and dissemination"),
    "kind.utbildning": ("Utbildning", "Training"),
    "kind.process": ("Process och samverkan", "Process and cooperation"),
    "owner-type.kommun": ("Kommun", "Municipality"),
    "owner-type.region": ("Region", "Region"),
    "owner-type.lansstyrelse": ("Länsstyrelse", "County administrative board"),
    "owner-type.myndighet": ("Statlig myndighet", "Government agency"),
    "owner-type.forening": ("Förening eller organisation", "Association or organisation"),
    "owner-type.foretag": ("Företag", "Company"),
    "owner-type.universitet": ("Universitet eller högskola", "University or college"),
    # --- search (search/, thesaurus.py, cli/search.py, cli/similar.py) ---
    "err.word_too_long": (
        "ordet {word!r} har {n} bokstäver; ett sökord får ha högst {max}.",
        "the word {word!r} has {n} letters; a search word may have at most {max}.",
    ),
    "err.query_too_long": (
        "sökningen har {n} tecken; använd högst {max}.",
        "the query has {n} characters; use at most {max}.",
    ),
    "thesaurus.too_big": (
        "filen är {size} byte; en synonymfil får vara högst {max} byte",
        "the file has {size} bytes; a synonyms file may have at most {max} bytes",
    ),
    "thesaurus.group_too_big": (
        "gruppen har {n} ord; en grupp får ha högst {max} (dela den i grupper med var sin betydelse)",
        "the group has {n} words; a group may have at most {max} (split it into groups of one meaning each)",
    ),
    "thesaurus.broader_too_many": (
        "{term!r} har {n} bredare ord; högst {max} är tillåtna",
        "{term!r} has {n} broader words; at most {max} are allowed",
    ),
    "thesaurus.too_many_pairs": (
        "filen ger {n} par av relaterade ord; högst {max} är tillåtna (mindre grupper, färre bredare ord)",
        "the file makes {n} pairs of related words; at most {max} are allowed (smaller groups, fewer broader words)",
    ),
    "search.place_municipality_missing": (
        "{name} är en kommun i {county}; inget projekt nämner den.",
        "{name} is a municipality in {county}; no project mentions it.",
    ),
    "search.place_county_hint": (
        "`servicekb list --region {county}` visar länets projekt.",
        "`servicekb list --region {county}` shows the county's projects.",
    ),
    "search.place_county_missing": (
        "{name} är ett län; inget projekt nämner det.",
        "{name} is a county; no project mentions it.",
    ),
    "search.dropped": (
        "inget projekt har {words}; söker på de andra orden",
        "no project has {words}; searching for the other words",
    ),
    # the HTML report's own words (render_html.py, templates/): charts, the map and the page
    "html.report": ("Rapport", "Report"),
    "html.per": ("per {name}", "by {name}"),
    "html.same_numbers": (
        "Samma siffror står i tabellen under diagrammen.",
        "The same numbers are in the table below the charts.",
    ),
    "html.chart_projects": ("Antal projekt {per}", "Number of projects {per}"),
    "html.chart_projects_desc": (
        "Stapeldiagram: antal projekt {per}. {same}",
        "Bar chart: number of projects {per}. {same}",
    ),
    "html.chart_cost": ("Total kostnad {per} (avslutade projekt)", "Total cost {per} (finished projects)"),
    "html.chart_cost_desc": (
        "Stapeldiagram: summan av avslutade projekts totala kostnad {per}; utan stapel där inget belopp finns. {same}",
        "Bar chart: the sum of finished projects' total cost {per}; no bar where no amount is given. {same}",
    ),
    "html.chart_budget": ("Budget {per} (pågående projekt)", "Budget {per} (ongoing projects)"),
    "html.chart_budget_desc": (
        "Stapeldiagram: summan av pågående projekts budget {per}. {same}",
        "Bar chart: the sum of ongoing projects' budgets {per}. {same}",
    ),
    "html.no_amount": ("inget belopp", "no amount"),
    "html.projects_one": ("{n} projekt", "{n} project"),
    "html.projects_many": ("{n} projekt", "{n} projects"),
    "html.projects_range": ("{lo}–{hi} projekt", "{lo}–{hi} projects"),
    "html.tile_out_tooltip": ("{name}: inte med i rapportens urval", "{name}: not in the report's selection"),
    "html.not_in_selection": ("ej i urvalet", "not selected"),
    "html.map_rank": (
        "{name}: {n} projekt, plats {rank} av {of} län räknat i antal projekt.",
        "{name}: {n} {n:pl(project,projects)}, rank {rank} of {of} counties by number of projects.",
    ),
    "html.map_desc": (
        "Rutkarta över Sveriges län: varje ruta är ett län, placerad ungefär där länet ligger. "
        "Ju mörkare ruta, desto fler projekt; antalet står i rutan.",
        "Tile map of Sweden's counties: each tile is a county, placed roughly where the county lies. "
        "The darker the tile, the more projects; the number is in the tile.",
    ),
    "html.map_marked": (" {name} har tjock svart ram.", " {name} has a thick black outline."),
    "html.map_marked_label": ("{name} (tjock ram)", "{name} (thick outline)"),
    "html.legend_title": ("Antal projekt", "Number of projects"),
    "html.legend_marked": ("rapportens län", "this county"),
    "html.map_table": ("Kartan som tabell", "The map as a table"),
    "html.money_total_cost": ("total kostnad {amount}", "total cost {amount}"),
    "html.money_budget": ("budget {amount}", "budget {amount}"),
    "html.money_without": ("{n} utan belopp", "{n} without an amount"),
    "html.table": ("Tabell: {heading}", "Table: {heading}"),
    "html.multi_county": ("arbetar i flera län", "works in several counties"),
    "html.descriptions": ("Projektbeskrivningar", "Project descriptions"),
    "html.descriptions_note": (
        "Öppna ett projekt för att läsa om vad det gjorde, vad det gav och vad det lärde. Vid utskrift kommer alla beskrivningar med.",
        "Open a project to read what it did, what it achieved and what it learned. When printed, every description is included.",
    ),
    "html.project_source": (
        "Källa: Tillväxtverket, avsnittet ”{section}”",
        "Source: Tillväxtverket, section ”{section}”",
    ),
    "html.web": ("Webb: {links}", "Web: {links}"),
    "html.footer": (
        "Underlag: Tillväxtverkets sida ”Så utvecklar vi den lokala servicen” om pilotprojekten i "
        "Landsbygdsprogrammet 2014–2020. Skapad med {generator}.",
        "Based on Tillväxtverket's page ”Så utvecklar vi den lokala servicen” on the pilot projects of the "
        "Rural Development Programme 2014–2020. Made with {generator}.",
    ),
}


# Each command's examples: the same commands in every language, so they are written once
# (printed as an unwrapped \b paragraph under the translated heading).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "root": (
        "servicekb search paketautomat",
        "servicekb report --region Dalarna",
        "servicekb search servicepunkt --region Norrbotten --format csv > punkter.csv",
    ),
    "search": (
        "servicekb search paketautomat",
        "servicekb search servicepunkt --region Norrbotten --format csv > punkter.csv",
        "servicekb search --limit 5 -- paketombud OR apoteksombud -Dalarna",
        "servicekb search --theme logistik --facets",
        "servicekb search apoteksombud glesbygd --explain",
    ),
    "report": (
        "servicekb report --region Dalarna",
        "servicekb report --region W --format markdown > dalarna.md",
        "servicekb report --region Dalarna --format html -o dalarna.html",
        "servicekb search paketautomat --format ids | servicekb report --ids -",
    ),
    "list": (
        "servicekb list --region Dalarna",
        "servicekb list --theme kommunala --format csv > kommunala.csv",
    ),
    "similar": (
        "servicekb similar servicepunkt-2-0-i-hoga-kusten",
        "servicekb similar ica --limit 5 --format json",
    ),
    "show": (
        "servicekb show servicepunkt-2-0-i-hoga-kusten",
        "servicekb show leaxw --format citation",
    ),
    "stats": (
        "servicekb stats --by theme",
        "servicekb stats --by county --sort total-cost --format csv",
    ),
    "validate": ("servicekb validate",),
    "schema": ("servicekb schema > project.schema.json",),
    "new": (
        "servicekb new --title 'Servicepunkt i Kvarnby' --theme lokala --kind genomförande --status pågående --county 'Jämtlands län' --owner 'Kvarnby byalag' --owner-type förening --summary '…' --source-publisher 'Kvarnby byalag' --source-title 'Projektansökan' --dry-run",
    ),
    "import": (
        "servicekb import nya-projekt.csv --dry-run",
        "servicekb export csv kb-csv && servicekb import kb-csv/projects.csv --update",
    ),
    "fmt": ("servicekb fmt --check", "servicekb fmt"),
    "rename": ("servicekb rename axfood axfood-handlarlyftet",),
    "diff": ("servicekb diff", "servicekb diff HEAD~1 HEAD --format markdown", "servicekb diff --against ../kb-gammal"),
    "export": (
        "servicekb export sqlite kb.db && datasette kb.db -m kb.metadata.yaml",
        "servicekb export csv kb-csv --region Dalarna",
    ),
    "export.sqlite": (
        "servicekb export sqlite kb.db && datasette kb.db -m kb.metadata.yaml",
        "servicekb export sqlite dalarna.db --region Dalarna",
        "servicekb search paketautomat --format ids | servicekb export sqlite paket.db --ids -",
    ),
    "export.csv": (
        "servicekb export csv kb-csv",
        "servicekb export csv logistik-csv --theme logistik --force",
    ),
    "cache": ("servicekb cache info",),
    "cache.info": ("servicekb cache info",),
    "cache.clear": ("servicekb cache clear --all",),
    "completion": (
        'eval "$(servicekb completion bash)"',
        'eval "$(servicekb completion zsh)"',
        "servicekb completion fish > ~/.config/fish/completions/servicekb.fish",
    ),
}


# The language `--lang` chose for the run in progress: set by take_language_option, cleared by the
# CLI when the run ends (cli.app._Group.main). Never written into os.environ, so it reaches no
# child process (git) and no later run in the same process (a test's CliRunner).
_run_language: Optional[str] = None


def use_language(lang: Optional[str]) -> None:
    """Make `lang` ('sv', 'en') this run's language, or None to follow the environment again."""
    global _run_language
    _run_language = lang


def language() -> str:
    """'sv' or 'en' for this run (see the module docstring): --lang, else SERVICEKB_LANG, else the locale."""
    if _run_language is not None:
        return _run_language
    chosen = os.environ.get("SERVICEKB_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def take_language_option(args: list[str]) -> list[str]:
    """`--lang sv|en` (or `--lang=en`) anywhere before a `--`: chooses this run's language (over
    SERVICEKB_LANG, see use_language), and is taken out of the arguments, before click parses
    them: help texts are put in words again, in that language, when their command is loaded.
    Raises ValueError with the message (in the chosen or the locale's language) for a bad value."""
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            out += args[i:]
            break
        if arg == "--lang" or arg.startswith("--lang="):
            if arg == "--lang":
                if i + 1 >= len(args):
                    raise ValueError(t("err.requires_argument", option="'--lang'"))
                value, i = args[i + 1], i + 2
            else:
                value, i = arg.split("=", 1)[1], i + 1
            if value.strip().lower() not in LANGUAGES:
                raise ValueError(t("err.unknown_language", value=repr(value)))
            use_language(value.strip().lower())
            continue
        out.append(arg)
        i += 1
    return out


def t(key: str, **values: object) -> str:
    """The message `key` in this run's language, with `values` filled in.

    `{n:pl(fil,filer)}` is the word for the number n: the first form for 1, the second for any
    other ("1 fil kontrollerad", "82 filer kontrollerade"; "1 file", "2 files")."""
    sv, en = MESSAGES[key]
    text = sv if language() == "sv" else en
    if not values:
        return text
    return _PLURALS.vformat(text, (), values) if ":pl(" in text else text.format(**values)


class _Plurals(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("pl(") and format_spec.endswith(")"):
            one, other = format_spec[3:-1].split(",")
            return one if str(value).strip() in ("1", "-1") else other
        return super().format_field(value, format_spec)


_PLURALS = _Plurals()


# Help is put in words when a command's module is imported (typer wants strings), and put in
# words again, in the run's language, when the command is loaded for a run (cli.app.load_command
# → reword): each help text remembers how it was made. A cache of how to make constants, not
# state of a run.
_HELP_MAKERS: dict[str, Callable[[], str]] = {}


def _remembered(make: Callable[[], str]) -> str:
    text = make()
    _HELP_MAKERS.setdefault(text, make)
    return text


def reword(text: Optional[str]) -> Optional[str]:
    """A help text in this run's language (the same text when it was not made by help_t &c.)."""
    make = _HELP_MAKERS.get(text) if text else None
    return make() if make is not None else text


def help_t(key: str, **values: object) -> str:
    """`t` for help texts of options and arguments: worded again when printed (see reword)."""
    return _remembered(lambda: t(key, **values))


def help_text(name: str) -> str:
    """The help after a command's summary: `help.NAME` (if any), then its examples."""
    return _remembered(lambda: _help_text(name))


def _help_text(name: str) -> str:
    parts = [t(f"help.{name}")] if f"help.{name}" in MESSAGES else []
    lines = EXAMPLES.get(name, ())
    if lines:
        heading = t("help.examples" if len(lines) > 1 else "help.example")
        parts.append(f"{heading}\n\n\b\n" + "\n".join(f"  {line}" for line in lines))
    return "\n\n".join(parts)


def command_help(name: str) -> str:
    """A command's help: its one-line summary (`cmd.NAME`, also shown by `servicekb --help`),
    then the rest (see `help_text`)."""
    return _remembered(lambda: t(f"cmd.{name}") + "\n\n" + _help_text(name))


def status_label(status: str) -> str:
    return t(f"status.{status}") if f"status.{status}" in MESSAGES else status
