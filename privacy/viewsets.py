"""People's requests in the Wagtail admin, for the organisers who process them."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from fairsite.viewsets import InspectOnlyViewSet
from privacy import admin_views
from privacy.choices import DataRequestStatus
from privacy.models import DataRequest, RetentionSweep
from privacy.services import ERASED_ACTION, REFUSED_ACTION, REQUESTED_ACTION


class DataRequestViewSet(InspectOnlyViewSet):
    model = DataRequest
    icon = "user"
    menu_label = _("Erasure requests")
    url_prefix = "privacy/requests"
    inspect_view_class = admin_views.DataRequestInspectView
    form_fields = ["language"]  # no form is shown: requests are made by people, decided here
    list_display = [
        "__str__",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda data_request: data_request.status == DataRequestStatus.PENDING,
        ),
        "requested_at",
        "language",
        "processed_by",
        "processed_at",
    ]
    list_filter = ["status"]
    inspect_view_fields = ["status", "requested_at", "language", "processed_by", "processed_at"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("process/<int:pk>/", admin_views.request_process, name="process"),
            path("refuse/<int:pk>/", admin_views.request_refuse, name="refuse"),
        ]


class RetentionSweepViewSet(InspectOnlyViewSet):
    """What each daily run of the retention rules erased."""

    model = RetentionSweep
    icon = "history"
    menu_label = _("Retention runs")
    url_prefix = "privacy/retention-runs"
    form_fields = ["outcome"]  # no form is shown: runs are made by the daily task
    list_display = ["__str__", "ran_at", "outcome"]
    inspect_view_fields = ["ran_at", "outcome"]


class PrivacyViewSetGroup(ViewSetGroup):
    menu_label = _("Personal data")
    menu_icon = "user"
    menu_order = 900
    items = (DataRequestViewSet("privacy_requests"), RetentionSweepViewSet("privacy_sweeps"))


def register_privacy_log_actions(actions) -> None:
    actions.register_action(REQUESTED_ACTION, _("Ask for erasure"), _("Erasure requested"))
    actions.register_action(ERASED_ACTION, _("Erase personal data"), _("Personal data erased"))
    actions.register_action(REFUSED_ACTION, _("Refuse erasure"), _("Erasure refused"))
