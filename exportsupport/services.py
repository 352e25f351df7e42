"""The logistics unit's requests: filing, assigning, moving through their states.

Every change of state goes through `support_request_status_set`, which locks the row, checks the
move is allowed, records the message (and the files sent with it) on the request and in
Wagtail's audit log, and writes the cooperative's e-mail into the outbox in the same
transaction; `support_request_message_send` does the same for a message that leaves the
status as it is. What the cooperative files or answers reaches the unit the same way
(`_unit_mail_queue`).
"""

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from exhibitors.models import Cooperative
from exportsupport.choices import RequestStatus as Status
from exportsupport.errors import InvalidTransition, SupportError
from exportsupport.models import SupportAttachment, SupportMessage, SupportRequest
from exportsupport.selectors import is_officer, unit_members
from fairsite.audit import audit_log
from fairsite.models import User
from fairsite.services.mail import email_render_and_queue
from fairsite.services.site import public_url

TRANSITIONS = {
    Status.RECEIVED: {Status.IN_PROGRESS, Status.WAITING, Status.DONE, Status.DECLINED},
    Status.IN_PROGRESS: {Status.WAITING, Status.DONE, Status.DECLINED},
    Status.WAITING: {Status.IN_PROGRESS, Status.DONE, Status.DECLINED},
    Status.DONE: set(),
    Status.DECLINED: set(),
}


def can_become(support_request: SupportRequest, status: str) -> bool:
    return status in TRANSITIONS[support_request.status]


def support_request_statuses_next(support_request: SupportRequest) -> list[Status]:
    """The statuses the request can move to, in the workflow's order; none once closed."""
    return [status for status in Status if can_become(support_request, status)]


def support_request_status_check(*, support_request: SupportRequest, status: str) -> None:
    """Raise InvalidTransition, saying why in the active language, if the request cannot
    move from its status to `status`."""
    if not can_become(support_request, status):
        raise InvalidTransition(
            _("A request that is %(from)s cannot become %(to)s.")
            % {
                "from": Status(support_request.status).label.lower(),
                "to": Status(status).label.lower(),
            }
        )


def support_request_products_check(*, cooperative: Cooperative, products) -> None:
    """Raise SupportError unless every one of `products` is the cooperative's own."""
    if any(product.cooperative_id != cooperative.pk for product in products):
        raise SupportError(
            _("Choose among the cooperative's own products."), code="product_of_another"
        )


@transaction.atomic
def support_request_file(
    *,
    cooperative: Cooperative,
    by: User,
    service: str,
    target_markets: str,
    quantities_and_timing: str = "",
    products=(),
    attachments=(),
) -> SupportRequest:
    """File a request for `cooperative`, by one of its managers; the logistics unit is told
    by e-mail, written into the outbox in the same transaction.

    The products must be the cooperative's own; each attachment is checked by its content
    (PDF, JPEG, PNG). A refused file refuses the whole request, and its e-mail.
    """
    if not cooperative.managers.filter(pk=by.pk).exists():
        raise SupportError(
            _("Only a manager of the cooperative can file a request for it."), code="not_a_manager"
        )
    products = list(products)
    support_request_products_check(cooperative=cooperative, products=products)
    support_request = SupportRequest(
        cooperative=cooperative,
        service=service,
        target_markets=target_markets,
        quantities_and_timing=quantities_and_timing,
        created_by=by,
    )
    support_request.full_clean()
    support_request.save()
    support_request.products.set(products)
    for file in attachments:
        support_request_attachment_add(support_request=support_request, file=file, by=by)
    entry = SupportMessage.objects.create(
        request=support_request, author=by, status=Status.RECEIVED
    )
    audit_log(instance=support_request, action="wagtail.create", by=by)
    _unit_mail_queue(support_request, entry)
    return support_request


@transaction.atomic
def support_request_attachment_add(
    *, support_request: SupportRequest, file, by: User
) -> SupportAttachment:
    """Attach a file, checked by its content (PDF, JPEG, PNG), stored privately."""
    support_request = _locked(support_request)
    if support_request.status in Status.closed():
        raise InvalidTransition(_("A closed request takes no more files."), code="request_closed")
    return _attachment_save(support_request=support_request, file=file, by=by)


def _attachment_save(
    *, support_request: SupportRequest, file, by: User, message: SupportMessage | None = None
) -> SupportAttachment:
    """Store a file on the request (sent with `message`, if given) once its content is
    checked; a refused file raises ValidationError, in the active language."""
    attachment = SupportAttachment(
        request=support_request,
        message=message,
        file=file,
        original_name=file.name[:255],
        size=file.size,
        uploaded_by=by,
    )
    attachment.full_clean()
    attachment.save()
    audit_log(instance=attachment, action="wagtail.create", by=by)
    return attachment


@transaction.atomic
def support_request_reply(
    *, support_request: SupportRequest, text: str, by: User
) -> SupportMessage:
    """The cooperative answers the unit on the portal; the officer in charge (or the whole
    unit, if no one is) is told by e-mail, in the same transaction."""
    support_request = _locked(support_request)
    if not text.strip():
        raise SupportError(_("Write a message."), code="message_empty")
    if support_request.status in Status.closed():
        raise InvalidTransition(_("This request is closed."), code="request_closed")
    entry = SupportMessage.objects.create(request=support_request, author=by, text=text.strip())
    audit_log(instance=entry, action="wagtail.create", by=by)
    _unit_mail_queue(support_request, entry)
    return entry


@transaction.atomic
def support_request_message_send(
    *, support_request: SupportRequest, text: str = "", files=(), by: User
) -> SupportMessage:
    """The unit writes to the cooperative, with files or not, leaving the status as it is.

    The files are checked by their content (PDF, JPEG, PNG) and stored privately, for the
    unit and the cooperative's managers; one refused file refuses the message, its other
    files and its e-mail. The cooperative's e-mail is written into the outbox in the same
    transaction.
    """
    support_request = _locked(support_request)
    files = list(files)
    if not text.strip() and not files:
        raise SupportError(_("Write a message or attach a file."), code="message_empty")
    if support_request.status in Status.closed():
        raise InvalidTransition(_("This request is closed."), code="request_closed")
    entry = SupportMessage.objects.create(
        request=support_request, author=by, to_cooperative=True, text=text.strip()
    )
    for file in files:
        _attachment_save(support_request=support_request, file=file, by=by, message=entry)
    audit_log(instance=entry, action="wagtail.create", by=by)
    _cooperative_mail_queue(support_request, entry)
    return entry


@transaction.atomic
def support_request_assign(
    *, support_request: SupportRequest, officer: User | None, by: User
) -> SupportRequest:
    """Give the request to an officer of the logistics unit (or to no one)."""
    support_request = _locked(support_request)
    if officer is not None and not is_officer(officer):
        raise SupportError(
            _("%(person)s is not in the logistics unit.") % {"person": officer},
            code="not_an_officer",
        )
    support_request.assigned_to = officer
    support_request.save(update_fields=["assigned_to", "updated_at"])
    audit_log(
        instance=support_request,
        action="exportsupport.request.assigned",
        by=by,
        data={"officer": officer.pk if officer else None},
    )
    return support_request


@transaction.atomic
def support_request_status_set(
    *, support_request: SupportRequest, status: str, message: str = "", files=(), by: User
) -> SupportRequest:
    """Move the request to `status`; the message, and the files sent with it, reach the
    cooperative on the portal and, after commit, by e-mail in its language.

    Raises InvalidTransition for a move the unit's workflow does not know, such as any
    move out of "done" or "declined"; a file refused by its content refuses the move.
    """
    support_request = _locked(support_request)
    from_status = support_request.status
    support_request_status_check(support_request=support_request, status=status)
    if status in (Status.WAITING, Status.DECLINED) and not message.strip():
        raise SupportError(_("Tell the cooperative why."), code="reason_missing")
    support_request.status = status
    support_request.save(update_fields=["status", "updated_at"])
    entry = SupportMessage.objects.create(
        request=support_request, author=by, to_cooperative=True, status=status, text=message.strip()
    )
    for file in files:
        _attachment_save(support_request=support_request, file=file, by=by, message=entry)
    audit_log(
        instance=support_request,
        action=f"exportsupport.request.{status}",
        by=by,
        data={"from": from_status, "message": message},
    )
    _cooperative_mail_queue(support_request, entry)
    return support_request


@transaction.atomic
def support_request_outcome_set(
    *, support_request: SupportRequest, outcome: str, by: User
) -> SupportRequest:
    """Record what the support achieved, e.g. "approval obtained", "market reached"."""
    support_request = _locked(support_request)
    support_request.outcome = outcome.strip()
    support_request.save(update_fields=["outcome", "updated_at"])
    audit_log(instance=support_request, action="exportsupport.request.outcome", by=by)
    return support_request


def _locked(support_request: SupportRequest) -> SupportRequest:
    return (
        SupportRequest.objects.select_for_update(of=("self",))
        .select_related("cooperative")
        .get(pk=support_request.pk)
    )


def _cooperative_mail_queue(support_request: SupportRequest, entry: SupportMessage) -> None:
    """Tell the cooperative's address and managers, in its language, with a link to the
    request on the portal."""
    cooperative = support_request.cooperative
    recipients = sorted(
        {cooperative.email, *cooperative.managers.values_list("email", flat=True)} - {""}
    )
    with translation.override(cooperative.language):
        url = public_url(reverse("exportsupport:request_detail", args=[support_request.pk]))
    email_render_and_queue(
        to=recipients,
        template_prefix="exportsupport/email/request_status",
        context={
            "support_request": support_request,
            "entry": entry,
            "files": [attachment.original_name for attachment in entry.attachments.all()],
            "url": url,
        },
        language=cooperative.language,
    )


def _unit_mail_queue(support_request: SupportRequest, entry: SupportMessage) -> None:
    """Tell the officer the request is assigned to or, if none is (or they have left the
    unit), every member of the unit: one e-mail each, in their own language, with a link to
    the request's page in the admin."""
    officer = support_request.assigned_to
    recipients = [officer] if officer is not None and is_officer(officer) else unit_members()
    url = public_url(reverse("exportsupport_requests:inspect", args=[support_request.pk]))
    for recipient in recipients:
        email_render_and_queue(
            to=[recipient.email],
            template_prefix="exportsupport/email/unit_notice",
            context={
                "support_request": support_request,
                "entry": entry,
                "recipient": recipient,
                "to_unit": recipient != officer,
                "url": url,
            },
            language=recipient.language,
        )
