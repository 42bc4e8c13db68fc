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
    "status.past_end": (
        "pågående enligt källan – slutdatum {end} passerat",
        "ongoing according to the source – end date {end} passed",
    ),
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
    "err.id_prefix": (
        "{typed!r} är början på flera id:n: {shown}. Skriv mer av id:t.",
        "{typed!r} is the beginning of several ids: {shown}. Type more of the id.",
    ),
    "err.ids_unknown": ("okända projekt-id:n: {ids}", "unknown project id(s): {ids}"),
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
        "servicekb: indexcachen {path} är skadad ({reason}); bygger om den.",
        "servicekb: the index cache {path} is damaged ({reason}); rebuilding it.",
    ),
    "notice.cache_foreign": (
        "servicekb: indexcachen {path} är inget servicekb-index; bygger om den.",
        "servicekb: the index cache {path} is not a servicekb index; rebuilding it.",
    ),
    "notice.cache_blocked": (
        "servicekb: på indexcachens plats {path} finns {blocker}; bygger om den.",
        "servicekb: the index cache {path} is {blocker}; rebuilding it.",
    ),
    "notice.cache_memory": (
        "servicekb: indexcachen {path} kan inte användas ({reason}); använder ett index i minnet.",
        "servicekb: the index cache {path} cannot be used ({reason}); using an index in memory.",
    ),
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
        "Bara projekt som har alla orden (inga projekt med färre ord under dem).",
        "Only projects having every word (no projects with fewer words below them).",
    ),
    "opt.explain": (
        "Lägg till en kolumn som säger vilka ord som träffade varje projekt, och hur (exakt, böjning, "
        "ordled, uppdelat sammansatt ord, synonym, efterled, stavfel, saknas).",
        "Add a column saying which words matched each project, and how (exact, inflection, compound part, "
        "split compound, synonym, compound head, typo, missing).",
    ),
    # search notices (search.notices)
    "search.corrected": (
        "inget projekt har '{typed}'; visar träffar för '{shown}'",
        "no project has '{typed}'; showing results for '{shown}'",
    ),
    "search.synonyms": (
        "inget projekt har '{typed}'; visar träffar för synonymerna ({shown})",
        "no project has '{typed}'; showing results for its synonyms ({shown})",
    ),
    "search.relaxed_some": (
        "bara {n} projekt har alla orden; under dem projekt utan {missing}",
        "only {n} project(s) have all the words; below them, projects without {missing}",
    ),
    "search.relaxed_none": (
        "inget projekt har alla orden; visar projekt utan {missing}",
        "no project has all the words; showing projects without {missing}",
    ),
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
    "title.projects": ("{n} projekt", "{n} project(s)"),
    "title.matches": ("{n} projekt matchar", "{n} project(s) match"),
    "title.matches_shown": (
        "{n} projekt matchar, visar {shown} (--limit 0 visar alla)",
        "{n} project(s) match, showing {shown} (--limit 0 shows all)",
    ),
    "title.stats": ("{n} projekt per {by}", "{n} project(s) by {by}"),
    "title.stats_multi": (
        "– ett projekt i flera grupper räknas i varje; totalen räknar det en gång",
        "— a project in several groups counts in each; the total counts it once",
    ),
    "title.facet": ("Per {name}", "By {name}"),
    "facet.county_note": (" (ett projekt i två län räknas i båda)", " (a project in two counties counts in both)"),
    # notices
    "note.limited": (
        "servicekb: {shown} träffar visas, fler finns; --limit 0 visar alla.",
        "servicekb: {shown} matches shown, there are more; --limit 0 shows all.",
    ),
    "note.limited_of": (
        "servicekb: {shown} av {total} träffar visas; --limit 0 visar alla.",
        "servicekb: {shown} of {total} matches shown; --limit 0 shows all.",
    ),
    "note.columns_left_out": (
        "Utelämnade kolumner (för smalt fönster): {columns}. Se allt med --format tsv eller välj med --fields.",
        "Columns left out (terminal too narrow): {columns}. See everything with --format tsv, or choose with --fields.",
    ),
    "note.problems": (
        "servicekb: {files} fil(er) med problem: {first}{more}; kör `servicekb validate` för detaljer. Ogiltiga filer utelämnas.",
        "servicekb: {files} file(s) with problems: {first}{more}; run `servicekb validate` for details. Invalid files are left out.",
    ),
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
    "rep.heading_county": (
        "{official} (länskod {code}, {letter}) – {region}",
        "{official} (county code {code}, {letter}) – {region}",
    ),
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
        'Hittar böjningsformer (servicepunkt → servicepunkter), delar av sammansatta ord (ombud →\npaketombud, apoteksombud) och ord skrivna utan å, ä, ö (Orebro → Örebro); exakta träffar\nkommer först. Söker i titel, sammanfattning, genomförande, resultat, lärdomar, taggar,\nprojektägare, orter och kommuner.\n\nProjekt med alla orden kommer först; har färre än fem alla orden följer projekt med de\nflesta orden (stderr säger vilka ord som saknas; --all-words visar bara fullträffar). Ord\nhittas också genom synonymer (hemkörning → hemsändning, ur data/reference/synonyms.yaml);\nett okänt ord delas upp (butiksutveckling → butik + utveckling) eller rättas (ombudsplatform\n→ ombudsplattform) och rankas under direkta träffar. --explain visar för varje projekt\nvilka ord som träffade och hur.\n\nSyntax: "fras inom citattecken"; -ord utesluter (allt som ordet ensamt skulle hitta); a OR b.\nSätt citattecken runt fraser även för skalet: servicekb search \'"lokal mat"\'.\n\nReturkod: 0 träffar, 1 inga träffar, 2 felaktigt kommando.',
        'Finds inflections (servicepunkt → servicepunkter), compound parts (ombud → paketombud,\napoteksombud) and words typed without å, ä, ö (Orebro → Örebro); exact matches rank first.\nSearches title, summary, activities, results, lessons, tags, owner, places and municipalities.\n\nProjects with every word rank first; when fewer than five have them all, projects with\nmost of the words follow (stderr names the missing words; --all-words shows only full\nmatches). Words are also found through synonyms (hemkörning → hemsändning, from\ndata/reference/synonyms.yaml); an unknown word is split (butiksutveckling → butik +\nutveckling) or corrected (ombudsplatform → ombudsplattform), ranked below direct matches.\n--explain shows, for each project, which words matched and how.\n\nSyntax: "quoted phrase"; -word excludes (everything the word alone would find); a OR b.\nQuote phrases for the shell too: servicekb search \'"lokal mat"\'.\n\nExit status: 0 results, 1 no results, 2 usage error.',
    ),
    "help.report": (
        "Utan --region: en rad per län. Med --region: länets projekt.\n\nTotal kostnad (avslutade projekt), budget (pågående projekt) och offentligt stöd summeras\nvar för sig; projekt utan belopp redovisas som sådana, aldrig som 0. Ett projekt i flera\nlän står under varje län och räknas en gång i varje summa.\n\nRapporten är samma dokument i terminalen som när den skickas vidare eller sparas (då som\nren text utan färg). --format markdown ger den som Markdown, --format html som en\nfristående webbsida med diagram och länskarta (går att skriva ut på A4); json/yaml ger\ndess siffror; tsv/csv/jsonl/ids ger projektlistan. -o FILE skriver ett dokument till en fil.",
        "Without --region: one row per county. With --region: that county's projects.\n\nTotal cost (finished projects), budgets (ongoing ones) and public support are summed\nseparately; projects without an amount are counted as such, never as 0. A project in\nseveral counties appears under each county and counts once in every total.\n\nThe report is the same document on a terminal and when piped or saved (then plain text,\nwithout colour). --format markdown gives it as Markdown, --format html as one self-contained\nweb page with charts and a county map (prints on A4); json/yaml give its numbers;\ntsv/csv/jsonl/ids give its project list. -o FILE writes a document to a file.",
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
    "opt.kind": (
        "forstudie, genomforande, information, utbildning, process (kan upprepas).",
        "forstudie, genomforande, information, utbildning, process (repeatable).",
    ),
    "opt.owner_type": (
        "kommun, region, lansstyrelse, myndighet, forening, foretag, universitet (kan upprepas).",
        "kommun, region, lansstyrelse, myndighet, forening, foretag, universitet (repeatable).",
    ),
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
        "table, json, jsonl, csv, tsv, yaml, ids eller markdown. Standard: table i terminalen, tsv när utdata "
        "skickas vidare.",
        "table, json, jsonl, csv, tsv, yaml, ids or markdown. Default: table on a terminal, tsv when piped.",
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
        "table, markdown, html, json, yaml (dokument); csv, tsv, jsonl, ids (projektlistan). Standard: "
        "dokumentet (table i terminalen, ren text när utdata skickas vidare); med -o efter filnamnet.",
        "table, markdown, html, json, yaml (documents); csv, tsv, jsonl, ids (the project list). "
        "Default: the document (table on a terminal, plain text when piped); with -o, from the file name.",
    ),
    "opt.output": (
        "Skriv dokumentet (markdown, html, json, yaml) till den här filen i stället för till standard ut; "
        "en fil som redan finns skrivs inte över utan --force.",
        "Write the document (markdown, html, json, yaml) to this file instead of stdout; "
        "an existing file is kept unless --force.",
    ),
    "opt.force": ("Med -o: skriv över filen om den redan finns.", "With -o: overwrite the file if it exists."),
    "opt.data_dir": (
        "Kunskapsbankens mapp, med projects/ (och eventuellt reference/). Standard: kunskapsbanken som följer med programmet.",
        "Knowledge base folder holding projects/ (and optionally reference/). Default: the bundled data.",
    ),
    "opt.no_cache": (
        "Läs filerna på nytt i stället för att använda indexcachen.",
        "Read the files afresh instead of using the index cache.",
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
        "text (standard), json, yaml eller citation (en färdig källhänvisning till en fotnot).",
        "text (default), json, yaml, or citation (a ready reference for a footnote).",
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
    "err.extra_arguments": ("oväntade extra argument ({args})", "got unexpected extra argument(s) ({args})"),
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
    "err.o_documents_only": (
        "-o skriver dokument ({formats}), inte {fmt}; styr om utdata i stället: > FIL",
        "-o writes documents ({formats}), not {fmt}; redirect it instead: > FILE",
    ),
    "err.limit_negative": ("--limit måste vara 0 (alla) eller mer.", "--limit must be 0 (all) or more."),
    "note.no_match": ("servicekb: inga projekt matchar sökningen.", "servicekb: no projects match the query."),
    "note.no_match_filtered": (
        "servicekb: inga projekt matchar sökningen och filtren.",
        "servicekb: no projects match the query and filters.",
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
    "validate.summary": (
        "{files} fil(er) kontrollerade: {valid} giltiga, {bad} med problem ({problems} problem).",
        "{files} file(s) checked: {valid} valid, {bad} with problems ({problems} problem(s)).",
    ),
    "cache.data_dir": ("kunskapsbankens mapp: {path}", "data directory: {path}"),
    "cache.cache_dir": ("cachemapp: {path}", "cache directory: {path}"),
    "cache.index_file": ("indexfil: {path}", "index file: {path}"),
    "cache.size": ("storlek: {size} byte", "size: {size} bytes"),
    "cache.indexed": (
        "indexerat: {projects} projekt från {files} fil(er), {invalid} ogiltiga",
        "indexed: {projects} project(s) from {files} file(s), {invalid} invalid",
    ),
    "cache.unreadable": (
        "oläsbar: {error} (byggs om vid nästa kommando)",
        "unreadable: {error} (it is rebuilt on the next command)",
    ),
    "cache.not_built": ("inte byggd än (nästa kommando bygger den)", "not built yet (the next command builds it)"),
    "cache.removed": ("tog bort {n} indexfil(er) från {path}", "removed {n} index file(s) from {path}"),
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
        "servicekb: skrev {file} ({n} projekt, schemaversion {version}) och {metadata}. "
        "Bläddra: datasette {file} -m {metadata}",
        "servicekb: wrote {file} ({n} project(s), schema version {version}) and {metadata}. "
        "Browse: datasette {file} -m {metadata}",
    ),
    "note.wrote_csv": (
        "servicekb: skrev {files} filer till {folder} ({n} projekt). Kontrollera: frictionless validate {package}",
        "servicekb: wrote {files} files to {folder} ({n} project(s)). Check: frictionless validate {package}",
    ),
    "note.nothing_written": (
        "servicekb: inga projekt matchar; inget skrevs.",
        "servicekb: no projects match; nothing written.",
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
        "kan inte avgöra formatet av filnamnet {path}; lägg till --format (markdown, html, json eller yaml) "
        "eller ge filen ändelsen {suffixes}.",
        "cannot tell the format from the file name {path}; add --format (markdown, html, json or yaml) "
        "or name the file {suffixes}.",
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
        "{name}: {n} project(s), rank {rank} of {of} counties by number of projects.",
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
    "show": (
        "servicekb show servicepunkt-2-0-i-hoga-kusten",
        "servicekb show leaxw --format citation",
    ),
    "stats": (
        "servicekb stats --by theme",
        "servicekb stats --by county --sort total-cost --format csv",
    ),
    "validate": ("servicekb validate data/projects/servicepunkt-2-0-i-hoga-kusten.yaml",),
    "schema": ("servicekb schema > project.schema.json",),
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


def take_language_option(args: list[str]) -> list[str]:
    """`--lang sv|en` (or `--lang=en`) anywhere before a `--`: chooses this run's language, as
    SERVICEKB_LANG does, and is taken out of the arguments. It is read before the command-line
    interface is imported, because help texts are put in words when their module is imported.
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
            os.environ["SERVICEKB_LANG"] = value.strip().lower()
            continue
        out.append(arg)
        i += 1
    return out


def t(key: str, **values: object) -> str:
    """The message `key` in this run's language, with `values` filled in."""
    sv, en = MESSAGES[key]
    text = sv if language() == "sv" else en
    return text.format(**values) if values else text


def help_text(name: str) -> str:
    """The help after a command's summary: `help.NAME` (if any), then its examples."""
    parts = [t(f"help.{name}")] if f"help.{name}" in MESSAGES else []
    lines = EXAMPLES.get(name, ())
    if lines:
        heading = t("help.examples" if len(lines) > 1 else "help.example")
        parts.append(f"{heading}\n\n\b\n" + "\n".join(f"  {line}" for line in lines))
    return "\n\n".join(parts)


def command_help(name: str) -> str:
    """A command's help: its one-line summary (`cmd.NAME`, also shown by `servicekb --help`),
    then the rest (see `help_text`)."""
    return t(f"cmd.{name}") + "\n\n" + help_text(name)


def status_label(status: str) -> str:
    return t(f"status.{status}") if f"status.{status}" in MESSAGES else status
