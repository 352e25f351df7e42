from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.settings.registry import register_setting

from observatory import views
from observatory.models import PublishedFigures
from observatory.panels import IndicatorsPanel

register_setting(PublishedFigures, icon="view")


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("observatory/", views.dashboard, name="observatory"),
        path("observatory/indicators.xlsx", views.workbook, name="observatory_workbook"),
        path(
            "observatory/<slug:key>.csv",
            views.indicator_download,
            {"extension": "csv"},
            name="observatory_csv",
        ),
        path(
            "observatory/<slug:key>.xlsx",
            views.indicator_download,
            {"extension": "xlsx"},
            name="observatory_xlsx",
        ),
    ]


class ObservatoryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ObservatoryMenuItem(_("Indicators"), reverse("observatory"), icon_name="view", order=150)


@hooks.register("construct_homepage_panels")
def add_indicators_panel(request, panels):
    if request.user.has_perm(views.PERMISSION):
        panels.append(IndicatorsPanel())


@hooks.register("insert_global_admin_css")
def observatory_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/observatory.css"))
