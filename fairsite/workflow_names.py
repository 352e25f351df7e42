"""Wagtail makes its default workflow and task under the English name "Moderators approval";
organisers read the admin in Arabic or French. A name the project's catalogue holds is shown
translated; a name an organiser chose is shown as they wrote it."""

from django.utils.translation import gettext, gettext_noop
from wagtail.admin.action_menu import SubmitForModerationMenuItem

DEFAULT_NAMES = [gettext_noop("Moderators approval")]


def workflow_name(name: str) -> str:
    return gettext(name) if name in DEFAULT_NAMES else name


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """ "Submit to <workflow>" and "Resubmit to <task>" with the name in the reader's
    language when it is Wagtail's default one."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            name = state.current_task_state.task.name
            context["label"] = gettext("Resubmit to %(task_name)s") % {
                "task_name": workflow_name(name)
            }
            return context
        workflow_page = page if page and page.pk else context["parent_page"]
        workflow = workflow_page.get_workflow()
        if workflow:
            context["label"] = gettext("Submit to %(workflow_name)s") % {
                "workflow_name": workflow_name(workflow.name)
            }
        return context


def action_menu_localise(menu_items, request, context) -> None:
    """The `construct_page_action_menu` hook: Wagtail's submit item replaced by ours."""
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            replacement = SubmitForReviewMenuItem(order=item.order)
            menu_items[index] = replacement
