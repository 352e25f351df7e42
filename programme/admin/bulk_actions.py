"""Bulk actions on the admin's list of sessions: publish or cancel each selected session
through the programme's rules, and list those the rules refuse."""

from django.urls import reverse
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views.bulk_action import BulkAction

from fairsite.bulk_actions import ServiceBulkAction
from programme.admin.views import _can_change, session_span
from programme.models import Session
from programme.services.sessions import session_cancel, session_publish


class SessionBulkAction(ServiceBulkAction, BulkAction):
    """A status change for each selected session; those the rules refuse are listed."""

    models = [Session]
    template_name = "programme/admin/session_bulk_confirm.html"
    header_icon = "time"
    no_access_message = gettext_lazy("You may not change these sessions")
    service_argument = "session"

    def check_perm(self, session):
        return _can_change(self.request.user)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(
            model.objects.filter(pk__in=object_ids).select_related("edition", "room", "track")
        )

    def object_context(self, session):
        return {
            "item": session,
            "span": session_span(session),
            "edit_url": reverse("sessions:edit", args=[session.pk]),
        }


class PublishSessionsBulkAction(SessionBulkAction):
    display_name = gettext_lazy("Publish")
    action_type = "publish_sessions"
    aria_label = gettext_lazy("Publish the selected sessions")
    action_priority = 10
    service = staticmethod(session_publish)

    def done_message(self, count):
        return ngettext("%(count)d session published.", "%(count)d sessions published.", count) % {
            "count": count
        }


class CancelSessionsBulkAction(SessionBulkAction):
    display_name = gettext_lazy("Cancel")
    action_type = "cancel_sessions"
    aria_label = gettext_lazy("Cancel the selected sessions")
    action_priority = 20
    classes = {"serious"}
    service = staticmethod(session_cancel)

    def done_message(self, count):
        return ngettext(
            "%(count)d session cancelled; the people signed up are told by e-mail.",
            "%(count)d sessions cancelled; the people signed up are told by e-mail.",
            count,
        ) % {"count": count}
