"""Bulk actions on the admin's list of B2B meetings."""

from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views.bulk_action import BulkAction

from b2b.admin.views import time_span
from b2b.models import B2BMeeting
from b2b.services.meetings import meetings_confirm


class ConfirmMeetingsBulkAction(BulkAction):
    """Confirm the selected meetings: placing the meetings again keeps them where they are."""

    display_name = gettext_lazy("Confirm")
    action_type = "confirm_b2b_meetings"
    aria_label = gettext_lazy("Confirm the selected meetings")
    models = [B2BMeeting]
    template_name = "b2b/admin/meeting_bulk_confirm.html"
    header_icon = "table"
    no_access_message = gettext_lazy("You may not confirm these meetings")

    def check_perm(self, meeting):
        return self.request.user.has_perm("b2b.change_b2bmeeting")

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(
            model.objects.filter(pk__in=object_ids).select_related(
                "request__requester", "request__recipient"
            )
        )

    def object_context(self, meeting):
        return {"item": meeting, "when": time_span(meeting)}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return meetings_confirm(meetings=objects, by=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d meeting confirmed: it stays where it is when the meetings are placed again.",
            "%(count)d meetings confirmed: they stay where they are when the meetings are "
            "placed again.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
