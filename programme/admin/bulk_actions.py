"""Bulk actions on the admin's list of sessions: publish or cancel each selected session
through the programme's rules, and list those the rules refuse."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.log_actions import log

from programme.admin.views import (
    CANCELLED_ACTION,
    PUBLISHED_ACTION,
    _can_change,
    refusal_messages,
    session_span,
)
from programme.choices import SessionStatus
from programme.models import Session
from programme.services.sessions import ProgrammeError, session_cancel, session_publish


class SessionBulkAction(BulkAction):
    """A status change for each selected session; those the rules refuse are listed."""

    models = [Session]
    template_name = "programme/admin/session_bulk_confirm.html"

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

    def prepare_action(self, objects, objects_without_access):
        self.refused = []

    def get_execution_context(self):
        return {"user": self.request.user, "refused": self.refused}

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = self.done_message(num_parent_objects)
        if self.refused:
            message += " " + _("Not changed: %(list)s") % {"list": " ".join(self.refused)}
        return message


class PublishSessionsBulkAction(SessionBulkAction):
    display_name = gettext_lazy("Publish")
    action_type = "publish_sessions"
    aria_label = gettext_lazy("Publish the selected sessions")
    action_priority = 10

    @classmethod
    def execute_action(cls, objects, user=None, refused=None, **kwargs):
        done = 0
        for session in objects:
            if session.status != SessionStatus.DRAFT:
                refused.append(_("“%(session)s” is not a draft.") % {"session": session})
                continue
            try:
                session_publish(session=session)
            except ProgrammeError as error:
                session.status = SessionStatus.DRAFT
                refused.append(" ".join(refusal_messages(error)))
            else:
                log(instance=session, action=PUBLISHED_ACTION, user=user)
                done += 1
        return done, 0

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

    @classmethod
    def execute_action(cls, objects, user=None, refused=None, **kwargs):
        done = 0
        for session in objects:
            if session.status == SessionStatus.CANCELLED:
                refused.append(_("“%(session)s” is already cancelled.") % {"session": session})
                continue
            try:
                session_cancel(session=session)
            except ProgrammeError as error:
                refused.append(f"“{session}”: {error}")
            else:
                log(instance=session, action=CANCELLED_ACTION, user=user)
                done += 1
        return done, 0

    def done_message(self, count):
        return ngettext(
            "%(count)d session cancelled; the people signed up are told by e-mail.",
            "%(count)d sessions cancelled; the people signed up are told by e-mail.",
            count,
        ) % {"count": count}
