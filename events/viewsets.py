from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup

from events.admin import views as admin_views
from events.admin.views import (
    AttendeeCreateView,
    BadgeEditView,
    BadgeInspectView,
    GateInspectView,
)
from events.choices import AttendeeCategory
from events.models import Attendee, Badge, CheckIn, Edition, Gate, OpeningHours, Venue
from events.services.badges import (
    DAYS_CHANGED_ACTION,
    IMPORTED_ACTION,
    REISSUED_ACTION,
    REVOKED_ACTION,
)
from events.services.devices import PAIRED_ACTION, PAIRING_ACTION, UNPAIRED_ACTION
from events.services.people import MERGED_ACTION
from fairsite.admin_forms import LanguageFieldsForm
from fairsite.admin_views import ExtraHeaderButtonsMixin
from fairsite.viewsets import FairModelViewSet


class EditionViewSet(FairModelViewSet):
    model = Edition
    icon = "date"
    menu_label = _("Editions")
    add_to_admin_menu = False
    list_display = ["__str__", "year", "starts_on", "ends_on", "status", "is_current"]
    list_filter = ["status", "is_current"]
    search_fields = ["name_ar", "name_fr", "name_en", "year"]
    form_fields = [
        "year",
        "number",
        "name_ar",
        "name_fr",
        "name_en",
        "starts_on",
        "ends_on",
        "venue",
        "time_zone",
        "exhibitor_registration_opens_at",
        "exhibitor_registration_closes_at",
        "visitor_registration_opens_at",
        "visitor_registration_closes_at",
        "status",
        "unlimited_entry",
        "rehearsal",
        "is_current",
    ]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "unlimited_entry":
            return forms.TypedMultipleChoiceField(
                label=db_field.verbose_name,
                help_text=db_field.help_text,
                choices=AttendeeCategory.choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        return super().formfield_for_dbfield(db_field, **kwargs)


def _in_languages(field, heading):
    return MultiFieldPanel(
        [FieldPanel(f"{field}_{code}") for code in ("ar", "fr", "en")], heading=heading
    )


class VenueViewSet(FairModelViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    add_to_admin_menu = False
    list_display = ["__str__", Column("city", label=_("City"), accessor="city")]
    search_fields = ["name_ar", "name_fr", "name_en", "city_ar", "city_fr", "city_en"]
    panels = [
        _in_languages("name", _("Name")),
        _in_languages("address", _("Address")),
        _in_languages("city", _("City")),
        _in_languages("directions", _("How to get there")),
        FieldPanel("access_map"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map")),
    ]
    edit_handler = ObjectList(panels, base_form_class=LanguageFieldsForm)


class OpeningHoursViewSet(FairModelViewSet):
    """The hours the fair is open to the public, a row per day of an edition."""

    model = OpeningHours
    icon = "time"
    menu_label = _("Opening hours")
    add_to_admin_menu = False
    inspect_view_enabled = False
    list_display = ["date", "edition", "opens", "closes"]
    list_filter = ["edition"]
    panels = [
        FieldPanel("edition"),
        FieldPanel("date"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        _in_languages("note", _("Note")),
    ]
    edit_handler = ObjectList(panels, base_form_class=LanguageFieldsForm)

    def get_queryset(self, request):
        return OpeningHours.objects.select_related("edition")


class AttendeeIndexView(ExtraHeaderButtonsMixin, IndexView):
    extra_header_buttons = [(_("Import a CSV file"), "attendees:import", "upload")]


class AttendeeViewSet(FairModelViewSet):
    model = Attendee
    icon = "user"
    menu_label = _("Attendees")
    add_to_admin_menu = False
    index_view_class = AttendeeIndexView
    add_view_class = AttendeeCreateView
    list_display = ["__str__", "category", "organisation", "email", "edition"]
    list_filter = ["edition", "category", "how_heard"]
    search_fields = ["full_name", "organisation", "email"]
    list_export = [
        "full_name",
        "organisation",
        "email",
        "get_category_display",
        "language",
        "how_heard",
        "created_at",
    ]
    export_filename = "attendees"
    form_fields = ["edition", "category", "full_name", "organisation", "email", "language"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", admin_views.attendee_import, name="import"),
        ]


class BadgeIndexView(ExtraHeaderButtonsMixin, IndexView):
    extra_header_buttons = [(_("Print in batches"), "badges:print_jobs", "doc-full")]


class BadgeViewSet(FairModelViewSet):
    model = Badge
    index_view_class = BadgeIndexView
    icon = "tag"
    menu_label = _("Badges")
    add_to_admin_menu = False
    list_display = ["attendee", "category", "status", "issued_at", "printed_at", "inside"]
    list_filter = ["edition", "category", "status", "inside"]
    search_fields = ["attendee__full_name", "attendee__email", "attendee__organisation"]
    edit_view_class = BadgeEditView
    panels = [
        FieldRowPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_until")],
            heading=_("Valid days"),
            help_text=_(
                "The days are signed into the badge's code, which gates also check offline: "
                "changing them issues a new badge to its holder, and the one they have stops "
                "passing."
            ),
        )
    ]
    inspect_view_class = BadgeInspectView

    def get_queryset(self, request):
        return Badge.objects.select_related("attendee", "edition")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/badge.pdf", admin_views.badge_pdf, name="pdf"),
            path("<int:pk>/reissue/", admin_views.badge_reissue_view, name="reissue"),
            path("<int:pk>/revoke/", admin_views.badge_revoke_view, name="revoke"),
            path("print/", admin_views.print_jobs, name="print_jobs"),
            path("print/<int:pk>/", admin_views.print_job, name="print_job"),
            path("print/<int:pk>/badges.pdf", admin_views.print_job_file, name="print_job_file"),
        ]


class GateViewSet(FairModelViewSet):
    model = Gate
    icon = "login"
    menu_label = _("Gates")
    add_to_admin_menu = False
    list_display = ["__str__", "slug", "is_active"]
    form_fields = ["slug", "name_ar", "name_fr", "name_en", "is_active"]
    inspect_view_class = GateInspectView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/pair/", admin_views.gate_pair_view, name="pair"),
            path(
                "<int:pk>/devices/<int:device_pk>/unpair/",
                admin_views.gate_unpair_view,
                name="unpair",
            ),
        ]


class CheckInIndexView(ExtraHeaderButtonsMixin, IndexView):
    extra_header_buttons = [(_("Today at the gates"), "checkins:today", "view")]


class CheckInViewSet(FairModelViewSet):
    """The scan log: read only, as an append-only log should be."""

    model = CheckIn
    icon = "list-ul"
    menu_label = _("Check-ins")
    add_to_admin_menu = False
    index_view_class = CheckInIndexView
    list_display = ["scanned_at", "gate", "direction", "result", "badge", "offline", "flagged"]
    list_filter = ["gate", "result", "direction", "offline", "flagged"]
    list_export = [
        "scanned_at",
        "gate",
        "direction",
        "result",
        "badge",
        "offline",
        "flagged",
        "device",
    ]
    export_filename = "checkins"
    form_fields = []

    def get_queryset(self, request):
        return CheckIn.objects.select_related("gate", "badge__attendee")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("today/", admin_views.checkin_dashboard, name="today"),
        ]


class FairViewSetGroup(ViewSetGroup):
    menu_label = _("Fair")
    menu_icon = "date"
    menu_order = 200
    items = (
        EditionViewSet("editions"),
        VenueViewSet("venues"),
        OpeningHoursViewSet("opening_hours"),
        AttendeeViewSet("attendees"),
        BadgeViewSet("badges"),
        GateViewSet("gates"),
        CheckInViewSet("checkins"),
    )


def register_events_log_actions(actions) -> None:
    actions.register_action(REVOKED_ACTION, _("Revoke badge"), _("Badge revoked"))
    actions.register_action(REISSUED_ACTION, _("Reissue badge"), _("Badge reissued"))
    actions.register_action(
        MERGED_ACTION, _("Merge two registrations"), _("Registrations of one person merged")
    )
    actions.register_action(
        DAYS_CHANGED_ACTION, _("Change a badge's days"), _("Badge reissued for other days")
    )
    actions.register_action(
        PAIRING_ACTION, _("Start pairing a device"), _("Device pairing started")
    )
    actions.register_action(PAIRED_ACTION, _("Pair a device"), _("Device paired"))
    actions.register_action(UNPAIRED_ACTION, _("Unpair a device"), _("Device unpaired"))
    actions.register_action(IMPORTED_ACTION, _("Import attendees"), _("Attendees imported"))
