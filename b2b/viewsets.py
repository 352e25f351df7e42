"""The B2B meetings in the Wagtail admin, in one "B2B meetings" menu: participants, requests,
blocks and meetings, with the page that places them. Their addresses stay under
/admin/partnerships/b2b/, where organisers have known them."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from b2b import scheduler
from b2b.admin import outcomes, views
from b2b.admin.forms import B2BBlockForm, B2BParticipantForm
from b2b.choices import MeetingHeld, RequestStatus
from b2b.models import (
    B2BBlock,
    B2BMeeting,
    B2BParticipant,
    B2BRegionPriority,
    B2BUnavailability,
    MeetingFeedback,
    MeetingRequest,
)
from b2b.services.availability import AVAILABILITY_ACTION
from b2b.services.meetings import (
    ACCEPTED_ACTION,
    CANCELLED_ACTION,
    CONFIRMED_ACTION,
    DECLINED_ACTION,
    MADE_ACTION,
    PLACED_ACTION,
    VIDEO_ACTION,
)
from b2b.services.outcomes import (
    AGREEMENT_STARTED_ACTION,
    COMMITMENT_MADE_ACTION,
    OUTCOME_CHANGED_ACTION,
    OUTCOME_GIVEN_ACTION,
)
from b2b.services.participants import LEFT_ACTION
from fairsite.viewsets import AdminPageViewSet, FairModelViewSet, InspectOnlyViewSet


class B2BParticipantViewSet(FairModelViewSet):
    model = B2BParticipant
    icon = "user"
    menu_label = _("B2B participants")
    url_prefix = "partnerships/b2b/participants"
    list_display = ["name", "organisation", "kind", "email", "edition", "is_active"]
    list_filter = ["edition", "kind", "is_active", "partner_region"]
    search_fields = ["name", "organisation", "email"]
    list_export = [
        "name",
        "organisation",
        "get_kind_display",
        "email",
        "language",
        "offers",
        "seeks",
        "is_active",
    ]
    export_headings = {"get_kind_display": _("Taking part as")}
    export_filename = "b2b-participants"
    inspect_view_fields_exclude = ["secret", "user"]
    add_view_class = views.B2BParticipantCreateView
    edit_view_class = views.B2BParticipantEditView
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("edition"), FieldPanel("kind")]),
            FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]),
            FieldRowPanel([FieldPanel("email"), FieldPanel("language")]),
            FieldPanel("offers"),
            FieldPanel("seeks"),
            MultiFieldPanel(
                [
                    FieldPanel("offer_topics", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("seek_topics", widget=forms.CheckboxSelectMultiple),
                    FieldRowPanel(
                        [
                            FieldPanel("roles", widget=forms.CheckboxSelectMultiple),
                            FieldPanel("roles_sought", widget=forms.CheckboxSelectMultiple),
                        ]
                    ),
                    FieldPanel("markets"),
                    FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("remote"),
                ],
                heading=_("What can be matched"),
            ),
            FieldPanel("priority"),
            MultiFieldPanel(
                [
                    FieldPanel("cooperative"),
                    FieldPanel("partner_region"),
                    FieldPanel("attendee"),
                    FieldPanel("speaker"),
                ],
                heading=_("Links"),
            ),
            FieldPanel("is_active"),
        ],
        base_form_class=B2BParticipantForm,
    )

    def get_queryset(self, request):
        return B2BParticipant.objects.select_related("edition")


def _amount(feedback: MeetingFeedback) -> str:
    return outcomes.amount_display(feedback.amount)


def _partner_regions(feedback: MeetingFeedback) -> str:
    return outcomes.partner_regions_display(feedback)


def _meeting_of(meeting_request: MeetingRequest) -> str:
    meeting = getattr(meeting_request, "meeting", None)
    return views.time_span(meeting) if meeting else ""


class MeetingRequestViewSet(FairModelViewSet):
    """Requests are made and answered by the participants: here they are read, and may be
    deleted, but not typed in or changed."""

    model = MeetingRequest
    icon = "mail"
    menu_label = _("Meeting requests")
    url_prefix = "partnerships/b2b/requests"
    delete_view_class = views.MeetingRequestDeleteView
    list_display = [
        "__str__",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda asked: asked.status == RequestStatus.ACCEPTED,
        ),
        Column("meeting", label=_("Meeting"), accessor=_meeting_of),
        "created_at",
        "answered_at",
    ]
    list_filter = ["status", "edition"]
    search_fields = ["requester__name", "recipient__name", "message"]
    list_export = [
        "requester.name",
        "requester.organisation",
        "recipient.name",
        "recipient.organisation",
        "get_status_display",
        "created_at",
        "answered_at",
    ]
    export_headings = {
        "requester.name": _("Asked by"),
        "requester.organisation": _("Organisation"),
        "recipient.name": _("Asked to"),
        "recipient.organisation": _("Organisation"),
        "get_status_display": _("Status"),
    }
    export_filename = "b2b-requests"
    form_fields = ["message"]

    def get_queryset(self, request):
        return MeetingRequest.objects.select_related("requester", "recipient", "meeting")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(**{"edit_url_name": None, **kwargs})

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(**{"edit_url_name": None, **kwargs})

    def get_urlpatterns(self):
        # The edit address shows the request (links to "edit" in history and reports).
        patterns = [p for p in super().get_urlpatterns() if p.name not in ("add", "edit")]
        return [*patterns, path("edit/<int:pk>/", self.inspect_view, name="edit")]


class B2BBlockViewSet(FairModelViewSet):
    model = B2BBlock
    icon = "time"
    menu_label = _("Meeting blocks")
    url_prefix = "partnerships/b2b/blocks"
    list_display = [
        "edition",
        Column("when", label=_("When"), accessor=views.time_span, sort_key="starts_at"),
        "slot_minutes",
        "tables",
        Column("slots", label=_("Slots"), accessor=lambda block: len(scheduler.slots_of([block]))),
        Column("place", label=_("Place"), accessor="place"),
    ]
    list_filter = ["edition"]
    edit_handler = ObjectList(
        [
            FieldPanel("edition"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldRowPanel([FieldPanel("slot_minutes"), FieldPanel("tables")]),
            MultiFieldPanel(
                [FieldPanel("place_ar"), FieldPanel("place_fr"), FieldPanel("place_en")],
                heading=_("Place"),
            ),
        ],
        base_form_class=B2BBlockForm,
    )

    def get_queryset(self, request):
        return B2BBlock.objects.select_related("edition")


class B2BMeetingViewSet(FairModelViewSet):
    """Meetings are placed by the rules (on acceptance, or by the placing page); here they
    are listed by time and table, confirmed, or removed."""

    model = B2BMeeting
    icon = "table"
    menu_label = _("B2B meetings")
    url_prefix = "partnerships/b2b/meetings"
    index_view_class = views.B2BMeetingIndexView
    delete_view_class = views.B2BMeetingCancelView
    list_display = [
        "request",
        Column("when", label=_("When"), accessor=views.time_span, sort_key="starts_at"),
        "table",
        BooleanColumn("confirmed", label=_("Confirmed")),
    ]
    list_filter = ["confirmed", "table", "request__edition"]
    search_fields = ["request__requester__name", "request__recipient__name"]
    list_export = [
        "starts_at",
        "ends_at",
        "table",
        "request.requester.name",
        "request.requester.organisation",
        "request.recipient.name",
        "request.recipient.organisation",
        "confirmed",
    ]
    export_headings = {
        "request.requester.name": _("Asked by"),
        "request.requester.organisation": _("Organisation"),
        "request.recipient.name": _("Asked to"),
        "request.recipient.organisation": _("Organisation"),
    }
    export_filename = "b2b-meetings"
    edit_view_class = views.B2BMeetingEditView
    form_fields = ["confirmed", "video_url"]
    inspect_view_fields = ["request", "starts_at", "ends_at", "table", "confirmed", "video_url"]

    def get_queryset(self, request):
        return B2BMeeting.objects.filter(cancelled_at__isnull=True).select_related(
            "request__requester", "request__recipient", "block"
        )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name != "add"]


class MeetingFeedbackViewSet(InspectOnlyViewSet):
    """What the two sides of each meeting said of it, for the partnerships officers only:
    read here, followed up by a commitment or an agreement; never typed in."""

    model = MeetingFeedback
    icon = "comment"
    menu_label = _("Meeting outcomes")
    url_prefix = "partnerships/b2b/outcomes"
    inspect_view_class = outcomes.MeetingFeedbackInspectView
    form_fields = ["note"]  # no form is shown: the sides give their answers on the site
    list_display = [
        "meeting",
        "participant",
        StatusTagColumn(
            "get_held_display",
            label=_("Did it take place?"),
            sort_key="held",
            primary=lambda feedback: feedback.held == MeetingHeld.HELD,
        ),
        Column("outcome", label=_("What came of it"), accessor="get_outcome_display"),
        Column("amount", label=_("Amount"), accessor=_amount),
        Column("partner_region", label=_("Partner regions"), accessor=_partner_regions),
    ]
    list_filter = ["held", "outcome", "meeting__request__edition", "participant__partner_region"]
    search_fields = ["participant__name", "participant__organisation", "note"]
    list_export = [
        "meeting.starts_at",
        "participant.name",
        "participant.organisation",
        "get_held_display",
        "get_outcome_display",
        "amount",
        "note",
    ]
    export_headings = {
        "meeting.starts_at": _("Meeting"),
        "participant.name": _("Said by"),
        "participant.organisation": _("Organisation"),
        "get_held_display": _("Did it take place?"),
        "get_outcome_display": _("What came of it"),
    }
    export_filename = "b2b-outcomes"
    inspect_view_fields = [
        "meeting",
        "participant",
        "held",
        "outcome",
        "amount",
        "note",
        "commitment",
        "agreement",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return outcomes.statements()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_urlpatterns(self):
        patterns = [p for p in super().get_urlpatterns() if p.name != "add"]
        return [
            *patterns,
            path("commitment/<int:pk>/", outcomes.outcome_commitment_view, name="commitment"),
            path("agreement/<int:pk>/", outcomes.outcome_agreement_view, name="agreement"),
        ]


class B2BRegionPriorityViewSet(FairModelViewSet):
    """How much the organisers want the participants to meet each partner region's
    delegation: the suggestions are computed again after each change."""

    model = B2BRegionPriority
    icon = "pick"
    menu_label = _("Partner region priorities")
    url_prefix = "partnerships/b2b/priorities"
    add_view_class = views.RegionPriorityCreateView
    edit_view_class = views.RegionPriorityEditView
    delete_view_class = views.RegionPriorityDeleteView
    list_display = ["partner_region", "edition", "weight"]
    list_filter = ["edition"]
    form_fields = ["edition", "partner_region", "weight"]

    def get_queryset(self, request):
        return B2BRegionPriority.objects.select_related("edition", "partner_region")


class B2BUnavailabilityViewSet(InspectOnlyViewSet):
    """The slots participants said they cannot make, as they gave them on the site: read
    here, never typed in."""

    model = B2BUnavailability
    icon = "time"
    menu_label = _("Unavailabilities")
    url_prefix = "partnerships/b2b/unavailabilities"
    form_fields = ["starts_at"]  # no form is shown: participants give them on the site
    list_display = [
        "participant",
        Column("when", label=_("When"), accessor=views.time_span, sort_key="starts_at"),
    ]
    list_filter = ["participant__edition"]
    search_fields = ["participant__name", "participant__organisation"]
    inspect_view_fields = ["participant", "starts_at", "ends_at"]

    def get_queryset(self, request):
        return B2BUnavailability.objects.select_related("participant")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name != "add"]


class B2BPlacementViewSet(AdminPageViewSet):
    icon = "calendar-check"
    menu_label = _("Place the meetings")
    url_prefix = "partnerships/b2b/place"
    view = staticmethod(views.b2b_placement)
    permission = "b2b.add_b2bmeeting"


class B2BViewSetGroup(ViewSetGroup):
    menu_label = _("B2B meetings")
    menu_icon = "group"
    menu_order = 216
    items = (
        B2BParticipantViewSet("b2b_participants"),
        MeetingRequestViewSet("b2b_requests"),
        B2BBlockViewSet("b2b_blocks"),
        B2BMeetingViewSet("b2b_meetings"),
        MeetingFeedbackViewSet("b2b_feedback"),
        B2BUnavailabilityViewSet("b2b_unavailabilities"),
        B2BRegionPriorityViewSet("b2b_region_priorities"),
        B2BPlacementViewSet("b2b_placement"),
    )


def register_b2b_log_actions(actions) -> None:
    actions.register_action(MADE_ACTION, _("Ask for a meeting"), _("Meeting asked for"))
    actions.register_action(ACCEPTED_ACTION, _("Accept a meeting"), _("Meeting accepted"))
    actions.register_action(DECLINED_ACTION, _("Decline a meeting"), _("Meeting declined"))
    actions.register_action(CANCELLED_ACTION, _("Call a meeting off"), _("Meeting called off"))
    actions.register_action(CONFIRMED_ACTION, _("Confirm a meeting"), _("Meeting confirmed"))
    actions.register_action(PLACED_ACTION, _("Place the meetings"), _("Meetings placed"))
    actions.register_action(LEFT_ACTION, _("Leave the meetings"), _("Participant left"))
    actions.register_action(AVAILABILITY_ACTION, _("Set one's availability"), _("Availability set"))
    actions.register_action(VIDEO_ACTION, _("Set a meeting's video link"), _("Video link set"))
    actions.register_action(
        OUTCOME_GIVEN_ACTION, _("Say what came of a meeting"), _("Meeting outcome given")
    )
    actions.register_action(
        OUTCOME_CHANGED_ACTION, _("Change what came of a meeting"), _("Meeting outcome changed")
    )
    actions.register_action(
        COMMITMENT_MADE_ACTION,
        _("Make a commitment of a meeting outcome"),
        _("Commitment made of the outcome"),
    )
    actions.register_action(
        AGREEMENT_STARTED_ACTION,
        _("Start an agreement from a meeting outcome"),
        _("Agreement started from the outcome"),
    )
