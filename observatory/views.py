"""The observatory's dashboard in the admin: each indicator as a chart, its table beside the
previous edition's, and CSV and XLSX downloads; and the public figures page."""

from functools import wraps

from django import forms
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from events.models import Edition
from fairsite.i18n import active_language
from observatory import exports, presenting
from observatory.services.figures import figures_refresh

PERMISSION = "events.view_edition"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class EditionChoice(forms.Form):
    edition = forms.ModelChoiceField(
        queryset=Edition.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("There is no such edition.")},
    )


def _edition(request) -> Edition | None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    choice = EditionChoice(request.GET)
    if not choice.is_valid():
        raise BadRequest(choice.errors["edition"][0])
    return (
        choice.cleaned_data["edition"]
        or Edition.objects.current()
        or Edition.objects.order_by("-year").first()
    )


def _bad_request_answered(view):
    """A chosen edition that is none (a typed or altered address) gets a page saying so."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadRequest as error:
            return TemplateResponse(
                request, "observatory/bad_request.html", {"error": str(error)}, status=400
            )

    return wrapper


@_bad_request_answered
def dashboard(request):
    edition = _edition(request)
    language = active_language()
    if edition is not None and request.method == "POST":  # "count again now"
        figures_refresh(edition=edition, language=language)
        return redirect(f"{request.path}?edition={edition.pk}")
    context = {"edition": edition, "editions": Edition.objects.order_by("-year"), "sections": []}
    if edition is not None:
        previous, now, then = presenting.dashboard_figures(edition, language)
        context.update(
            previous=previous,
            sections=presenting.sections(now, then, rtl=language == "ar"),
            inside=now.inside,
            counted_at=now.counted_at,
        )
    return TemplateResponse(request, "observatory/dashboard.html", context)


def _tables(request) -> tuple[Edition, list[exports.Table]]:
    edition = _edition(request)
    if edition is None:
        raise Http404
    previous, now, then = presenting.dashboard_figures(edition, active_language())
    return edition, exports.tables(
        now, then, year=edition.year, previous_year=previous.year if previous else None
    )


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@_bad_request_answered
def indicator_download(request, key: str, extension: str):
    """One indicator's table as CSV or XLSX."""
    edition, tables = _tables(request)
    table = next((t for t in tables if t.key == key), None)
    if table is None:
        raise Http404
    filename = f"{key}-{edition.year}.{extension}"
    if extension == "csv":
        return _download(exports.as_csv(table), "text/csv; charset=utf-8", filename)
    return _download(exports.as_xlsx([table], rtl=active_language() == "ar"), XLSX, filename)


@_bad_request_answered
def workbook(request):
    """Every indicator in one workbook, a sheet each."""
    edition, tables = _tables(request)
    content = exports.as_xlsx(tables, rtl=active_language() == "ar")
    return _download(content, XLSX, f"indicators-{edition.year}.xlsx")


def figures_page_view(request, page):
    """/<lang>/figures/: the published indicators of the current edition."""
    return page.render(
        request, context_overrides=presenting.public_sections(language=page.locale.language_code)
    )
