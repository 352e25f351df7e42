"""Organiser screens for badges and gates beyond Wagtail's generic ones."""

import datetime

from django import forms
from django.contrib.auth.decorators import permission_required
from django.db.models import Count
from django.db.models.functions import ExtractHour
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.generic import CreateView, EditView

from events.admin.devices import device_views, devices_context
from events.choices import AttendeeCategory, Direction, ScanResult
from events.errors import BadgeError, ImportRefused
from events.fair_clock import edition_zone
from events.models import Badge, BadgePrintJob, CheckIn, Edition, GateDevice
from events.pdf import badges_pdf
from events.services.attendees import ImportReport, attendees_import
from events.services.badges import (
    attendee_register,
    badge_days_change,
    badge_reissue,
    badge_revoke,
)
from events.services.printing import print_job_create, print_selection
from fairsite.admin_inspect import FairInspectView
from fairsite.uploads import private_file_response


class AttendeeCreateView(CreateView):
    """Adding an attendee in the admin issues their badge at once."""

    def save_instance(self):
        data = self.form.cleaned_data
        attendee, _badge = attendee_register(
            edition=data["edition"],
            category=data["category"],
            full_name=data.get("full_name", ""),
            organisation=data.get("organisation", ""),
            email=data.get("email", ""),
            language=data.get("language", "ar"),
        )
        return attendee


class BadgeEditView(EditView):
    """The badge's days: they are signed into its code, so a change issues a new badge
    (`badge_days_change`), and the organiser is told so and shown the new one."""

    def form_valid(self, form):
        self.form = form
        self.replaced = Badge.objects.get(pk=form.instance.pk)  # the form changed its copy
        try:
            self.object = badge_days_change(
                badge=self.replaced,
                valid_from=form.cleaned_data["valid_from"],
                valid_until=form.cleaned_data["valid_until"],
                by=self.request.user,
            )
        except BadgeError as error:
            form.add_error(None, str(error))
            self.produced_error_message = str(error)
            return self.form_invalid(form)
        return self.save_action()

    def get_success_message(self):
        if self.object.pk == self.replaced.pk:
            return _("The badge's days have not changed.")
        if self.object.attendee.email or self.object.attendee.phone:
            return _(
                "The days are signed into the badge's code: a new badge with the new days "
                "replaces it and has been sent to its holder. The old one no longer passes "
                "at any gate, online or offline."
            )
        return _(
            "The days are signed into the badge's code: a new badge with the new days "
            "replaces it. Print it and hand it over: the old one no longer passes at any "
            "gate, online or offline."
        )

    def get_success_url(self):
        return _inspect(self.object)


class BadgeInspectView(FairInspectView):
    template_name = "events/admin/badge_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        badge = self.object
        context.update(
            badge=badge,
            checkins=badge.checkins.select_related("gate")[:20],
            pdf_url=reverse("badges:pdf", args=[badge.pk]),
            reissue_url=reverse("badges:reissue", args=[badge.pk]),
            revoke_url=reverse("badges:revoke", args=[badge.pk]),
        )
        return context


class GateInspectView(FairInspectView):
    template_name = "events/admin/gate_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(devices_context(GateDevice, self.object, namespace="gates"))
        return context


@permission_required("events.view_badge", raise_exception=True)
def badge_pdf(request, pk):
    badge = get_object_or_404(Badge.objects.select_related("attendee", "edition"), pk=pk)
    response = HttpResponse(
        badges_pdf([badge], language=badge.attendee.language), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="badge-{badge.pk}.pdf"'
    return response


@require_POST
@permission_required("events.change_badge", raise_exception=True)
def badge_reissue_view(request, pk):
    badge = get_object_or_404(Badge, pk=pk)
    try:
        new = badge_reissue(badge=badge, by=request.user)
    except BadgeError as error:
        messages.error(request, str(error))
        return redirect(_inspect(badge))
    messages.success(request, _("The old code is revoked; here is the new badge."))
    return redirect(_inspect(new))


@require_POST
@permission_required("events.change_badge", raise_exception=True)
def badge_revoke_view(request, pk):
    badge = badge_revoke(badge=get_object_or_404(Badge, pk=pk), by=request.user)
    messages.success(request, _("The badge is revoked: every gate refuses it from now on."))
    return redirect(_inspect(badge))


gate_pair_view, gate_unpair_view = device_views(
    GateDevice, permission="events.change_gate", namespace="gates"
)


class AttendeeImportForm(forms.Form):
    category = forms.ChoiceField(label=gettext_lazy("Category"), choices=AttendeeCategory.choices)
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, with a header line: full_name, organisation, email, language (ar, fr or en)."
        ),
    )


@permission_required("events.add_attendee", raise_exception=True)
def attendee_import(request):
    """Attendees from a spreadsheet: good rows are kept, bad ones reported line by line."""
    edition = Edition.objects.current()
    form = AttendeeImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid() and edition is not None:
        try:
            report = attendees_import(
                edition=edition,
                category=form.cleaned_data["category"],
                content=form.cleaned_data["file"].read(),
                by=request.user,
            )
        except ImportRefused as error:
            report = ImportReport(errors=[(1, str(error))])
        messages.success(
            request,
            _("%(added)s attendees added with their badges; %(refused)s lines refused.")
            % {"added": report.added, "refused": len(report.errors)},
        )
    return TemplateResponse(
        request,
        "events/admin/attendee_import.html",
        {"form": form, "report": report, "edition": edition},
    )


@permission_required("events.view_checkin", raise_exception=True)
def checkin_dashboard(request):
    """Today at the gates: entries per gate and hour, and who is inside now, by category."""
    edition = Edition.objects.current()
    zone = edition_zone(edition)
    today = timezone.localdate(timezone=zone)
    starts = datetime.datetime.combine(today, datetime.time(), tzinfo=zone)
    ends = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
    )
    entries = CheckIn.objects.filter(
        result=ScanResult.OK,
        direction=Direction.IN,
        scanned_at__gte=starts,
        scanned_at__lt=ends,
    )
    by_gate_hour = (
        entries.annotate(hour=ExtractHour("scanned_at", tzinfo=zone))
        .values("gate__slug", "hour")
        .annotate(count=Count("id"))
        .order_by("gate__slug", "hour")
    )
    hours = sorted({row["hour"] for row in by_gate_hour})
    table = {}
    for row in by_gate_hour:
        table.setdefault(row["gate__slug"], {})[row["hour"]] = row["count"]
    inside = (
        (Badge.objects.inside_now(edition) if edition else Badge.objects.none())
        .values("category")
        .annotate(count=Count("id"))
        .order_by("category")
    )
    labels = dict(AttendeeCategory.choices)
    # The page asks for its figures again every few seconds (static/js/admin-live.js): with
    # ?fragment=1 it gets them alone, without the admin's frame around them.
    template = (
        "events/admin/checkin_figures.html"
        if request.GET.get("fragment")
        else "events/admin/checkin_dashboard.html"
    )
    return TemplateResponse(
        request,
        template,
        {
            "edition": edition,
            "today": today,
            "updated_at": timezone.localtime(timezone=zone).time(),
            "hours": hours,
            "rows": [
                (gate, [cells.get(hour, 0) for hour in hours], sum(cells.values()))
                for gate, cells in table.items()
            ],
            "inside": [(labels[row["category"]], row["count"]) for row in inside],
            "inside_total": sum(row["count"] for row in inside),
            "entries_total": entries.count(),
            "refused_total": CheckIn.objects.filter(scanned_at__date=today)
            .exclude(result=ScanResult.OK)
            .count(),
        },
    )


def _inspect(badge: Badge) -> str:
    return reverse("badges:inspect", args=[badge.pk])


class PrintForm(forms.Form):
    category = forms.ChoiceField(
        label=gettext_lazy("Category"),
        choices=[("", gettext_lazy("All categories")), *AttendeeCategory.choices],
        required=False,
    )
    unprinted_only = forms.BooleanField(
        label=gettext_lazy("Only badges not printed yet"), required=False, initial=True
    )


@permission_required("events.view_badge", raise_exception=True)
def print_jobs(request):
    """Start a batch print; the page warns when the selection holds badges printed before."""
    edition = Edition.objects.current()
    form = PrintForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and edition is not None:
        data = form.cleaned_data
        already = (
            print_selection(edition=edition, category=data["category"], unprinted_only=False)
            .filter(printed_at__isnull=False)
            .count()
        )
        if already and not data["unprinted_only"] and "confirm" not in request.POST:
            messages.warning(
                request,
                _("%(count)s of these badges were already printed. Print them again?")
                % {"count": already},
            )
            return TemplateResponse(
                request,
                "events/admin/print_jobs.html",
                {
                    "form": form,
                    "edition": edition,
                    "confirm": True,
                    "jobs": BadgePrintJob.objects.all()[:20],
                },
            )
        job = print_job_create(
            edition=edition,
            category=data["category"],
            unprinted_only=data["unprinted_only"],
            by=request.user,
        )
        return redirect("badges:print_job", job.pk)
    return TemplateResponse(
        request,
        "events/admin/print_jobs.html",
        {"form": form, "edition": edition, "jobs": BadgePrintJob.objects.all()[:20]},
    )


@permission_required("events.view_badge", raise_exception=True)
def print_job(request, pk):
    job = get_object_or_404(BadgePrintJob, pk=pk)
    return TemplateResponse(request, "events/admin/print_job.html", {"job": job})


@permission_required("events.view_badge", raise_exception=True)
def print_job_file(request, pk):
    job = get_object_or_404(BadgePrintJob, pk=pk, status=BadgePrintJob.Status.DONE)
    if not job.file:
        raise Http404
    return private_file_response(job.file, filename=f"badges-{job.pk}")
