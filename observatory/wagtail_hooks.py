from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting

from observatory import views
from observatory.models import PublishedFigures
from observatory.panels import IndicatorsPanel
from observatory.viewsets import ObservatoryViewSet

register_setting(PublishedFigures, icon="view")
hooks.register("register_admin_viewset", ObservatoryViewSet)


@hooks.register("construct_homepage_panels")
def add_indicators_panel(request, panels):
    if request.user.has_perm(views.PERMISSION):
        panels.append(IndicatorsPanel())


@hooks.register("insert_global_admin_css")
def observatory_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/observatory.css"))
