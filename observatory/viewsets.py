"""The observatory in the Wagtail admin: its dashboard, an admin page of its own in the main
menu, with the downloads of its tables beside it."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from fairsite.viewsets import AdminPageViewSet
from observatory import views


class ObservatoryViewSet(AdminPageViewSet):
    name = "observatory"
    icon = "view"
    menu_label = _("Indicators")
    menu_order = 150
    add_to_admin_menu = True
    view = staticmethod(views.dashboard)
    permission = views.PERMISSION

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("indicators.xlsx", views.workbook, name="workbook"),
            path("<slug:key>.csv", views.indicator_download, {"extension": "csv"}, name="csv"),
            path("<slug:key>.xlsx", views.indicator_download, {"extension": "xlsx"}, name="xlsx"),
        ]
