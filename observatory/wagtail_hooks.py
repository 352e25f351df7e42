from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from observatory import views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("observatory/", views.dashboard, name="observatory"),
        path("observatory/<slug:key>.csv", views.indicator_csv, name="observatory_csv"),
    ]


class ObservatoryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ObservatoryMenuItem(_("Indicators"), reverse("observatory"), icon_name="view", order=150)
