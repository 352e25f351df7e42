"""The base of the fair's admin listings (Wagtail ModelViewSet), with the options they share."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from fairsite.admin_inspect import FairInspectView


class FairModelViewSet(ModelViewSet):
    """Searched in the database (the records are few and change often: no search index to
    keep up to date), each record with its inspect page, none copied (a copy of an operational
    record is a second record of the same thing), a web address typed without its scheme taken
    as https. A viewset says so where it differs.

    `listing_opens_inspect`: the listing's link opens a record's inspect page, where the
    actions on it are (deciding on an application), rather than its form."""

    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_class = FairInspectView
    copy_view_enabled = False
    listing_opens_inspect = False

    def get_index_view_kwargs(self, **kwargs):
        if self.listing_opens_inspect:
            kwargs["edit_url_name"] = self.get_url_name("inspect")
        return super().get_index_view_kwargs(**kwargs)

    def formfield_for_dbfield(self, db_field, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")  # "coop.ma" is https://coop.ma
        return super().formfield_for_dbfield(db_field, **kwargs)


class InspectOnlyViewSet(FairModelViewSet):
    """Records that people make elsewhere (a person's request, a task's report): the admin
    reads them on their inspect page and acts through its buttons, each calling a service.
    The listing opens that page, and the edit address leads there; there is no form."""

    listing_opens_inspect = True

    @property
    def edit_view(self):
        def edit(request, pk):
            if not self.permission_policy.user_has_permission(request.user, "change"):
                raise PermissionDenied
            return redirect(self.get_url_name("inspect"), pk)

        return edit


class AdminPageViewSet(ViewSet):
    """One admin page of an app's own (the schedule grid, the placing of the meetings) in its
    app's menu group: `view` answers at the viewset's address, and the menu shows it to those
    holding `permission` (the view checks it too)."""

    view = None
    permission = ""

    def get_urlpatterns(self):
        return [path("", type(self).view, name="index")]

    @cached_property
    def menu_item_class(self):
        permission = self.permission
        return type(
            f"{type(self).__name__}MenuItem",
            (MenuItem,),
            {"is_shown": lambda item, request: request.user.has_perm(permission)},
        )
