"""The call for proposals in the Wagtail admin, in one menu: the calls with their questions,
and the proposals with their reviews and decisions."""

import django_filters
from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from fairsite.admin_forms import LanguageFieldsForm
from fairsite.viewsets import FairModelViewSet, InspectOnlyViewSet
from programme.choices import SessionType
from proposals.admin import views
from proposals.choices import ProposalStatus
from proposals.models import CallForProposals, Proposal


class CallForm(LanguageFieldsForm):
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of session"),
        choices=SessionType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The kinds of session people may propose."),
    )


class CallViewSet(FairModelViewSet):
    model = CallForProposals
    icon = "doc-full"
    menu_label = _("Calls")
    url_prefix = "proposals/calls"
    list_display = ["edition", "opens_at", "closes_at", "anonymous_reviews", "reviews_required"]
    list_filter = ["edition"]
    search_fields = ["intro_ar", "intro_fr"]
    edit_handler = ObjectList(
        [
            FieldPanel("edition"),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldPanel("intro_ar"),
            FieldPanel("intro_fr"),
            FieldPanel("intro_en"),
            FieldPanel("kinds"),
            MultiFieldPanel(
                [
                    FieldPanel("anonymous_reviews"),
                    FieldRowPanel([FieldPanel("reviews_required"), FieldPanel("score_max")]),
                ],
                heading=_("Reviews"),
            ),
            InlinePanel("questions", heading=_("Questions"), label=_("Question")),
        ],
        base_form_class=CallForm,
    )


class ProposalFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProposalStatus.choices)

    class Meta:
        model = Proposal
        fields = ["call", "status", "kind", "language", "track"]


def _score(proposal) -> str:
    return f"{proposal.score:.1f}" if proposal.score is not None else "—"


class ProposalViewSet(InspectOnlyViewSet):
    """Proposals sent to a call; names show only where the call's rules allow (the inspect
    page), never in the listing, which every reviewer reads."""

    model = Proposal
    icon = "form"
    menu_label = _("Proposals")
    url_prefix = "proposals/proposals"
    index_view_class = views.ProposalIndexView
    inspect_view_class = views.ProposalInspectView
    list_display = [
        "title",
        "kind",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda proposal: proposal.status == ProposalStatus.ACCEPTED,
        ),
        Column("review_count", label=_("Reviews"), sort_key="review_count"),
        Column("score", label=_("Average score"), accessor=_score, sort_key="score"),
        "call",
    ]
    filterset_class = ProposalFilterSet
    search_fields = ["title", "abstract"]
    list_export = [
        "title",
        "get_kind_display",
        "get_language_display",
        "get_status_display",
        "review_count",
        "score",
        "submitted_at",
    ]
    export_headings = {
        "get_kind_display": _("Kind of session"),
        "get_language_display": _("Language spoken"),
        "get_status_display": _("Status"),
        "review_count": _("Reviews"),
        "score": _("Average score"),
    }
    export_filename = "proposals"
    edit_handler = ObjectList([FieldPanel("track")])

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", views.proposal_review, name="review"),
            path("decide/<int:pk>/", views.proposal_decide, name="decide"),
        ]


class ProposalsViewSetGroup(ViewSetGroup):
    menu_label = _("Call for proposals")
    menu_icon = "form"
    menu_order = 206
    items = (CallViewSet("proposals_calls"), ProposalViewSet("proposals_proposals"))


def register_proposals_log_actions(actions) -> None:
    for action, label, message in [
        ("submit", _("Submit proposal"), _("Proposal submitted")),
        ("withdraw", _("Withdraw proposal"), _("Proposal withdrawn")),
        ("review_start", _("Start review"), _("Review started")),
        ("accept", _("Accept proposal"), _("Proposal accepted")),
        ("reject", _("Decline proposal"), _("Proposal declined")),
        ("reopen", _("Review proposal again"), _("Proposal under review again")),
        ("reviewed", _("Review proposal"), _("Proposal reviewed")),
        ("speaker_invited", _("Invite speaker"), _("Speaker invited")),
        ("speaker_confirmed", _("Confirm speaker"), _("Speaker confirmed")),
        ("speaker_uninvited", _("Withdraw speaker invitation"), _("Speaker invitation withdrawn")),
    ]:
        actions.register_action(f"proposals.proposal.{action}", label, message)
