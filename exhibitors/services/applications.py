"""The life of an application: its states, documents, stand and staff.

Every change of an application's state goes through `_transition`, which locks the row,
checks the move is allowed, records it in the history and Wagtail's audit log, and writes
the cooperative's e-mail into the outbox in the same transaction.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from events.choices import AttendeeCategory
from events.models import Edition
from events.services.badges import attendee_register, badge_revoke
from exhibitors.choices import ApplicationStatus as Status
from exhibitors.choices import DocumentKind
from exhibitors.errors import (
    ApplicationError,
    ApplicationIncomplete,
    InvalidTransition,
    RegistrationClosed,
    StaffQuotaReached,
    StandUnavailable,
)
from exhibitors.models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    Cooperative,
    StaffMember,
    Stand,
)
from fairsite.audit import audit_log
from fairsite.models import User
from fairsite.services.mail import email_render_and_queue
from fairsite.services.site import public_url

TRANSITIONS = {
    Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
    Status.SUBMITTED: {
        Status.ACCEPTED,
        Status.WAITLISTED,
        Status.REJECTED,
        Status.CHANGES_REQUESTED,
        Status.WITHDRAWN,
    },
    Status.CHANGES_REQUESTED: {Status.SUBMITTED, Status.WITHDRAWN},
    Status.WAITLISTED: {Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN},
    Status.ACCEPTED: {Status.CONFIRMED, Status.WITHDRAWN},
    Status.CONFIRMED: {Status.WITHDRAWN},
    Status.REJECTED: set(),
    Status.WITHDRAWN: set(),
}
EDITABLE = {Status.DRAFT, Status.CHANGES_REQUESTED}


def can_become(application: Application, status: str) -> bool:
    return status in TRANSITIONS[application.status]


def is_editable(application: Application) -> bool:
    """Whether the cooperative may still change the application's content and documents."""
    return application.status in EDITABLE


@transaction.atomic
def application_start(*, cooperative: Cooperative, edition: Edition, by: User) -> Application:
    """The cooperative's application to `edition`: the existing one, or a new draft.

    Raises RegistrationClosed when applications are not open and none exists yet.
    """
    existing = Application.objects.filter(cooperative=cooperative, edition=edition).first()
    if existing is not None:
        return existing
    if not edition.exhibitor_registration_is_open():
        raise RegistrationClosed(_("Exhibitor applications for this edition are closed."))
    application = Application.objects.create(cooperative=cooperative, edition=edition)
    ApplicationEvent.objects.create(application=application, to_status=Status.DRAFT, by=by)
    audit_log(instance=application, action="wagtail.create", by=by)
    return application


@transaction.atomic
def application_update(*, application: Application, by: User, **fields) -> Application:
    """Change the content of a draft (or of an application sent back for changes)."""
    application = _locked(application)
    _require_editable(application)
    for name, value in fields.items():
        setattr(application, name, value)
    application.full_clean(exclude=["edition", "cooperative", "stand"])
    application.save()
    audit_log(
        instance=application,
        action="wagtail.edit",
        by=by,
        content_changed=True,
        data={"fields": sorted(fields)},
    )
    return application


@transaction.atomic
def application_document_add(
    *, application: Application, kind: str, file, by: User
) -> ApplicationDocument:
    """Attach a document, checked by its content (PDF, JPEG, PNG), stored under a new name."""
    application = _locked(application)
    _require_editable(application)
    document = ApplicationDocument(
        application=application,
        kind=kind,
        file=file,
        original_name=file.name[:255],
        size=file.size,
        uploaded_by=by,
    )
    document.full_clean()
    document.save()
    audit_log(instance=document, action="wagtail.create", by=by)
    return document


@transaction.atomic
def application_document_delete(*, document: ApplicationDocument, by: User) -> None:
    _require_editable(_locked(document.application))
    # Logged before the row goes, while it still has its key.
    audit_log(instance=document, action="wagtail.delete", by=by)
    document.file.delete(save=False)
    document.delete()


@transaction.atomic
def application_submit(*, application: Application, by: User) -> Application:
    """Send the application to the organisers.

    A first submission must come while applications are open; an application sent back
    for changes may be resubmitted later. Raises ApplicationIncomplete naming what is
    missing.
    """
    application = _locked(application)
    if (
        application.status == Status.DRAFT
        and not application.edition.exhibitor_registration_is_open()
    ):
        raise RegistrationClosed(_("The deadline for applications has passed."))
    missing = application_missing(application)
    if missing:
        raise ApplicationIncomplete(missing)
    application.submitted_at = timezone.now()
    return _transition(application, Status.SUBMITTED, by=by)


def application_missing(application: Application) -> list[str]:
    """What the application still needs before it can be submitted, as sentences."""
    missing = []
    if application.stand_type_id is None:
        missing.append(str(_("Choose a stand type.")))
    if not application.product_categories:
        missing.append(str(_("Choose at least one product category.")))
    present = set(application.documents.values_list("kind", flat=True))
    for kind in application.required_documents():
        if kind not in present:
            missing.append(
                str(_("Add the document: %(document)s.") % {"document": DocumentKind(kind).label})
            )
    return missing


@transaction.atomic
def application_accept(*, application: Application, by: User, note: str = "") -> Application:
    return _transition(_locked(application), Status.ACCEPTED, by=by, note=note)


@transaction.atomic
def application_waitlist(*, application: Application, by: User, note: str = "") -> Application:
    return _transition(_locked(application), Status.WAITLISTED, by=by, note=note)


@transaction.atomic
def application_reject(*, application: Application, by: User, note: str = "") -> Application:
    return _transition(_locked(application), Status.REJECTED, by=by, note=note)


@transaction.atomic
def application_request_changes(*, application: Application, by: User, note: str) -> Application:
    """Send the application back to the cooperative with a message saying what to change."""
    if not note.strip():
        raise ApplicationError(_("Say what the cooperative should change."))
    return _transition(_locked(application), Status.CHANGES_REQUESTED, by=by, note=note)


@transaction.atomic
def application_confirm(*, application: Application, by: User) -> Application:
    """The cooperative confirms that it will take part; staff already named get their badges."""
    application = _transition(_locked(application), Status.CONFIRMED, by=by)
    for member in application.staff.filter(attendee__isnull=True):
        _staff_badge_issue(application, member)
    return application


@transaction.atomic
def application_withdraw(*, application: Application, by: User, note: str = "") -> Application:
    """The cooperative withdraws; its stand, if it had one, is free again."""
    application = _locked(application)
    application.stand = None
    return _transition(application, Status.WITHDRAWN, by=by, note=note)


@transaction.atomic
def application_assign_stand(*, application: Application, stand: Stand, by: User) -> Application:
    """Give an accepted or confirmed application a stand of its edition.

    The stand row is locked first, so of two organisers giving the same stand at once the
    second is told it is taken; the one-to-one column is the database's own guarantee.
    """
    application = _locked(application)
    stand = _stand_free(application, stand)
    if application.status not in (Status.ACCEPTED, Status.CONFIRMED):
        raise InvalidTransition(_("Only an accepted or confirmed application gets a stand."))
    application.stand = stand
    try:
        with transaction.atomic():
            application.save(update_fields=["stand", "updated_at"])
    except IntegrityError as error:
        raise StandUnavailable(
            _("Stand %(code)s was just given to another exhibitor.") % {"code": stand.code}
        ) from error
    audit_log(
        instance=application,
        action="exhibitors.application.stand",
        by=by,
        data={"stand": stand.code},
    )
    _cooperative_mail_queue(application, "exhibitors/email/application_stand", {})
    return application


@transaction.atomic
def application_offer_stand(
    *, application: Application, stand: Stand, by: User, note: str = ""
) -> Application:
    """Accept a waitlisted application into a stand that has become free; the e-mail says which."""
    application = _locked(application)
    stand = _stand_free(application, stand)
    if application.status != Status.WAITLISTED:
        raise InvalidTransition(_("Only a waitlisted application can be offered a stand."))
    application.stand = stand
    return _transition(application, Status.ACCEPTED, by=by, note=note)


def _stand_free(application: Application, stand: Stand) -> Stand:
    """Lock `stand` and check that `application` may have it."""
    stand = Stand.objects.select_for_update().get(pk=stand.pk)
    if stand.edition_id != application.edition_id:
        raise StandUnavailable(_("This stand belongs to another edition."))
    holder = Application.objects.filter(stand=stand).exclude(pk=application.pk).first()
    if holder is not None:
        raise StandUnavailable(
            _("Stand %(code)s is already given to %(cooperative)s.")
            % {"code": stand.code, "cooperative": holder.cooperative}
        )
    return stand


@transaction.atomic
def staff_member_add(*, application: Application, by: User, **fields) -> StaffMember:
    """Name a person for the stand, within the stand type's badge quota."""
    application = _locked(application)
    if application.status not in (Status.ACCEPTED, Status.CONFIRMED):
        raise InvalidTransition(_("Staff can be named once the application is accepted."))
    if application.staff.count() >= application.badge_quota:
        raise StaffQuotaReached(
            _("This stand has %(quota)s staff badges, all of them named.")
            % {"quota": application.badge_quota}
        )
    member = StaffMember(application=application, **fields)
    member.full_clean()
    member.save()
    audit_log(instance=member, action="wagtail.create", by=by)
    if application.status == Status.CONFIRMED:
        _staff_badge_issue(application, member)
    return member


@transaction.atomic
def staff_member_remove(*, member: StaffMember, by: User) -> None:
    """Take a person off the stand; their badge stops opening the gates."""
    _locked(member.application)
    if member.attendee_id:
        for badge in member.attendee.badges.active():
            badge_revoke(badge=badge, by=by)
    # Logged before the row goes, while it still has its key.
    audit_log(instance=member, action="wagtail.delete", by=by)
    member.delete()


def _staff_badge_issue(application: Application, member: StaffMember) -> None:
    """The badge of a confirmed stand's staff member (within the quota, checked on adding)."""
    cooperative = application.cooperative
    attendee, _badge = attendee_register(
        edition=application.edition,
        category=AttendeeCategory.EXHIBITOR_STAFF,
        full_name=member.full_name,
        organisation=cooperative.display_name,
        email=member.email,
        language=cooperative.language,
    )
    member.attendee = attendee
    member.save(update_fields=["attendee"])


def _locked(application: Application) -> Application:
    # Lock the application row only: the joined stand and types may be null, which
    # PostgreSQL refuses to lock.
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("edition", "cooperative", "stand__stand_type", "stand_type")
        .get(pk=application.pk)
    )


def _require_editable(application: Application) -> None:
    if not is_editable(application):
        raise InvalidTransition(
            _("A %(status)s application can no longer be changed.")
            % {"status": application.get_status_display().lower()}
        )


def _transition(
    application: Application, to_status: str, *, by: User, note: str = ""
) -> Application:
    from_status = application.status
    if to_status not in TRANSITIONS[from_status]:
        raise InvalidTransition(
            _("A %(from)s application cannot become %(to)s.")
            % {
                "from": Status(from_status).label.lower(),
                "to": Status(to_status).label.lower(),
            }
        )
    application.status = to_status
    try:
        application.full_clean(exclude=["edition", "cooperative", "stand_type"])
    except ValidationError as error:
        raise ApplicationError(" ".join(error.messages)) from error
    application.save()
    event = ApplicationEvent.objects.create(
        application=application, from_status=from_status, to_status=to_status, by=by, note=note
    )
    audit_log(
        instance=application,
        action=f"exhibitors.application.{to_status}",
        by=by,
        data={"from": from_status, "note": note},
    )
    _status_mail_queue(application, event)
    return application


def _status_mail_queue(application: Application, event: ApplicationEvent) -> None:
    _cooperative_mail_queue(application, "exhibitors/email/application_status", {"event": event})


def _cooperative_mail_queue(application: Application, template_prefix: str, context: dict) -> None:
    """Tell the cooperative's address and managers, in its language, by e-mail (sent after
    commit), with a link to the application on the portal."""
    cooperative = application.cooperative
    recipients = sorted(
        {cooperative.email, *cooperative.managers.values_list("email", flat=True)} - {""}
    )
    with translation.override(cooperative.language):
        url = public_url(reverse("exhibitors:application_detail", args=[application.pk]))
    email_render_and_queue(
        to=recipients,
        template_prefix=template_prefix,
        context={"application": application, "url": url, **context},
        language=cooperative.language,
    )
