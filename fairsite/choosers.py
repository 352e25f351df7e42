"""Choosers answer only to those who may see what they list.

Wagtail's choosers ask only for access to the admin: a snippet's chooser (its listing, its
search, and the JSON of one chosen object), the page chooser and the admin API behind the page
explorer would show every title to every role. Here each follows its listing's permission.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern, URLResolver
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Workflow
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser

LISTING = {"add", "change", "delete", "view"}


class ListingPermissionMixin:
    """Refuses the chooser to anyone who may not see the model's listing."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, LISTING):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ListingPermissionMixin, chooser.ChooseView):
    pass


class ChooseResultsView(ListingPermissionMixin, chooser.ChooseResultsView):
    pass


class ChosenView(ListingPermissionMixin, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ListingPermissionMixin, chooser.SnippetChosenMultipleView):
    pass


class CreateView(ListingPermissionMixin, chooser.SnippetCreateView):
    pass


class SnippetChooserViewSet(chooser.SnippetChooserViewSet):
    """A snippet's chooser behind the same permission as its listing: every snippet viewset
    of the site sets it as its `chooser_viewset_class`."""

    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


def any_permission_on(get_model, actions: set[str]):
    """A test of a user: may they take any of `actions` on the model `get_model()` returns?"""

    def allowed(user) -> bool:
        return policy_registry.get_by_type(get_model()).user_has_any_permission(user, actions)

    return allowed


may_see_images = any_permission_on(get_image_model, {"add", "change", "delete", "choose"})
may_see_documents = any_permission_on(get_document_model, {"add", "change", "delete", "choose"})
may_manage_workflows = any_permission_on(lambda: Workflow, {"add", "change", "delete"})


# Wagtail's admin addresses that list pages, images, documents or workflow tasks, or show a
# page's workflow, to any admin user, by URL name.
GUARDED_NAMES = {
    "wagtailadmin_choose_page": user_has_any_page_permission,
    "wagtailadmin_choose_page_child": user_has_any_page_permission,
    "wagtailadmin_choose_page_search": user_has_any_page_permission,
    "wagtailadmin_choose_page_chosen_multiple": user_has_any_page_permission,
    "wagtailadmin_pages:choose_parent": user_has_any_page_permission,
    "wagtailadmin_pages:move_confirm": user_has_any_page_permission,
    "wagtailadmin_pages:confirm_workflow_cancellation": user_has_any_page_permission,
    **{
        f"wagtailimages_chooser:{name}": may_see_images
        for name in ("choose", "choose_results", "chosen", "chosen_multiple", "select_format")
    },
    **{
        f"wagtaildocs_chooser:{name}": may_see_documents
        for name in ("choose", "choose_results", "chosen", "chosen_multiple")
    },
    **{
        f"wagtailadmin_workflows:{name}": may_manage_workflows
        for name in ("task_chooser", "task_chooser_results", "task_chooser_create", "task_chosen")
    },
}
GUARDED_API = {
    "PagesAdminAPIViewSet": user_has_any_page_permission,
    "ImagesAdminAPIViewSet": may_see_images,
    "DocumentsAdminAPIViewSet": may_see_documents,
}


def guarded(view, allowed):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not allowed(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def admin_urlpatterns_guard(patterns, namespace: str | None = None) -> list:
    """A copy of Wagtail's admin URL patterns with the addresses above behind their
    permission."""
    result = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            copy = URLResolver(
                pattern.pattern,
                admin_urlpatterns_guard(pattern.url_patterns, inner),
                pattern.default_kwargs,
                pattern.app_name,
                pattern.namespace,
            )
            result.append(copy)
            continue
        callback = pattern.callback
        api_class = getattr(getattr(callback, "cls", None), "__name__", None)
        name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
        allowed = GUARDED_NAMES.get(name) or GUARDED_API.get(api_class)
        if allowed is not None:
            pattern = URLPattern(
                pattern.pattern, guarded(callback, allowed), pattern.default_args, pattern.name
            )
        result.append(pattern)
    return result
