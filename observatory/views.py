"""The observatory's dashboard in the admin: each indicator as a chart, its table beside the
previous edition's, and a CSV download."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from events.models import Edition
from observatory import charts, indicators
from observatory.figures import figures_for, figures_refresh

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
    language = (get_language() or "ar").split("-")[0]
    if edition is not None and request.method == "POST":  # "count again now"
        figures_refresh(edition=edition, language=language)
        return redirect(f"{request.path}?edition={edition.pk}")
    previous = indicators.previous_edition(edition) if edition else None
    now = figures_for(edition=edition, language=language) if edition else None
    then = figures_for(edition=previous, language=language) if previous else None
    before = {i.key: dict(i.rows) for i in (then.indicators if then else [])}
    rtl = language == "ar"
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
        for indicator in (now.indicators if now else [])
    ]
    return TemplateResponse(
        request,
        "observatory/dashboard.html",
        {
            "edition": edition,
            "previous": previous,
            "editions": Edition.objects.order_by("-year"),
            "sections": sections,
            "inside": now.inside if now else 0,
            "counted_at": now.counted_at if now else None,
        },
    )


def indicator_csv(request, key: str):
    edition = _edition(request)
    if edition is None:
        raise Http404
    language = (get_language() or "ar").split("-")[0]
    now = figures_for(edition=edition, language=language)
    found = next((i for i in now.indicators if i.key == key), None)
    if found is None:
        raise Http404
    previous = indicators.previous_edition(edition)
    then = figures_for(edition=previous, language=language) if previous else None
    before = dict(next((i.rows for i in (then.indicators if then else []) if i.key == key), []))
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
