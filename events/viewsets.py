from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from events.models import Edition, Venue


class EditionViewSet(ModelViewSet):
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
        "is_current",
    ]
    inspect_view_enabled = True


class VenueViewSet(ModelViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    add_to_admin_menu = False
    list_display = ["__str__", "city"]
    search_fields = ["name_ar", "name_fr", "name_en", "city"]
    form_fields = ["name_ar", "name_fr", "name_en", "address", "city", "latitude", "longitude"]


class FairViewSetGroup(ViewSetGroup):
    menu_label = _("Fair")
    menu_icon = "date"
    menu_order = 200
    items = (EditionViewSet("editions"), VenueViewSet("venues"))
