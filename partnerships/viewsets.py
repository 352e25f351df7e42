"""The partnerships register in the Wagtail admin, in one "Partnerships" menu: partner
regions, agreements, commitments and partnership meetings."""

import datetime

import django_filters
from django import forms
from django.db import connection
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from fairsite.admin_forms import LanguageFieldsForm
from fairsite.admin_inspect import FairSnippetInspectView
from fairsite.choosers import SnippetChooserViewSet
from fairsite.i18n import join_list
from fairsite.viewsets import FairModelViewSet
from partnerships.admin import meetings, views
from partnerships.admin.forms import (
    AgreementForm,
    CommitmentForm,
    PartnershipMeetingForm,
)
from partnerships.choices import AgreementStatus, CommitmentStatus, Domain
from partnerships.models import Agreement, Commitment, PartnerRegion, PartnershipMeeting
from partnerships.services.agreements import BADGES_ACTION, RENEWED_ACTION, TERMINATED_ACTION

MENU_HOOK = "register_partnerships_menu_item"
DUE_SOON = datetime.timedelta(days=30)
OPEN_COMMITMENT = [CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS]


def _in_languages(*fields, heading):
    return MultiFieldPanel([FieldPanel(name) for name in fields], heading=heading)


class PartnerRegionViewSet(SnippetViewSet):
    """Partner regions are snippets: pages and forms choose them."""

    model = PartnerRegion
    chooser_viewset_class = SnippetChooserViewSet
    icon = "site"
    menu_label = _("Partner regions")
    menu_hook = MENU_HOOK
    menu_order = 0
    url_prefix = "partnerships/regions"
    url_namespace = "partner_regions"
    list_display = [
        "__str__",
        Column("country", label=_("Country"), accessor="country"),
        "continent",
        BooleanColumn("is_sample", label=_("Sample data")),
    ]
    list_filter = ["continent", "is_sample"]
    search_fields = ["name_ar", "name_fr", "name_en", "country_fr", "country_ar", "slug"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = FairSnippetInspectView
    edit_handler = ObjectList(
        [
            FieldPanel("slug"),
            _in_languages("name_ar", "name_fr", "name_en", heading=_("Name")),
            _in_languages("country_ar", "country_fr", "country_en", heading=_("Country")),
            FieldRowPanel(
                [FieldPanel("country_code"), FieldPanel("continent")], heading=_("Where")
            ),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            _in_languages(
                "description_ar", "description_fr", "description_en", heading=_("Description")
            ),
            FieldPanel("logo"),
            FieldPanel("is_public"),
            FieldPanel("is_sample"),
        ],
        base_form_class=LanguageFieldsForm,
    )


class AgreementFilterSet(WagtailFilterSet):
    domain = django_filters.ChoiceFilter(
        label=_("Domain"), choices=Domain.choices, method="filter_domain"
    )

    class Meta:
        model = Agreement
        fields = ["status", "type", "partner_regions", "domain", "is_public"]

    def filter_domain(self, queryset, name, value):
        if connection.features.supports_json_field_contains:
            return queryset.filter(domains__contains=[value])
        # SQLite: the JSON list as text holds the code between quotes.
        return queryset.filter(domains__icontains=f'"{value}"')


def _partners(agreement: Agreement) -> str:
    return join_list(agreement.partner_regions.all())


class AgreementViewSet(FairModelViewSet):
    model = Agreement
    icon = "doc-full"
    menu_label = _("Agreements")
    url_prefix = "partnerships/agreements"
    index_view_class = views.AgreementIndexView
    add_view_class = views.AgreementCreateView
    edit_view_class = views.AgreementEditView
    delete_view_class = views.AgreementDeleteView
    inspect_view_class = views.AgreementInspectView
    list_display = [
        "reference",
        Column("title", label=_("Title"), accessor="title"),
        "type",
        Column("partners", label=_("Partner regions"), accessor=_partners),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda agreement: (
                agreement.status in (AgreementStatus.IN_FORCE, AgreementStatus.EXPIRING_SOON)
            ),
        ),
        "signed_on",
        Column("ends", label=_("End of the current period"), accessor=views.agreement_current_end),
    ]
    filterset_class = AgreementFilterSet
    search_fields = ["reference", "title_ar", "title_fr", "title_en"]
    list_export = [
        "reference",
        "title_ar",
        "title_fr",
        "title_en",
        "get_type_display",
        "partner_regions",
        "other_parties_ar",
        "other_parties_fr",
        "other_parties_en",
        "signed_on",
        "signed_at_ar",
        "signed_at_fr",
        "signed_at_en",
        "effective_from",
        "duration_months",
        "expires_on",
        "get_renewal_display",
        "notice_months",
        "domains",
        "get_status_display",
        "terminated_on",
        "budget",
        "funded_by_ar",
        "funded_by_fr",
        "funded_by_en",
        "is_public",
    ]
    export_headings = {
        "get_type_display": _("Type"),
        "get_renewal_display": _("Renewal"),
        "get_status_display": _("Status"),
    }
    export_filename = "agreements"
    inspect_view_fields = [
        "reference",
        "title_ar",
        "title_fr",
        "title_en",
        "type",
        "status",
        "partner_regions",
        "other_parties_ar",
        "other_parties_fr",
        "other_parties_en",
        "signed_on",
        "signed_at_ar",
        "signed_at_fr",
        "signed_at_en",
        "effective_from",
        "duration_months",
        "expires_on",
        "renewal",
        "notice_months",
        "terminated_on",
        "renews",
        "domains",
        "summary_ar",
        "summary_fr",
        "summary_en",
        "budget",
        "funded_by_ar",
        "funded_by_fr",
        "funded_by_en",
        "budget_is_public",
        "document",
        "is_public",
        "internal_notes",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("reference"), FieldPanel("type")]),
            _in_languages("title_ar", "title_fr", "title_en", heading=_("Title")),
            MultiFieldPanel(
                [
                    FieldPanel("partner_regions", widget=forms.CheckboxSelectMultiple),
                    _in_languages(
                        "other_parties_ar",
                        "other_parties_fr",
                        "other_parties_en",
                        heading=_("Other parties"),
                    ),
                ],
                heading=_("Parties"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("signed_on"),
                    _in_languages(
                        "signed_at_ar", "signed_at_fr", "signed_at_en", heading=_("Signed at")
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("effective_from"),
                            FieldPanel("duration_months"),
                            FieldPanel("expires_on"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("renewal"), FieldPanel("notice_months")]),
                    FieldPanel("renews"),
                ],
                heading=_("Dates and renewal"),
                help_text=_("The status follows from these dates when the agreement is saved."),
            ),
            FieldPanel("domains"),
            _in_languages("summary_ar", "summary_fr", "summary_en", heading=_("Summary")),
            MultiFieldPanel(
                [
                    FieldPanel("budget"),
                    _in_languages(
                        "funded_by_ar", "funded_by_fr", "funded_by_en", heading=_("Funded by")
                    ),
                    FieldPanel("budget_is_public"),
                ],
                heading=_("Budget"),
            ),
            FieldPanel("document"),
            FieldPanel("is_public"),
            FieldPanel("internal_notes"),
        ],
        base_form_class=AgreementForm,
    )

    def get_queryset(self, request):
        return Agreement.objects.prefetch_related("partner_regions")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("document/<int:pk>/", views.agreement_document, name="document"),
            path("terminate/<int:pk>/", views.agreement_terminate_view, name="terminate"),
            path("renew/<int:pk>/", views.agreement_renew_view, name="renew"),
        ]


class CommitmentFilterSet(WagtailFilterSet):
    due = django_filters.ChoiceFilter(
        label=_("Due"),
        choices=[("overdue", _("Overdue")), ("soon", _("Due within 30 days"))],
        method="filter_due",
    )

    class Meta:
        model = Commitment
        fields = ["due", "status", "agreement"]

    def filter_due(self, queryset, name, value):
        today = timezone.localdate()
        open_ = queryset.filter(status__in=OPEN_COMMITMENT, due_on__isnull=False)
        if value == "overdue":
            return open_.filter(due_on__lt=today)
        return open_.filter(due_on__gte=today, due_on__lte=today + DUE_SOON)


def _overdue(commitment: Commitment) -> bool:
    return commitment.is_overdue(timezone.localdate())


class CommitmentViewSet(FairModelViewSet):
    model = Commitment
    icon = "tasks"
    menu_label = _("Commitments")
    url_prefix = "partnerships/commitments"
    add_view_class = views.CommitmentCreateView
    inspect_view_class = views.CommitmentInspectView
    list_display = [
        "__str__",
        "agreement",
        "due_on",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda commitment: commitment.status == CommitmentStatus.DONE,
        ),
        BooleanColumn("overdue", label=_("Overdue"), accessor=_overdue),
        "responsible_region",
        "responsible_partner",
    ]
    filterset_class = CommitmentFilterSet
    search_fields = ["description", "responsible_region", "responsible_partner"]
    list_export = [
        "agreement.reference",
        "description",
        "responsible_region",
        "responsible_partner",
        "due_on",
        "get_status_display",
        "evidence_note",
    ]
    export_headings = {"agreement.reference": _("Agreement"), "get_status_display": _("Status")}
    export_filename = "commitments"
    inspect_view_fields = [
        "agreement",
        "description",
        "responsible_region",
        "responsible_partner",
        "due_on",
        "status",
        "evidence",
        "evidence_note",
        "decision",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("agreement"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("responsible_region"), FieldPanel("responsible_partner")]),
            FieldRowPanel([FieldPanel("due_on"), FieldPanel("status")]),
            MultiFieldPanel(
                [FieldPanel("evidence"), FieldPanel("evidence_note")], heading=_("Evidence")
            ),
        ],
        base_form_class=CommitmentForm,
    )

    def get_queryset(self, request):
        return Commitment.objects.select_related("agreement")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("evidence/<int:pk>/", views.commitment_evidence, name="evidence"),
        ]


class PartnershipMeetingViewSet(FairModelViewSet):
    model = PartnershipMeeting
    icon = "group"
    menu_label = _("Partnership meetings")
    url_prefix = "partnerships/meetings"
    add_view_class = meetings.PartnershipMeetingCreateView
    inspect_view_class = meetings.PartnershipMeetingInspectView
    list_display = [
        "__str__",
        "starts_at",
        Column("place", label=_("Place"), accessor="place"),
        "session",
        "is_public",
    ]
    list_filter = ["agreements", "delegations", "is_public"]
    search_fields = ["title_ar", "title_fr", "title_en", "place_ar", "place_fr", "place_en"]
    inspect_view_fields = [
        "title_ar",
        "title_fr",
        "title_en",
        "starts_at",
        "ends_at",
        "place_ar",
        "place_fr",
        "place_en",
        "session",
        "agreements",
        "delegations",
        "agenda",
        "minutes",
        "is_public",
    ]
    edit_handler = ObjectList(
        [
            _in_languages("title_ar", "title_fr", "title_en", heading=_("Title")),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    _in_languages("place_ar", "place_fr", "place_en", heading=_("Place")),
                    FieldPanel("session"),
                ],
                heading=_("When and where"),
            ),
            FieldPanel("agreements", widget=forms.CheckboxSelectMultiple),
            FieldPanel("delegations", widget=forms.CheckboxSelectMultiple),
            FieldPanel("agenda"),
            InlinePanel(
                "participants",
                heading=_("Participants"),
                label=_("Participant"),
                panels=[
                    FieldRowPanel([FieldPanel("full_name"), FieldPanel("role")]),
                    FieldRowPanel([FieldPanel("organisation"), FieldPanel("partner_region")]),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("language")]),
                ],
            ),
            FieldPanel("minutes"),
            InlinePanel(
                "decisions",
                heading=_("Decisions"),
                label=_("Decision"),
                panels=[FieldPanel("text")],
                help_text=_(
                    "Once the meeting is saved, its page turns each decision into commitments."
                ),
            ),
            FieldPanel("is_public"),
        ],
        base_form_class=PartnershipMeetingForm,
    )

    def get_queryset(self, request):
        return PartnershipMeeting.objects.select_related("session")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("badges/<int:pk>/", meetings.meeting_badges_view, name="badges"),
            path(
                "decisions/<int:pk>/commitment/",
                meetings.decision_commitment_view,
                name="decision_commitment",
            ),
        ]


class PartnershipsViewSetGroup(ViewSetGroup):
    menu_label = _("Partnerships")
    menu_icon = "globe"
    menu_order = 215
    # Partner regions are a snippet registered on their own; they join this menu here.
    submenu_hook = MENU_HOOK
    items = (
        AgreementViewSet("agreements"),
        CommitmentViewSet("commitments"),
        PartnershipMeetingViewSet("partnership_meetings"),
    )


def register_partnerships_log_actions(actions) -> None:
    actions.register_action(TERMINATED_ACTION, _("Terminate agreement"), _("Terminated"))
    actions.register_action(RENEWED_ACTION, _("Renew agreement"), _("Renewal drafted"))
    actions.register_action(
        BADGES_ACTION, _("Issue delegation badges"), _("Delegation badges issued")
    )
