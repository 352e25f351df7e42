"""The admin's bulk actions that apply a service to each selected row, as the user who asked,
and report the rows its rules refused."""

from django.utils.translation import gettext as _

from fairsite.errors import FairError


class ServiceBulkAction:
    """Mixed into a Wagtail BulkAction: `service` is called for each selected object, with
    the object as its `service_argument` keyword, `by` the user, and `service_kwargs()`; a
    FairError it raises leaves the object unchanged and is listed in the success message."""

    service = None
    service_argument = ""
    refusals_separator = " "

    def service_kwargs(self) -> dict:
        return {}

    def prepare_action(self, objects, objects_without_access):
        self.refused = []

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "refused": self.refused,
            "service": type(self).service,
            "argument": self.service_argument,
            "service_kwargs": self.service_kwargs(),
        }

    @classmethod
    def execute_action(
        cls, objects, user=None, refused=None, service=None, argument="", service_kwargs=None, **kw
    ):
        done = 0
        for obj in objects:
            try:
                service(**{argument: obj}, by=user, **(service_kwargs or {}))
            except FairError as error:
                refused.append(cls.refusal(obj, error))
            else:
                done += 1
        return done, 0

    @classmethod
    def refusal(cls, obj, error: FairError) -> str:
        return f"“{obj}”: {error}"

    def done_message(self, count: int) -> str:
        raise NotImplementedError

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = self.done_message(num_parent_objects)
        if self.refused:
            message += " " + _("Not changed: %(list)s") % {
                "list": self.refusals_separator.join(self.refused)
            }
        return message
