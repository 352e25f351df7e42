"""The observatory's dashboard in the admin: each indicator as a chart, its table beside the
previous edition's, and a CSV download."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from events.models import Edition
from observatory import charts, indicators

PERMISSION = "events.view_edition"


def _edition(request) -> Edition | None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    chosen = request.GET.get("edition")
    if chosen:
        return get_object_or_404(Edition, pk=chosen)
    return Edition.objects.current() or Edition.objects.order_by("-year").first()


def dashboard(request):
    edition = _edition(request)
    previous = indicators.previous_edition(edition) if edition else None
    before = {i.key: dict(i.rows) for i in indicators.indicators(previous)}
    rtl = (get_language() or "").startswith("ar")
    sections = [
        {
            "indicator": indicator,
            "chart": charts.bar_chart(
                indicator.rows, title=indicator.title, rtl=rtl, unit=indicator.unit
            ),
            "table": [
                (label, value, before.get(indicator.key, {}).get(label))
                for label, value in indicator.rows
            ],
        }
        for indicator in indicators.indicators(edition)
    ]
    return TemplateResponse(
        request,
        "observatory/dashboard.html",
        {
            "edition": edition,
            "previous": previous,
            "editions": Edition.objects.order_by("-year"),
            "sections": sections,
            "inside": indicators.people_inside(edition) if edition else 0,
        },
    )


def indicator_csv(request, key: str):
    edition = _edition(request)
    found = next((i for i in indicators.indicators(edition) if i.key == key), None)
    if found is None:
        raise Http404
    previous = indicators.previous_edition(edition)
    before = dict(next((i.rows for i in indicators.indicators(previous) if i.key == key), []))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}-{edition.year}.csv"'
    response.write("\ufeff")  # spreadsheet programs then read the Arabic right
    writer = csv.writer(response)
    header = [found.title, str(edition.year)]
    if previous:
        header.append(str(previous.year))
    writer.writerow(header)
    for label, value in found.rows:
        writer.writerow([label, value] + ([before.get(label, "")] if previous else []))
    return response
