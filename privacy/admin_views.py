"""Organisers' screens for people's requests: a request shows what the site holds about the
person, and two buttons, each calling a service."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from fairsite.admin_inspect import FairInspectView
from fairsite.personal_data import registered
from privacy import services
from privacy.choices import DataRequestStatus
from privacy.errors import DataRequestError
from privacy.models import DataRequest

PERMISSION = "privacy.change_datarequest"


class DataRequestInspectView(FairInspectView):
    template_name = "privacy/admin/datarequest_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data_request = self.object
        pending = data_request.status == DataRequestStatus.PENDING
        sections = []
        if pending and (data_request.user_id or data_request.attendee_id):
            sections = services.personal_data_collect(services.subject_of_request(data_request))
        titles = {records.key: str(records.title) for records in registered()}
        titles["history"] = _("Admin history")
        context.update(
            data_request=data_request,
            outcome=[(titles.get(key, key), count) for key, count in data_request.outcome.items()],
            sections=sections,
            can_act=pending and self.request.user.has_perm(PERMISSION),
        )
        return context


def _decide(request, pk, service, done_message):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    data_request = get_object_or_404(DataRequest, pk=pk)
    try:
        service(request=data_request, by=request.user)
    except DataRequestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done_message)
    return redirect(reverse("privacy_requests:inspect", args=[pk]))


@require_POST
def request_process(request, pk):
    return _decide(
        request, pk, services.data_request_process, _("The person's data has been erased.")
    )


@require_POST
def request_refuse(request, pk):
    return _decide(request, pk, services.data_request_refuse, _("The request has been refused."))
