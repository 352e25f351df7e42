"""The programme in the Wagtail admin, in one "Programme" menu: the schedule, sessions, rooms
with their availability, tracks, speakers and the public list of changes."""

import datetime

import django_filters
from django import forms
from django.urls import path
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import AdminDateInput

from events.fair_clock import edition_zone
from events.models import Edition
from fairsite.admin_forms import LanguageFieldsForm
from fairsite.i18n import join_list
from fairsite.viewsets import AdminPageViewSet, FairModelViewSet
from programme.admin import forms as admin_forms
from programme.admin import views
from programme.choices import SessionStatus
from programme.models import Room, Session, SessionChange, Speaker, Track
from programme.services.sessions import CANCELLED_ACTION, PUBLISHED_ACTION


def _names(*fields, heading):
    return MultiFieldPanel([FieldPanel(name) for name in fields], heading=heading)


class ScheduleViewSet(AdminPageViewSet):
    icon = "calendar"
    menu_label = pgettext_lazy("programme", "Schedule")
    url_prefix = "programme/schedule"
    view = staticmethod(views.schedule)
    permission = "programme.view_session"


class SessionFilterSet(WagtailFilterSet):
    day = django_filters.DateFilter(label=_("Day"), method="filter_day", widget=AdminDateInput)

    class Meta:
        model = Session
        fields = ["edition", "day", "room", "track", "type", "status"]

    def filter_day(self, queryset, name, value):
        """Sessions starting on that day on the edition's clocks."""
        edition = self.form.cleaned_data.get("edition") or Edition.objects.current()
        zone = edition_zone(edition)
        midnight = datetime.datetime.combine(value, datetime.time(), tzinfo=zone)
        next_midnight = datetime.datetime.combine(
            value + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
        )
        return queryset.filter(starts_at__gte=midnight, starts_at__lt=next_midnight)


class SessionViewSet(FairModelViewSet):
    model = Session
    icon = "time"
    menu_label = _("Sessions")
    url_prefix = "programme/sessions"
    index_view_class = views.SessionIndexView
    add_view_class = views.SessionCreateView
    edit_view_class = views.SessionEditView
    delete_view_class = views.SessionDeleteView
    inspect_view_class = views.SessionInspectView
    list_display = [
        "__str__",
        Column("when", label=_("When"), accessor=views.session_span, sort_key="starts_at"),
        "room",
        "track",
        "type",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda session: session.status == SessionStatus.PUBLISHED,
        ),
        "sequence",
    ]
    filterset_class = SessionFilterSet
    search_fields = ["title_ar", "title_fr", "title_en"]
    inspect_view_fields = [
        "title_ar",
        "title_fr",
        "title_en",
        "edition",
        "type",
        "track",
        "language",
        "room",
        "starts_at",
        "ends_at",
        "speakers",
        "capacity",
        "signup_required",
        "release_after_minutes",
        "status",
        "sequence",
        "uid",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("edition"), FieldPanel("type")]),
            _names("title_ar", "title_fr", "title_en", heading=_("Title")),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldPanel("room"),
                ],
                heading=_("Time and room"),
            ),
            FieldRowPanel([FieldPanel("track"), FieldPanel("language")]),
            FieldPanel("speakers", widget=forms.CheckboxSelectMultiple),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("signup_required")]),
            FieldPanel("release_after_minutes"),
            _names("description_ar", "description_fr", "description_en", heading=_("Description")),
        ],
        base_form_class=admin_forms.SessionForm,
    )

    def get_queryset(self, request):
        return Session.objects.select_related("edition", "room", "track")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("publish/<int:pk>/", views.session_publish_view, name="publish"),
            path("cancel/<int:pk>/", views.session_cancel_view, name="cancel"),
        ]


class RoomViewSet(FairModelViewSet):
    model = Room
    icon = "site"
    menu_label = _("Rooms")
    url_prefix = "programme/rooms"
    list_display = ["__str__", "venue", "capacity", "order"]
    list_filter = ["venue"]
    search_fields = ["name_ar", "name_fr", "name_en"]
    inspect_view_class = views.RoomInspectView
    edit_handler = ObjectList(
        [
            FieldPanel("venue"),
            _names("name_ar", "name_fr", "name_en", heading=_("Name")),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("order")]),
            InlinePanel(
                "availability",
                heading=_("Availability windows"),
                label=_("Window"),
                help_text=_(
                    "When the room may be used, on the fair's clocks. Without any window, the "
                    "room is free on every day of the edition."
                ),
            ),
        ],
        base_form_class=LanguageFieldsForm,
    )

    def get_queryset(self, request):
        return Room.objects.select_related("venue")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/pair/", views.room_pair_view, name="pair"),
            path(
                "<int:pk>/devices/<int:device_pk>/unpair/",
                views.room_unpair_view,
                name="unpair",
            ),
        ]


def _swatch(track: Track):
    return format_html(
        '<span style="display:inline-block;inline-size:1.2em;block-size:1.2em;'
        'vertical-align:middle;border-radius:0.2em;background:{}"></span> {}',
        track.colour,
        track.colour,
    )


class TrackViewSet(FairModelViewSet):
    model = Track
    icon = "tag"
    menu_label = _("Tracks")
    url_prefix = "programme/tracks"
    list_display = [
        "__str__",
        Column("colour", label=_("Colour"), accessor=_swatch),
        "edition",
        "order",
    ]
    list_filter = ["edition"]
    search_fields = ["name_ar", "name_fr", "name_en", "slug"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("edition"), FieldPanel("slug")]),
            _names("name_ar", "name_fr", "name_en", heading=_("Name")),
            FieldRowPanel(
                [
                    FieldPanel("colour", widget=forms.TextInput(attrs={"type": "color"})),
                    FieldPanel("order"),
                ]
            ),
        ],
        base_form_class=LanguageFieldsForm,
    )

    def get_queryset(self, request):
        return Track.objects.select_related("edition")


class SpeakerViewSet(FairModelViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    url_prefix = "programme/speakers"
    list_display = [
        "__str__",
        Column("organisation", label=_("Organisation"), accessor="organisation"),
        Column("country", label=_("Country"), accessor="country"),
        Column(
            "languages",
            label=_("Languages spoken"),
            accessor=lambda speaker: join_list(speaker.get_languages_display()),
        ),
    ]
    search_fields = [
        "name_ar",
        "name_latin",
        "organisation_ar",
        "organisation_fr",
        "organisation_en",
        "country_ar",
        "country_fr",
    ]
    edit_handler = ObjectList(
        [
            _names("name_ar", "name_latin", heading=_("Name")),
            _names(
                "organisation_ar", "organisation_fr", "organisation_en", heading=_("Organisation")
            ),
            _names("country_ar", "country_fr", "country_en", heading=_("Country")),
            FieldPanel("photo"),
            FieldPanel("languages"),
            _names("bio_ar", "bio_fr", "bio_en", heading=_("Biography")),
        ],
        base_form_class=admin_forms.SpeakerForm,
    )


def _previous_time(change: SessionChange) -> str:
    zone = edition_zone(change.session.edition)
    return date_format(change.previous_starts_at.astimezone(zone), "D j F Y H:i")


class SessionChangeViewSet(FairModelViewSet):
    """The public list of changes to published sessions: read only."""

    model = SessionChange
    icon = "history"
    menu_label = _("Programme changes")
    url_prefix = "programme/changes"
    index_view_class = views.SessionChangeIndexView
    list_display = [
        "session",
        "kind",
        "sequence",
        Column("was_at", label=_("Was at"), accessor=_previous_time),
        "previous_room",
        "created_at",
        "notified_at",
    ]
    list_filter = ["kind", "session__edition"]
    form_fields = []

    def get_queryset(self, request):
        return SessionChange.objects.select_related("session__edition", "previous_room")


class ProgrammeViewSetGroup(ViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "calendar"
    menu_order = 205
    items = (
        ScheduleViewSet("programme_schedule"),
        SessionViewSet("sessions"),
        RoomViewSet("rooms"),
        TrackViewSet("tracks"),
        SpeakerViewSet("speakers"),
        SessionChangeViewSet("session_changes"),
    )


def register_session_log_actions(actions) -> None:
    actions.register_action(PUBLISHED_ACTION, _("Publish session"), _("Session published"))
    actions.register_action(CANCELLED_ACTION, _("Cancel session"), _("Session cancelled"))
