"""The calendar of changes, its .ics feed, and the products' pages."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from flask import Response, g, render_template, request, url_for
from flask_babel import format_currency
from flask_babel import gettext as _

from portal.calendar import bp, ics, queries
from portal.extensions import db
from portal.htmx import render_page_or_block
from portal.http.pagecache import ENVIRON_FLAG, cacheable
from portal.i18n import absolute, languages
from portal.models import Product
from portal.models.content import utcnow


def _today() -> date:
    """Today (UTC); a kept calendar page expires at the next midnight, since it marks today."""
    today = utcnow().date()
    state = request.environ.get(ENVIRON_FLAG)
    if state is not None:
        midnight = datetime.combine(today + timedelta(days=1), time.min)
        expires = min(state.expires, midnight) if state.expires else midnight
        request.environ[ENVIRON_FLAG] = state._replace(expires=expires)
    return today


def _addresses(endpoint: str, query: str = "", **args) -> None:
    suffix = f"?{query}" if query else ""
    g.alternates = {lang: url_for(endpoint, lang=lang, **args) + suffix for lang in languages()}
    g.canonical = g.alternates[g.lang]


@bp.route("/<lang>/calendar/")
@cacheable
def calendar():
    """Changes by month, from today for the next 12 months; filters as on listings."""
    today = _today()
    filters = queries.parse_filters(request.args)
    changes, upcoming = queries.calendar(filters, today)
    months: dict[date, list] = {}
    for change in changes:
        months.setdefault(change.effective_date.replace(day=1), []).append(change)
    query = filters.query_string()
    _addresses("calendar.calendar", query)
    return render_page_or_block(
        "calendar/calendar.html",
        "results",
        push_url=g.canonical,
        filters=filters,
        options=queries.options(),
        months=list(months.items()),
        total=len(changes),
        upcoming=upcoming,
        today=today,
        soon=today + timedelta(days=queries.SOON_DAYS),
        span=filters.span(today),
        ics_url=url_for("calendar.ics_feed") + (f"?{query}" if query else ""),
    )


@bp.route("/<lang>/calendar.ics")
@cacheable
def ics_feed():
    """The calendar's changes as iCalendar, with the calendar's filters."""
    filters = queries.parse_filters(request.args)
    body = ics.calendar_file(queries.all_changes(filters), _("What changes when"))
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = "inline; filename=calendar.ics"
    response.add_etag()
    return response.make_conditional(request)


@bp.route("/<lang>/products/")
@cacheable
def products():
    """Every product with a public change, by maker."""
    _addresses("calendar.products")
    return render_template("calendar/products.html", groups=queries.products_by_maker())


@bp.route("/<lang>/products/<slug>/")
@cacheable
def product(slug: str):
    """A product's timeline, its price over time and every update about it."""
    found = db.one_or_404(queries.public_products().where(Product.slug == slug))
    changes = queries.product_changes(found)
    _addresses("calendar.product", slug=slug)
    return render_template(
        "calendar/product.html",
        product=found,
        changes=changes,
        charts=[(key, step_chart(series)) for key, series in queries.price_series(changes)],
        updates=queries.product_updates(changes),
        json_ld=_product_ld(found),
        today=utcnow().date(),
    )


def _product_ld(product: Product) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "SoftwareApplication",
        "name": product.label(),
        "applicationCategory": "AI model",
        "url": absolute(url_for("calendar.product", slug=product.slug)),
        "author": {"@type": "Organization", "name": product.maker.name},
    }
    if description := product.description():
        data["description"] = description
    # `<` escaped: a description can never close the script element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


WIDTH, HEIGHT, PAD = 600, 200, 40


def step_chart(series: list) -> dict:
    """An SVG step chart of price over time: the old price up to the first change, then
    each new price from its date, to today or the last change."""
    points = [(series[0].effective_date, series[0].old_price)] if series[0].old_price else []
    points += [(c.effective_date, c.new_price) for c in series]
    first = points[0][0] - timedelta(days=30 if series[0].old_price else 0)
    last = max(utcnow().date(), points[-1][0]) + timedelta(days=1)
    top = float(max(p for _, p in points)) * 1.1
    days = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(PAD + (day - first).days / days * (WIDTH - 2 * PAD), 1)

    def y(price) -> float:
        return round(HEIGHT - PAD - float(price) / top * (HEIGHT - 2 * PAD), 1)

    path, price = [], points[0][1]
    path.append((x(first), y(price)))
    for day, new in points[1:] if series[0].old_price else points:
        path += [(x(day), y(price)), (x(day), y(new))]
        price = new
    path.append((x(last), y(price)))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "points": " ".join(f"{a},{b}" for a, b in path),
        "axis_y": HEIGHT - PAD,
        "pad": PAD,
        "top": top,
        "first": first,
        "last": last,
        "marks": [(x(day), y(p), p) for day, p in points],
    }


@bp.app_template_global()
def price(value, currency: str) -> str:
    """A price in the page's locale."""
    return format_currency(value, currency) if value is not None else ""


@bp.app_template_global()
def products_named(q: str) -> list:
    """Products a search names (portal.calendar.queries.matching_products)."""
    return queries.matching_products(q) if q else []
