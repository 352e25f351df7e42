"""The cooperative's side of export support, on the exhibitor portal.

Every view looks requests up among those of the cooperatives the signed-in user manages,
so another cooperative's ids answer 404; the rules live in exportsupport.services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exhibitors.models import Cooperative
from exportsupport import services
from exportsupport.choices import RequestStatus
from exportsupport.errors import SupportError
from exportsupport.forms import AttachmentForm, ReplyForm, SupportRequestForm
from exportsupport.models import SupportAttachment, SupportRequest
from exportsupport.selectors import is_officer
from fairsite.uploads import private_file_response


def _my_request(request, pk) -> SupportRequest:
    return get_object_or_404(
        SupportRequest.objects.of_user(request.user).select_related("cooperative"), pk=pk
    )


def _errors(form) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


@login_required
def request_list(request):
    cooperatives = Cooperative.objects.managed_by(request.user)
    support_requests = (
        SupportRequest.objects.of_user(request.user)
        .select_related("cooperative")
        .prefetch_related("products")
    )
    return render(
        request,
        "exportsupport/supportrequest_list.html",
        {"cooperatives": cooperatives, "support_requests": support_requests},
    )


@login_required
def request_create(request, pk):
    cooperative = get_object_or_404(Cooperative.objects.managed_by(request.user), pk=pk)
    form = SupportRequestForm(request.POST or None, request.FILES or None, cooperative=cooperative)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            support_request = services.support_request_file(
                cooperative=cooperative,
                by=request.user,
                service=data["service"],
                target_markets=data["target_markets"],
                quantities_and_timing=data["quantities_and_timing"],
                products=data["products"],
                attachments=data["attachments"],
            )
        except (SupportError, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Your request has been sent to the logistics unit."))
            return redirect("exportsupport:request_detail", support_request.pk)
    return render(
        request,
        "exportsupport/supportrequest_form.html",
        {"form": form, "cooperative": cooperative},
    )


@login_required
def request_detail(request, pk):
    support_request = _my_request(request, pk)
    return render(
        request,
        "exportsupport/supportrequest_detail.html",
        {
            "support_request": support_request,
            "entries": support_request.messages.select_related("author").prefetch_related(
                "attachments"
            ),
            "attachments": support_request.attachments.filter(message=None),
            "product_names": [product.name for product in support_request.products.all()],
            "is_open": support_request.status not in RequestStatus.closed(),
            "attachment_form": AttachmentForm(),
            "reply_form": ReplyForm(),
        },
    )


@login_required
@require_POST
def request_reply(request, pk):
    support_request = _my_request(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.support_request_reply(
                support_request=support_request, text=form.cleaned_data["text"], by=request.user
            )
        except SupportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your message has been sent to the logistics unit."))
    else:
        messages.error(request, _errors(form))
    return redirect("exportsupport:request_detail", support_request.pk)


@login_required
@require_POST
def attachment_upload(request, pk):
    support_request = _my_request(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.support_request_attachment_add(
                support_request=support_request, file=form.cleaned_data["file"], by=request.user
            )
        except ValidationError as error:
            messages.error(
                request,
                _("The file was refused: %(reason)s") % {"reason": " ".join(error.messages)},
            )
        except SupportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("File added."))
    else:
        messages.error(request, _("The file was refused: %(reason)s") % {"reason": _errors(form)})
    return redirect("exportsupport:request_detail", support_request.pk)


@login_required
def attachment_download(request, pk, attachment_pk):
    """A private file, for the cooperative's managers and the logistics unit only."""
    support_requests = (
        SupportRequest.objects.all()
        if is_officer(request.user)
        else SupportRequest.objects.of_user(request.user)
    )
    attachment = get_object_or_404(
        SupportAttachment.objects.filter(request__in=support_requests),
        pk=attachment_pk,
        request_id=pk,
    )
    return private_file_response(attachment.file, filename=attachment.original_name)
