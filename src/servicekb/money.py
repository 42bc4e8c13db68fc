"""Money rules, in one place: how amounts are summed, counted and shown.

- A finished project's `total_cost_sek`, an ongoing one's `budget_sek` and `public_support_sek`
  are different things: they are summed in separate columns, never added together.
- A project with no amount is counted as "no amount on record", never as 0.
- A project listed under several counties appears under each county; a grand total counts
  every project once. A county's sums say how much of them comes from such shared projects
  (`MoneySummary.shared`), and `own_projects` leaves them out (`--own`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Optional

MAX_KRONOR = 10**15  # amounts are 0 ≤ x < 10^15 kr: ample, and far inside SQLite's 64-bit integers
_AMOUNT_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009_")


def check_kronor(amount: int) -> Optional[str]:
    """Why an amount is out of range (a `problem.*` message key), or None: the one range rule
    for files and options."""
    if amount < 0:
        return "kronor_negative"
    if amount >= MAX_KRONOR:
        return "kronor_too_large"
    return None


def parse_amount(text: Optional[str], option: str) -> Optional[int]:
    """An amount typed on the command line: '1000000', '1 000 000', '1 000 000 kr' → 1000000."""
    from .errors import UsageError
    from .messages import t

    if text is None:
        return None
    cleaned = text.strip().lower()
    for unit in ("kronor", "sek", "kr"):
        if cleaned.endswith(unit):
            cleaned = cleaned[: -len(unit)]
            break
    cleaned = cleaned.translate(_AMOUNT_SPACES)
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise UsageError(t("err.amount_format", option=option, text=repr(text)))
    # Only digits are left, so the one way out of range is too large; the length test comes
    # first so that a 5,000-digit number is never converted.
    if len(cleaned) > 16 or check_kronor(int(cleaned)):
        raise UsageError(t("err.amount_too_large", option=option, text=repr(text)))
    return int(cleaned)


def grouped(number: int) -> str:
    """Thousands grouped with spaces, as every number is printed: 1442919 → '1 442 919'."""
    return f"{number:,}".replace(",", " ")


def format_sek(amount: Optional[int], unknown: str = "–") -> str:
    """Swedish style: 1442919 → '1 442 919 kr'; None → '–' (no amount on record)."""
    if amount is None:
        return unknown
    return grouped(amount) + " kr"


class AmountSum:
    """The sum of one amount field over some projects, honest about what is unknown."""

    __slots__ = ("known", "total", "unknown")

    def __init__(self) -> None:
        self.total = 0
        self.known = 0  # projects with this amount on record
        self.unknown = 0  # projects without it

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AmountSum) and (self.total, self.known, self.unknown) == (
            other.total,
            other.known,
            other.unknown,
        )

    __hash__ = None  # type: ignore[assignment]

    def add(self, amount: Optional[int]) -> None:
        if amount is None:
            self.unknown += 1
        else:
            self.total += amount
            self.known += 1

    @property
    def value(self) -> Optional[int]:
        """The sum, or None when no project has the amount (not 0: nothing is known)."""
        return self.total if self.known else None


class MoneySummary:
    """Counts and separate sums over a set of projects, each project counted once.

    (Plain classes, not dataclasses, here and above: report and stats create these types at
    import, and a dataclass costs a compile of each generated method.)"""

    __slots__ = ("budget", "costs", "projects", "public_support", "shared", "total_cost", "without_amount")

    def __init__(self, shared: Optional[MoneySummary] = None) -> None:
        self.projects = 0
        self.total_cost = AmountSum()
        self.budget = AmountSum()
        self.public_support = AmountSum()
        self.without_amount = 0  # projects with neither a total cost nor a budget
        self.costs: list[int] = []  # known totals/budgets, for the median
        # A county's sums only: the part of them from projects shared with other counties (None: not told).
        self.shared = shared

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MoneySummary) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    __hash__ = None  # type: ignore[assignment]

    def add(self, record: dict) -> None:
        f = record["funding"]
        self.projects += 1
        self.total_cost.add(f["total_cost_sek"])
        self.budget.add(f["budget_sek"])
        self.public_support.add(f["public_support_sek"])
        amount = project_amount(record)
        if amount is None:
            self.without_amount += 1
        else:
            self.costs.append(amount)

    @property
    def median_cost(self) -> Optional[int]:
        """Median of the known project amounts (total cost, or budget when not finished).

        As statistics.median (the mean of the two middle values of an even count), without
        importing it: `statistics` brings decimal, fractions and random, a few ms per run."""
        if not self.costs:
            return None
        ordered = sorted(self.costs)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else round((ordered[middle - 1] + ordered[middle]) / 2)

    def as_dict(self) -> dict:
        shared = {} if self.shared is None else {"shared_with_other_counties": self.shared.as_dict()}
        return {
            "projects": self.projects,
            "total_cost_sek": self.total_cost.value,
            "total_cost_projects": self.total_cost.known,
            "budget_sek": self.budget.value,
            "budget_projects": self.budget.known,
            "public_support_sek": self.public_support.value,
            "public_support_projects": self.public_support.known,
            "without_amount": self.without_amount,
            "median_cost_sek": self.median_cost,
            **shared,
        }

    def describe(self) -> list[str]:
        """The summary in words (this run's language), honest about what is unknown."""
        from .messages import t

        def line(label: str, amount: AmountSum, of_what: str, part: Optional[AmountSum]) -> str:
            if not amount.known:
                return f"{t(label)}: {t('rep.no_amount')}"
            text = f"{t(label)}: {format_sek(amount.total)} ({amount.known} {t(of_what)})"
            if part is not None and part.known:  # what is quoted says how much other counties share
                text += t("rep.of_which_shared", amount=format_sek(part.total), n=part.known)
            return text

        sh = self.shared
        return [
            line("rep.total_cost", self.total_cost, "rep.with_amount", sh.total_cost if sh else None),
            line("rep.budget", self.budget, "rep.with_budget", sh.budget if sh else None),
            line("rep.support", self.public_support, "rep.with_support", sh.public_support if sh else None),
            t("rep.without", n=self.without_amount, total=self.projects),
        ]


def cost_amount(total_cost_sek: Optional[int], budget_sek: Optional[int]) -> Optional[int]:
    """THE money rule: a project's own amount is its actual total cost, else (not finished)
    its budget; None when neither is on record. Every other module calls this."""
    return total_cost_sek if total_cost_sek is not None else budget_sek


def cost_kind(record: dict) -> Optional[str]:
    """Which amount `project_amount` is: 'total_cost', 'budget', or None when neither is known."""
    f = record.get("funding") or {}
    if f.get("total_cost_sek") is not None:
        return "total_cost"
    return "budget" if f.get("budget_sek") is not None else None


def project_amount(record: dict) -> Optional[int]:
    """A project record's own amount (see `cost_amount`)."""
    f = record.get("funding") or {}
    return cost_amount(f.get("total_cost_sek"), f.get("budget_sek"))


def is_shared(record: dict) -> bool:
    """THE rule for a shared project: it works in more than one county, so its whole amount
    stands in each of their sums."""
    return len(record["geography"]["counties"]) > 1


def own_projects(records: Iterable[dict]) -> list[dict]:
    """The projects that no other county shares (`--own`): in one county, or nationwide."""
    return [r for r in records if not is_shared(r)]


def summarise(records: Iterable[dict], shared: bool = False) -> MoneySummary:
    """Sums over projects, each counted once; `shared`: also the part from shared projects
    (a county's sums)."""
    s = MoneySummary(shared=MoneySummary() if shared else None)
    for r in records:
        s.add(r)
        if s.shared is not None and is_shared(r):
            s.shared.add(r)
    return s


# Groups for projects without a value to group by: keys, never shown (people read `group.*` of the
# message table, machine formats carry null). They start with "(" so that they sort after the names.
NATIONAL = "(no-county)"  # the group of projects with no county (nationwide ones)
NO_OWNER = "(no-owner)"
NO_MUNICIPALITY = "(no-municipality)"
PLACEHOLDER_LABELS = {NATIONAL: "group.no_county", NO_OWNER: "group.no_owner", NO_MUNICIPALITY: "group.no_municipality"}


def counties_or_national(record: dict) -> list[str]:
    """A project's county groups: its counties, or the one group of projects without a county."""
    return record["geography"]["counties"] or [NATIONAL]


def placeholder_label(value: str) -> str:
    """A group's name for people: the placeholder groups in words of this run's language."""
    from .messages import t

    key = PLACEHOLDER_LABELS.get(value)
    return t(key) if key else value


def group_by(
    records: Iterable[dict], keys: Callable[[dict], Iterable[str]], shared: bool = False
) -> dict[str, MoneySummary]:
    """Sums per group. A project with several keys (counties, tags) counts in each group;
    add the groups up and such projects count more than once — use `summarise` for totals.
    `shared` (groups that are counties): each sum also says how much comes from shared projects."""
    out: dict[str, MoneySummary] = {}
    for r in records:
        for key in keys(r):
            s = out.setdefault(key, MoneySummary(shared=MoneySummary() if shared else None))
            s.add(r)
            if s.shared is not None and is_shared(r):
                s.shared.add(r)
    return out
