"""Organiser screens of the programme beyond Wagtail's generic ones: sessions saved through
the programme's rules, publishing and cancelling, and the day-by-room schedule.

Times are read and entered on the edition's clocks (its time zone), whatever the time zone
of the server or of the organiser's account.
"""

import datetime

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.widgets import HeaderButton

from events.admin.devices import device_views, devices_context
from events.fair_clock import JOIN, LTR, POP, edition_zone
from events.models import Edition
from fairsite.admin_inspect import FairInspectView
from fairsite.admin_views import ExtraHeaderButtonsMixin
from programme.choices import AttendanceVia, SessionStatus, SignupStatus
from programme.errors import ProgrammeError
from programme.models import Room, RoomDevice, Session
from programme.schedule_grid import schedule_grid
from programme.services.sessions import (
    Clash,
    programme_clashes,
    session_cancel,
    session_cancel_check,
    session_clashes,
    session_publish,
    session_publish_check,
    session_save,
)


def session_span(session: Session) -> str:
    """When the session is, on its edition's clocks: "Wed 13 May 2030 · 10:00–11:30"."""
    zone = edition_zone(session.edition)
    starts = session.starts_at.astimezone(zone)
    ends = session.ends_at.astimezone(zone)
    day = date_format(starts, "D j F Y")
    if ends.date() != starts.date():
        last_day = date_format(ends, "D j F")
        return f"{day} · {LTR}{starts:%H:%M}{POP} – {last_day} {LTR}{ends:%H:%M}{POP}"
    return f"{day} · {LTR}{starts:%H:%M}{JOIN}–{JOIN}{ends:%H:%M}{POP}"


def refusal_messages(error: ProgrammeError) -> list[str]:
    return [clash.message for clash in error.clashes] or [str(error)]


def _can_change(user) -> bool:
    return user.has_perm("programme.change_session")


class SessionActionButtonsMixin:
    """Publish and cancel in the page's header, as the session's status allows."""

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        session = self.object
        if session is not None and session.pk and _can_change(self.request.user):
            if session.status == SessionStatus.DRAFT:
                buttons.append(
                    HeaderButton(
                        _("Publish"),
                        url=reverse("sessions:publish", args=[session.pk]),
                        icon_name="globe",
                        priority=10,
                    )
                )
            if session.status != SessionStatus.CANCELLED:
                buttons.append(
                    HeaderButton(
                        _("Cancel session"),
                        url=reverse("sessions:cancel", args=[session.pk]),
                        icon_name="circle-xmark",
                        priority=20,
                    )
                )
        buttons.append(
            HeaderButton(
                pgettext("programme", "Schedule"),
                url=schedule_url(session.edition_id if session else None),
                icon_name="calendar",
                icon_only=True,
                priority=30,
            )
        )
        return buttons


def schedule_url(edition_id: int | None = None, day: datetime.date | None = None) -> str:
    query = {}
    if edition_id:
        query["edition"] = edition_id
    if day:
        query["day"] = day.isoformat()
    url = reverse("programme_schedule:index")
    return f"{url}?{urlencode(query)}" if query else url


def _warn(request, session: Session, soft: list[Clash]) -> None:
    """Soft clashes as warnings; for a draft, also the hard ones that will stop it from
    being published."""
    for clash in soft:
        messages.warning(request, clash.message)
    if session.status == SessionStatus.DRAFT:
        for clash in session_clashes(session):
            if clash.hard:
                messages.warning(
                    request,
                    _("Before it can be published: %(clash)s") % {"clash": clash.message},
                )


class SessionSaveMixin:
    """Create and edit: the session is saved by the programme's `session_save`, never by the
    form; a hard clash it refuses comes back as an error of the form, naming both sessions."""

    def get_available_actions(self):
        return [*super().get_available_actions(), "publish"]

    def save_instance(self):
        session = self.form.save(commit=False)
        was_draft = session.status == SessionStatus.DRAFT
        if self.action == "publish" and was_draft:
            session.status = SessionStatus.PUBLISHED
        self.sequence_before = session.sequence
        self.soft_clashes = session_save(
            session=session,
            speakers=list(self.form.cleaned_data.get("speakers", [])),
            by=self.request.user,
            content_changed=self.form.has_changed() or session.pk is None,
        )
        return session

    def form_valid(self, form):
        self.form = form
        status = form.instance.status
        try:
            with transaction.atomic():
                self.object = self.save_instance()
        except ProgrammeError as error:
            form.instance.status = status
            for message in refusal_messages(error):
                form.add_error(None, message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        response = self.save_action()
        _warn(self.request, self.object, self.soft_clashes)
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = self.object if getattr(self, "object", None) else None
        context["session"] = session
        context["can_publish"] = session is None or session.status == SessionStatus.DRAFT
        shows_clashes = session and not session.is_cancelled and self.request.method == "GET"
        context["clashes"] = session_clashes(session) if shows_clashes else []
        return context


class SessionCreateView(SessionSaveMixin, CreateView):
    template_name = "programme/admin/session_form.html"

    def get_success_message(self, instance):
        if instance.status == SessionStatus.PUBLISHED:
            return _("“%(session)s” is created and published.") % {"session": instance}
        return super().get_success_message(instance)


class SessionEditView(SessionActionButtonsMixin, SessionSaveMixin, EditView):
    template_name = "programme/admin/session_form.html"

    def get_queryset(self):
        return Session.objects.select_related("edition", "room", "track")

    @cached_property
    def can_delete(self):
        return self.object.status == SessionStatus.DRAFT and super().can_delete

    def get_success_message(self):
        if self.object.sequence > self.sequence_before:
            return _(
                "“%(session)s” is updated (revision %(sequence)s): calendars will show the change."
            ) % {"session": self.object, "sequence": self.object.sequence}
        return super().get_success_message()


class SessionInspectView(SessionActionButtonsMixin, FairInspectView):
    template_name = "programme/admin/session_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Session.objects.select_related("edition", "room", "track"), pk=self.pk
        )

    def get_starts_at_display_value(self):
        return session_span(self.object)

    def get_ends_at_display_value(self):
        zone = edition_zone(self.object.edition)
        return date_format(self.object.ends_at.astimezone(zone), "D j F Y H:i")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = self.object
        signups = session.signups.values_list("status", flat=True)
        context.update(
            session=session,
            clashes=session_clashes(session) if not session.is_cancelled else [],
            confirmed=sum(1 for status in signups if status == SignupStatus.CONFIRMED),
            waiting=sum(1 for status in signups if status == SignupStatus.WAITING),
            changes=session.changes.select_related("previous_room")[:20],
            released=session.signups.filter(released_at__isnull=False).count(),
            attended=session.attendances.count(),
            walk_ins=session.attendances.filter(via=AttendanceVia.WALK_IN).count(),
        )
        return context


class SessionDeleteView(DeleteView):
    """Only drafts are deleted: a session once published is cancelled instead, so that
    calendars and the people signed up learn of it."""

    def _refuse(self):
        if self.object.status == SessionStatus.DRAFT:
            return None
        messages.error(
            self.request,
            _(
                "Only a draft session can be deleted. Cancel this one instead: calendars "
                "and the people signed up are then told."
            ),
        )
        return redirect("sessions:edit", self.object.pk)

    def get(self, request, *args, **kwargs):
        return self._refuse() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refuse() or super().post(request, *args, **kwargs)


class SessionIndexView(ExtraHeaderButtonsMixin, IndexView):
    template_name = "programme/admin/session_index.html"
    extra_header_buttons = [
        (pgettext_lazy("programme", "Schedule"), "programme_schedule:index", "calendar")
    ]

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="session"), *super().columns]

    def _get_title_column(self, *args, **kwargs):
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda session: f"session_{session.pk}_title"
        )


class SessionChangeIndexView(IndexView):
    """The public list of changes, for reading only: changes are recorded by the rules."""

    def get_add_url(self):
        return None

    def get_edit_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None


def _session_or_404(pk) -> Session:
    return get_object_or_404(Session.objects.select_related("edition", "room", "track"), pk=pk)


def session_publish_view(request, pk):
    """Publish a draft: the page first shows what stands in the way, or what to know."""
    if not _can_change(request.user):
        raise PermissionDenied
    session = _session_or_404(pk)
    edit_url = reverse("sessions:edit", args=[session.pk])
    try:
        session_publish_check(session=session)
    except ProgrammeError as error:
        messages.error(request, str(error))
        return redirect(edit_url)
    if request.method == "POST":
        try:
            soft = session_publish(session=session, by=request.user)
        except ProgrammeError as error:
            session.status = SessionStatus.DRAFT
            for message in refusal_messages(error):
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("“%(session)s” is published: it is on the public programme and in calendars.")
                % {"session": session},
            )
            _warn(request, session, soft)
            return redirect(edit_url)
    clashes = session_clashes(session)
    return TemplateResponse(
        request,
        "programme/admin/session_confirm.html",
        {
            "session": session,
            "span": session_span(session),
            "action": "publish",
            "hard": [clash for clash in clashes if clash.hard],
            "soft": [clash for clash in clashes if not clash.hard],
            "edit_url": edit_url,
        },
    )


def session_cancel_view(request, pk):
    """Cancel a session after a confirmation; the people signed up are told by e-mail."""
    if not _can_change(request.user):
        raise PermissionDenied
    session = _session_or_404(pk)
    edit_url = reverse("sessions:edit", args=[session.pk])
    try:
        session_cancel_check(session=session)
    except ProgrammeError as error:
        messages.error(request, str(error))
        return redirect(edit_url)
    people = session.signups.exclude(status=SignupStatus.CANCELLED).count()
    if request.method == "POST":
        try:
            session_cancel(session=session, by=request.user)
        except ProgrammeError as error:
            messages.error(request, str(error))
        else:
            if people:
                done = ngettext(
                    "“%(session)s” is cancelled. %(count)s person signed up is told by e-mail.",
                    "“%(session)s” is cancelled. %(count)s people signed up are told by e-mail.",
                    people,
                )
            else:
                done = _("“%(session)s” is cancelled.")
            messages.success(request, done % {"session": session, "count": people})
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "programme/admin/session_confirm.html",
        {
            "session": session,
            "span": session_span(session),
            "action": "cancel",
            "people": people,
            "edit_url": edit_url,
        },
    )


def _pick_day(value: str | None, days: list[datetime.date], today: datetime.date):
    try:
        wanted = datetime.date.fromisoformat(value) if value else None
    except ValueError:
        wanted = None
    for candidate in (wanted, today):
        if candidate in days:
            return candidate
    return days[0]


def _schedule_rooms(edition, sessions) -> list[Room]:
    """The venue's rooms, free or not, and any other room a session is in."""
    by_pk = {room.pk: room for room in Room.objects.filter(venue_id=edition.venue_id)}
    for session in sessions:
        if session.room_id and session.room_id not in by_pk:
            by_pk[session.room_id] = session.room
    return sorted(by_pk.values(), key=lambda room: (room.order, room.name_fr, room.pk))


def _day_clashes(day_sessions, clashes) -> tuple[list[dict], list[dict]]:
    """The day's hard clashes (each between two sessions listed once) and soft ones."""
    hard, soft = [], []
    for session in day_sessions:
        for clash in clashes.get(session.pk, []):
            if not clash.hard:
                soft.append({"clash": clash, "session": session})
            elif clash.other is None or clash.other.pk > session.pk:
                # A clash between two sessions is found from both sides: list it once.
                hard.append({"clash": clash, "session": session, "other": clash.other})
    return hard, soft


@permission_required("programme.view_session", raise_exception=True)
def schedule(request):
    """A day of the programme, room by room, with its clashes; the queries made do not
    depend on the number of sessions."""
    editions = list(Edition.objects.select_related("venue"))
    wanted = request.GET.get("edition")
    edition = (
        next((e for e in editions if str(e.pk) == wanted), None)
        or next((e for e in editions if e.is_current), None)
        or (editions[0] if editions else None)
    )
    context = {"editions": editions, "edition": edition}
    if edition is None:
        return TemplateResponse(request, "programme/admin/schedule.html", context)

    zone = edition_zone(edition)
    sessions = list(
        Session.objects.filter(edition=edition)
        .select_related("room", "track")
        .prefetch_related("speakers")
        .order_by("starts_at", "pk")
    )
    clashes = programme_clashes(edition)
    local_days = {session.pk: session.starts_at.astimezone(zone).date() for session in sessions}
    days = sorted(set(edition.days) | set(local_days.values()))
    day = _pick_day(request.GET.get("day"), days, timezone.localdate(timezone=zone))

    rooms = _schedule_rooms(edition, sessions)

    day_sessions = [session for session in sessions if local_days[session.pk] == day]
    hard, soft = _day_clashes(day_sessions, clashes)
    hard_by_day = {}
    for session in sessions:
        if any(clash.hard for clash in clashes.get(session.pk, [])):
            hard_by_day[local_days[session.pk]] = hard_by_day.get(local_days[session.pk], 0) + 1

    tracks = {}
    for session in day_sessions:
        if session.track_id:
            tracks[session.track_id] = session.track
    context.update(
        zone=zone,
        day=day,
        days=[
            {
                "day": each,
                "url": schedule_url(edition.pk, each),
                "hard": hard_by_day.get(each, 0),
                "outside": each not in edition.days,
            }
            for each in days
        ],
        grid=schedule_grid(sessions=day_sessions, rooms=rooms, day=day, zone=zone, clashes=clashes),
        hard=hard,
        soft=soft,
        tracks=sorted(tracks.values(), key=lambda track: (track.order, track.name_fr)),
        session_count=len(day_sessions),
        can_add=request.user.has_perm("programme.add_session"),
    )
    return TemplateResponse(request, "programme/admin/schedule.html", context)


class RoomInspectView(FairInspectView):
    """The room, and the devices paired to scan at its door."""

    template_name = "programme/admin/room_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(devices_context(RoomDevice, self.object, namespace="rooms"))
        return context


room_pair_view, room_unpair_view = device_views(
    RoomDevice, permission="programme.change_room", namespace="rooms"
)
