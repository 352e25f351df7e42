"""Export support in the Wagtail admin: the logistics unit's requests, in one menu."""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from exhibitors.choices import Province
from exhibitors.models import Cooperative
from exportsupport.admin import views
from exportsupport.choices import RequestStatus
from exportsupport.forms import SupportRequestAdminForm
from exportsupport.models import SupportRequest
from fairsite.viewsets import FairModelViewSet


class SupportRequestFilterSet(WagtailFilterSet):
    province = django_filters.ChoiceFilter(
        label=_("Province"), field_name="cooperative__province", choices=Province.choices
    )
    # Only cooperatives that have filed: the list stays short, and the cooperative's admin
    # page links here only for those.
    cooperative = django_filters.ModelChoiceFilter(
        label=_("Cooperative"),
        queryset=Cooperative.objects.filter(support_requests__isnull=False).distinct(),
    )

    class Meta:
        model = SupportRequest
        fields = ["status", "service", "province", "cooperative", "assigned_to"]


class SupportRequestViewSet(FairModelViewSet):
    model = SupportRequest
    icon = "mail"
    menu_label = _("Requests")
    url_prefix = "export-support/requests"
    inspect_view_class = views.SupportRequestInspectView
    list_display = [
        "cooperative",
        "service",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda support_request: support_request.status == RequestStatus.DONE,
        ),
        "assigned_to",
        "created_at",
    ]
    filterset_class = SupportRequestFilterSet
    search_fields = [
        "cooperative__name",
        "cooperative__name_ar",
        "target_markets",
        "outcome",
    ]
    list_export = [
        "cooperative.name",
        "cooperative.name_ar",
        "cooperative.get_province_display",
        "get_service_display",
        "target_markets",
        "quantities_and_timing",
        "get_status_display",
        "assigned_to",
        "outcome",
        "created_at",
    ]
    export_headings = {
        "cooperative.name": _("Cooperative"),
        "cooperative.name_ar": _("Name (Arabic)"),
        "cooperative.get_province_display": _("Province"),
        "get_service_display": _("Service"),
        "get_status_display": _("Status"),
    }
    export_filename = "export-support-requests"
    # State, officer and outcome change on the inspect page, through the services.
    edit_handler = ObjectList(
        [
            FieldPanel("cooperative"),
            FieldPanel("products"),
            FieldPanel("service"),
            FieldPanel("target_markets"),
            FieldPanel("quantities_and_timing"),
        ],
        base_form_class=SupportRequestAdminForm,
    )

    def get_queryset(self, request):
        return SupportRequest.objects.select_related("cooperative", "assigned_to")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("assign/<int:pk>/", views.request_assign, name="assign"),
            path("status/<int:pk>/", views.request_status, name="status"),
            path("message/<int:pk>/", views.request_message, name="message"),
            path("outcome/<int:pk>/", views.request_outcome, name="outcome"),
        ]


class ExportSupportViewSetGroup(ViewSetGroup):
    menu_label = _("Export support")
    menu_icon = "globe"
    menu_order = 220
    items = (SupportRequestViewSet("exportsupport_requests"),)


def register_exportsupport_log_actions(actions) -> None:
    for action, label, message in [
        ("assigned", _("Assign request"), _("Request assigned")),
        ("in_progress", _("Start work on request"), _("Request in progress")),
        ("waiting", _("Wait for the cooperative"), _("Waiting for the cooperative")),
        ("done", _("Close request as done"), _("Request done")),
        ("declined", _("Decline request"), _("Request declined")),
        ("outcome", _("Record outcome"), _("Outcome recorded")),
    ]:
        actions.register_action(f"exportsupport.request.{action}", label, message)
