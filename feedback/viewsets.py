"""The answers in the Wagtail admin, read only, in one "Feedback" menu: the marks and comments
on the sessions (for the organisers and the programme's editors), and the two surveys (for the
organisers: an exhibitor's declared sales are theirs to read, never published alone)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup

from fairsite.viewsets import InspectOnlyViewSet
from feedback.models import ExhibitorSurvey, SessionRating, VisitorSurvey
from feedback.services import (
    EXHIBITOR_SURVEY_ACTION,
    RATING_CHANGED_ACTION,
    RATING_GIVEN_ACTION,
    VISITOR_SURVEY_ACTION,
)


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class SessionRatingViewSet(InspectOnlyViewSet):
    """Marks and comments on the sessions, as people gave them: read, never typed in. The
    person is not named: the comment is what the reader needs."""

    model = SessionRating
    icon = "comment"
    menu_label = _("Session ratings")
    url_prefix = "feedback/sessions"
    form_fields = ["comment"]  # no form is shown
    list_display = [
        "session",
        Column("track", label=_("track"), accessor=lambda rating: rating.session.track or "—"),
        "score",
        Column("comment", label=_("comment"), accessor=lambda rating: _short(rating.comment)),
        "updated_at",
    ]
    list_filter = ["session__edition", "session__track", "score", "session"]
    search_fields = ["comment", "session__title_ar", "session__title_fr"]
    list_export = ["session", "score", "comment", "language", "updated_at"]
    export_filename = "session-ratings"
    inspect_view_fields = ["session", "score", "comment", "language", "created_at", "updated_at"]

    def get_queryset(self, request):
        return SessionRating.objects.select_related("session__track", "session__edition")


class VisitorSurveyViewSet(InspectOnlyViewSet):
    model = VisitorSurvey
    icon = "group"
    menu_label = _("Visitors' surveys")
    url_prefix = "feedback/visitors"
    form_fields = ["improve"]
    list_display = [
        "edition",
        "satisfaction",
        "come_again",
        "how_heard",
        Column("improve", label=_("what to improve"), accessor=lambda s: _short(s.improve)),
        "updated_at",
    ]
    list_filter = ["edition", "satisfaction", "come_again", "how_heard"]
    search_fields = ["liked", "improve"]
    list_export = [
        "edition",
        "satisfaction",
        "come_again",
        "how_heard",
        "liked",
        "improve",
        "language",
        "updated_at",
    ]
    export_filename = "visitor-surveys"
    inspect_view_fields = [
        "edition",
        "satisfaction",
        "come_again",
        "how_heard",
        "liked",
        "improve",
        "language",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return VisitorSurvey.objects.select_related("edition")


class ExhibitorSurveyViewSet(InspectOnlyViewSet):
    model = ExhibitorSurvey
    icon = "tasks"
    menu_label = _("Exhibitors' surveys")
    url_prefix = "feedback/exhibitors"
    form_fields = ["comments"]
    list_display = [
        "application",
        "satisfaction",
        "sales",
        "contacts",
        "come_again",
        "updated_at",
    ]
    list_filter = [
        "application__edition",
        "satisfaction",
        "come_again",
        "application__cooperative__province",
        "application__cooperative__sector",
    ]
    search_fields = ["comments", "application__cooperative__name"]
    list_export = [
        "application",
        "satisfaction",
        "sales",
        "contacts",
        "come_again",
        "comments",
        "updated_at",
    ]
    export_filename = "exhibitor-surveys"
    inspect_view_fields = [
        "application",
        "satisfaction",
        "sales",
        "contacts",
        "come_again",
        "comments",
        "language",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return ExhibitorSurvey.objects.select_related(
            "application__cooperative", "application__edition"
        )


class FeedbackViewSetGroup(ViewSetGroup):
    menu_label = _("Feedback")
    menu_icon = "comment"
    menu_order = 240
    items = (
        SessionRatingViewSet("feedback_session_ratings"),
        VisitorSurveyViewSet("feedback_visitor_surveys"),
        ExhibitorSurveyViewSet("feedback_exhibitor_surveys"),
    )


def register_feedback_log_actions(actions) -> None:
    actions.register_action(RATING_GIVEN_ACTION, _("Rate a session"), _("Session rated"))
    actions.register_action(
        RATING_CHANGED_ACTION, _("Change a session's rating"), _("Session rating changed")
    )
    actions.register_action(
        VISITOR_SURVEY_ACTION, _("Answer the visitors' survey"), _("Visitors' survey answered")
    )
    actions.register_action(
        EXHIBITOR_SURVEY_ACTION,
        _("Answer the exhibitors' survey"),
        _("Exhibitors' survey answered"),
    )
