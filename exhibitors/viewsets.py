"""The exhibitors in the Wagtail admin, in one "Exhibitors" menu: applications (with the
decisions on them), cooperatives, products, stand types, stands and the floor plan."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup

from exhibitors.admin import views as admin_views
from exhibitors.admin.views import (
    ApplicationEditView,
    ApplicationInspectView,
    CooperativeInspectView,
)
from exhibitors.models import Application, Cooperative, CooperativePhoto, Product, Stand, StandType
from fairsite.admin_forms import LanguageFieldsForm
from fairsite.admin_views import ExtraHeaderButtonsMixin
from fairsite.viewsets import AdminPageViewSet, FairModelViewSet


class ApplicationViewSet(FairModelViewSet):
    """Applications for organisers, decided on one by one on the application's page (its
    inspect page, which the listing opens; the form holds only what an organiser may correct)
    or on a selection with the listing's bulk actions."""

    model = Application
    name = "applications"
    url_prefix = "exhibitors/applications"
    icon = "form"
    menu_label = _("Applications")
    list_display = ["cooperative", "status", "edition", "stand_type", "stand", "submitted_at"]
    list_filter = {
        "edition": ["exact"],
        "status": ["exact"],
        "cooperative__province": ["exact"],
        "cooperative__sector": ["exact"],
        "cooperative__legal_form": ["exact"],
        "needs_electricity": ["exact"],
        "needs_refrigeration": ["exact"],
        "needs_water": ["exact"],
    }
    search_fields = [
        "cooperative__name",
        "cooperative__name_ar",
        "cooperative__registration_number",
    ]
    list_export = [
        "cooperative.name",
        "cooperative.name_ar",
        "cooperative.get_province_display",
        "cooperative.get_sector_display",
        "cooperative.get_legal_form_display",
        "get_status_display",
        "stand_type",
        "stand",
        "needs_electricity",
        "needs_refrigeration",
        "needs_water",
        "submitted_at",
        "cooperative.email",
        "cooperative.phone",
    ]
    export_headings = {
        "cooperative.name": _("Cooperative"),
        "cooperative.name_ar": _("Name (Arabic)"),
        "cooperative.get_province_display": _("Province"),
        "cooperative.get_sector_display": _("Sector"),
        "cooperative.get_legal_form_display": _("Legal form"),
        "get_status_display": _("Status"),
        "cooperative.email": _("E-mail"),
        "cooperative.phone": _("Phone"),
    }
    export_filename = "applications"
    inspect_view_class = ApplicationInspectView
    edit_view_class = ApplicationEditView
    listing_opens_inspect = True
    panels = [
        FieldPanel("stand_type"),
        MultiFieldPanel(
            [
                FieldPanel("needs_electricity"),
                FieldPanel("needs_refrigeration"),
                FieldPanel("needs_water"),
                FieldPanel("sells_food"),
            ],
            heading=_("Needs"),
        ),
        FieldPanel("message"),
    ]

    def get_queryset(self, request):
        return Application.objects.select_related("cooperative", "edition", "stand_type", "stand")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/decide/", admin_views.application_decide, name="decide"),
            path("<int:pk>/assign/", admin_views.application_assign, name="assign"),
        ]


def _in_languages(*fields, heading):
    return MultiFieldPanel([FieldPanel(name) for name in fields], heading=heading)


class CooperativeViewSet(FairModelViewSet):
    model = Cooperative
    name = "cooperatives"
    edit_handler = ObjectList(
        [
            _in_languages("name", "name_ar", heading=_("Name")),
            FieldPanel("legal_form"),
            FieldPanel("registration_number"),
            FieldPanel("ice"),
            FieldPanel("province"),
            _in_languages("commune_ar", "commune_fr", "commune_en", heading=_("Commune")),
            FieldPanel("sector"),
            FieldPanel("founded_in"),
            MultiFieldPanel(
                [FieldPanel("members"), FieldPanel("women_members"), FieldPanel("young_members")],
                heading=_("Members"),
            ),
            MultiFieldPanel(
                [FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone")],
                heading=_("Contact for the fair"),
            ),
            MultiFieldPanel(
                [FieldPanel("public_email"), FieldPanel("public_phone"), FieldPanel("website")],
                heading=_("Public contact"),
            ),
            _in_languages(
                "description_ar", "description_fr", "description_en", heading=_("Description")
            ),
            FieldPanel("logo"),
            InlinePanel(
                "photos",
                heading=_("Photos"),
                label=_("Photo"),
                max_num=CooperativePhoto.MAX_PER_COOPERATIVE,
                panels=[
                    FieldPanel("image"),
                    FieldPanel("caption_ar"),
                    FieldPanel("caption_fr"),
                    FieldPanel("caption_en"),
                ],
            ),
            FieldPanel("language"),
            FieldPanel("managers"),
        ],
        base_form_class=LanguageFieldsForm,
    )
    url_prefix = "exhibitors/cooperatives"
    icon = "group"
    menu_label = _("Cooperatives")
    list_display = ["name", "name_ar", "legal_form", "province", "sector", "members"]
    list_filter = ["legal_form", "province", "sector"]
    search_fields = [
        "name",
        "name_ar",
        "registration_number",
        "ice",
        "commune_ar",
        "commune_fr",
    ]
    list_export = [
        "name",
        "name_ar",
        "get_legal_form_display",
        "registration_number",
        "ice",
        "get_province_display",
        "commune_ar",
        "commune_fr",
        "get_sector_display",
        "founded_in",
        "members",
        "women_members",
        "young_members",
        "email",
        "phone",
        "public_email",
        "public_phone",
        "website",
    ]
    export_filename = "cooperatives"
    inspect_view_class = CooperativeInspectView


class ProductViewSet(FairModelViewSet):
    model = Product
    name = "products"
    exclude_form_fields = []  # every editable field, as the snippet forms had
    url_prefix = "exhibitors/products"
    icon = "tag"
    menu_label = _("Products")
    list_display = ["name_fr", "name_ar", "category", "cooperative"]
    list_filter = ["category"]
    search_fields = ["name_fr", "name_ar", "cooperative__name"]

    def get_queryset(self, request):
        return Product.objects.select_related("cooperative")


class StandTypeViewSet(FairModelViewSet):
    model = StandType
    name = "stand_types"
    exclude_form_fields = []  # every editable field, as the snippet forms had
    url_prefix = "exhibitors/stand-types"
    icon = "table"
    menu_label = _("Stand types")
    list_display = ["__str__", "edition", "price", "badge_quota"]
    list_filter = ["edition"]


class StandIndexView(ExtraHeaderButtonsMixin, IndexView):
    extra_header_buttons = [(_("Floor plan"), "floor_plan:index", "site")]


class StandViewSet(FairModelViewSet):
    model = Stand
    name = "stands"
    exclude_form_fields = []  # every editable field, as the snippet forms had
    url_prefix = "exhibitors/stands"
    icon = "placeholder"
    menu_label = _("Stands")
    index_view_class = StandIndexView
    list_display = ["code", "hall", "stand_type", "edition"]
    list_filter = ["edition", "hall", "stand_type"]
    search_fields = ["code", "hall"]

    def get_queryset(self, request):
        return Stand.objects.select_related("stand_type", "edition")


class FloorPlanViewSet(AdminPageViewSet):
    name = "floor_plan"
    icon = "site"
    menu_label = _("Floor plan")
    url_prefix = "exhibitors/floor-plan"
    view = staticmethod(admin_views.floor_plan)
    permission = "exhibitors.review_application"


class ExhibitorsViewSetGroup(ViewSetGroup):
    menu_label = _("Exhibitors")
    menu_icon = "group"
    menu_order = 210
    items = (
        ApplicationViewSet,
        CooperativeViewSet,
        ProductViewSet,
        StandTypeViewSet,
        StandViewSet,
        FloorPlanViewSet,
    )


def register_exhibitors_log_actions(actions) -> None:
    for action, label, message in [
        ("submitted", _("Submit application"), _("Application submitted")),
        ("accepted", _("Accept application"), _("Application accepted")),
        ("waitlisted", _("Waitlist application"), _("Application put on the waiting list")),
        ("rejected", _("Reject application"), _("Application rejected")),
        ("changes_requested", _("Request changes"), _("Changes requested from the cooperative")),
        ("confirmed", _("Confirm participation"), _("Participation confirmed")),
        ("withdrawn", _("Withdraw application"), _("Application withdrawn")),
        ("stand", _("Assign stand"), _("Stand assigned")),
    ]:
        actions.register_action(f"exhibitors.application.{action}", label, message)
    actions.register_action(
        "exhibitors.cooperative.manager_added", _("Add a manager"), _("Manager added by invitation")
    )
