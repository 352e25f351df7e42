"""The call for proposals' rules: a proposal's states and every move between them, its
invited speakers and its reviews.

Every move locks the proposal's row, checks the move is allowed from the state it finds and
that `by` may make it, records it in the admin log, and writes the messages (e-mail, or a
text message to someone who gave only a mobile number) into the outbox in the same
transaction, each in its recipient's language. Acceptance makes the programme's draft session.
"""

import datetime
import secrets

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from fairsite.audit import audit_log
from fairsite.models import User
from fairsite.services.reach import person_tell
from fairsite.services.site import public_url
from programme.choices import SessionStatus
from programme.models import Session, Speaker, Track
from programme.services.sessions import session_save
from proposals.choices import ProposalStatus as Status
from proposals.errors import InvalidTransition, ProposalError
from proposals.models import (
    CallForProposals,
    InvitedSpeaker,
    Proposal,
    ProposalAnswer,
    Review,
    token_hash,
)
from proposals.selectors import is_decider, is_own_proposal, is_reviewer

# Each move: the states it leaves from, the state it reaches, the admin log's action.
TRANSITIONS = {
    "submit": ({Status.DRAFT}, Status.SUBMITTED),
    "withdraw": ({Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW}, Status.WITHDRAWN),
    "review_start": ({Status.SUBMITTED}, Status.UNDER_REVIEW),
    "accept": ({Status.SUBMITTED, Status.UNDER_REVIEW}, Status.ACCEPTED),
    "reject": ({Status.SUBMITTED, Status.UNDER_REVIEW}, Status.REJECTED),
    "reopen": ({Status.REJECTED}, Status.UNDER_REVIEW),
}
LOG_ACTIONS = {move: f"proposals.proposal.{move}" for move in TRANSITIONS}
REVIEWED_ACTION = "proposals.proposal.reviewed"
INVITED_ACTION = "proposals.proposal.speaker_invited"
CONFIRMED_ACTION = "proposals.proposal.speaker_confirmed"
UNINVITED_ACTION = "proposals.proposal.speaker_uninvited"
# Where a session made from a proposal sits until the programme editors place it.
PLACEHOLDER_TIME = datetime.time(9)


def proposal_can(proposal: Proposal, move: str) -> bool:
    return proposal.status in TRANSITIONS[move][0]


def proposal_moves(proposal: Proposal, *, user: User) -> list[str]:
    """The decisions `user` may take on the proposal now, for the admin's buttons."""
    if not is_decider(user):
        return []
    return [
        move
        for move in ("review_start", "accept", "reject", "reopen")
        if proposal_can(proposal, move)
    ]


def _check(proposal: Proposal, move: str) -> None:
    if not proposal_can(proposal, move):
        raise InvalidTransition(
            _("A proposal that is %(from)s cannot be %(to)s.")
            % {
                "from": Status(proposal.status).label.lower(),
                "to": Status(TRANSITIONS[move][1]).label.lower(),
            }
        )


def _locked(proposal: Proposal) -> Proposal:
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("call__edition", "submitter", "track")
        .get(pk=proposal.pk)
    )


def _move(proposal: Proposal, move: str, *, by: User | None, note: str = "") -> Proposal:
    was = proposal.status
    proposal.status = TRANSITIONS[move][1]
    proposal.save(update_fields=["status", "submitted_at", "decided_at", "updated_at"])
    audit_log(
        instance=proposal,
        action=LOG_ACTIONS[move],
        by=by,
        data={"from": was, "note": note} if note else {"from": was},
    )
    return proposal


def _require_submitter(proposal: Proposal, by: User) -> None:
    if proposal.submitter_id != getattr(by, "pk", None):
        raise ProposalError(
            _("Only the person who made the proposal can do this."), code="not_yours"
        )


def _require_decider(by: User) -> None:
    if not is_decider(by):
        raise ProposalError(_("Only the organisers decide on proposals."), code="not_a_decider")


def _check_call(call: CallForProposals, kind: str, track: Track | None) -> None:
    if not call.is_open():
        raise ProposalError(_("The call for proposals is closed."), code="call_closed")
    if kind not in call.kinds:
        raise ProposalError(_("This call does not take this kind of session."), code="wrong_kind")
    if track is not None and track.edition_id != call.edition_id:
        raise ProposalError(_("Choose one of this edition's tracks."), code="wrong_track")


def _answers_set(proposal: Proposal, answers: dict[int, str]) -> None:
    for question in proposal.call.questions.all():
        ProposalAnswer.objects.update_or_create(
            proposal=proposal,
            question=question,
            defaults={"text": (answers.get(question.pk) or "").strip()},
        )


@transaction.atomic
def proposal_create(
    *,
    call: CallForProposals,
    by: User,
    title: str,
    abstract: str,
    kind: str,
    language: str,
    written_in: str,
    duration: int,
    track: Track | None = None,
    answers: dict[int, str] | None = None,
) -> Proposal:
    """A draft proposal to an open call, by the signed-in person; nobody else sees it until
    it is submitted."""
    _check_call(call, kind, track)
    proposal = Proposal(
        call=call,
        submitter=by,
        title=title.strip(),
        abstract=abstract.strip(),
        kind=kind,
        language=language,
        written_in=written_in,
        duration=duration,
        track=track,
    )
    proposal.full_clean()
    proposal.save()
    _answers_set(proposal, answers or {})
    audit_log(instance=proposal, action="wagtail.create", by=by)
    return proposal


@transaction.atomic
def proposal_update(
    *, proposal: Proposal, by: User, answers: dict[int, str] | None = None, **fields
) -> Proposal:
    """Change a draft: its title, abstract, kind, language, duration, track and answers."""
    proposal = _locked(proposal)
    _require_submitter(proposal, by)
    if proposal.status != Status.DRAFT:
        raise InvalidTransition(_("Only a draft can be changed."), code="not_a_draft")
    for name in ("title", "abstract", "kind", "language", "written_in", "duration", "track"):
        if name in fields:
            value = fields[name]
            setattr(proposal, name, value.strip() if isinstance(value, str) else value)
    _check_call(proposal.call, proposal.kind, proposal.track)
    proposal.full_clean()
    proposal.save()
    if answers is not None:
        _answers_set(proposal, answers)
    audit_log(instance=proposal, action="wagtail.edit", by=by, content_changed=True)
    return proposal


@transaction.atomic
def proposal_submit(*, proposal: Proposal, by: User) -> Proposal:
    """Send a draft to the call while it is open, every required question answered; the
    proposer is told."""
    proposal = _locked(proposal)
    _require_submitter(proposal, by)
    _check(proposal, "submit")
    if not proposal.call.is_open():
        raise ProposalError(_("The call for proposals is closed."), code="call_closed")
    unanswered = proposal.call.questions.filter(required=True).exclude(
        answers__proposal=proposal, answers__text__gt=""
    )
    if unanswered.exists():
        raise ProposalError(
            _("Answer every required question first: %(questions)s")
            % {"questions": "; ".join(str(question) for question in unanswered)},
            code="answers_missing",
        )
    proposal.submitted_at = timezone.now()
    _move(proposal, "submit", by=by)
    _submitter_tell(proposal, "submitted")
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, by: User) -> Proposal:
    """The proposer takes the proposal back before it is decided."""
    proposal = _locked(proposal)
    _require_submitter(proposal, by)
    _check(proposal, "withdraw")
    return _move(proposal, "withdraw", by=by)


@transaction.atomic
def proposal_review_start(*, proposal: Proposal, by: User) -> Proposal:
    proposal = _locked(proposal)
    if not (is_decider(by) or is_reviewer(by)):
        raise ProposalError(_("Only reviewers and organisers can do this."), code="not_a_reviewer")
    _check(proposal, "review_start")
    return _move(proposal, "review_start", by=by)


@transaction.atomic
def review_save(*, proposal: Proposal, by: User, score: int, comment: str = "") -> Review:
    """Record (or change) `by`'s review of a submitted proposal; the first review puts the
    proposal under review.

    Refused to anyone but reviewers and organisers, to the proposer and its speakers, for a
    score outside the call's scale, and once the proposal is decided or withdrawn.
    """
    proposal = _locked(proposal)
    if not (is_reviewer(by) or is_decider(by)):
        raise ProposalError(_("Only reviewers and organisers can do this."), code="not_a_reviewer")
    if is_own_proposal(proposal, by):
        raise ProposalError(_("You cannot review a proposal of your own."), code="own_proposal")
    if proposal.status not in (Status.SUBMITTED, Status.UNDER_REVIEW):
        raise InvalidTransition(_("This proposal takes no more reviews."), code="review_closed")
    if not 1 <= int(score) <= proposal.call.score_max:
        raise ProposalError(
            _("Give a score from 1 to %(max)s.") % {"max": proposal.call.score_max},
            code="score_out_of_range",
        )
    review, created = Review.objects.update_or_create(
        proposal=proposal, reviewer=by, defaults={"score": int(score), "comment": comment.strip()}
    )
    if proposal.status == Status.SUBMITTED:
        _move(proposal, "review_start", by=by)
    audit_log(
        instance=proposal,
        action=REVIEWED_ACTION,
        by=by,
        data={"score": review.score, "changed": not created},
    )
    return review


@transaction.atomic
def proposal_accept(*, proposal: Proposal, by: User, note: str = "") -> Proposal:
    """Accept a proposal with the reviews its call needs: a draft session is made in the
    programme from it, with its confirmed speakers (those who confirm later join it), and
    the proposer and the confirmed speakers are told.

    The row lock makes two accepts at once make one session: the second finds the proposal
    accepted and is refused.
    """
    _require_decider(by)
    proposal = _locked(proposal)
    _check(proposal, "accept")
    count = proposal.reviews.count()
    if count < proposal.call.reviews_required:
        raise ProposalError(
            _("This proposal has %(count)s of the %(needed)s reviews it needs.")
            % {"count": count, "needed": proposal.call.reviews_required},
            code="reviews_missing",
        )
    proposal.session = _session_make(proposal, by=by)
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["session"])
    _move(proposal, "accept", by=by, note=note)
    _submitter_tell(proposal, "accepted", note=note)
    _speakers_tell(proposal, "speaker_accepted")
    return proposal


@transaction.atomic
def proposal_reject(*, proposal: Proposal, by: User, note: str = "") -> Proposal:
    """Decline a proposal; the proposer is told, with the note if there is one, and its
    confirmed speakers too."""
    _require_decider(by)
    proposal = _locked(proposal)
    _check(proposal, "reject")
    proposal.decided_at = timezone.now()
    _move(proposal, "reject", by=by, note=note)
    _submitter_tell(proposal, "rejected", note=note)
    _speakers_tell(proposal, "speaker_rejected")
    return proposal


@transaction.atomic
def proposal_reopen(*, proposal: Proposal, by: User) -> Proposal:
    """Take a declined proposal back under review (a decision taken too fast)."""
    _require_decider(by)
    proposal = _locked(proposal)
    _check(proposal, "reopen")
    proposal.decided_at = None
    return _move(proposal, "reopen", by=by)


def _session_make(proposal: Proposal, *, by: User) -> Session:
    edition = proposal.call.edition
    starts_at = datetime.datetime.combine(edition.starts_on, PLACEHOLDER_TIME, tzinfo=edition.zone)
    session = Session(
        edition=edition,
        type=proposal.kind,
        language=proposal.language,
        track=proposal.track,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=proposal.duration),
        status=SessionStatus.DRAFT,
    )
    # The title and abstract stay in the language they were written in; the programme's
    # editors add the others.
    setattr(session, f"title_{proposal.written_in}", proposal.title)
    setattr(session, f"description_{proposal.written_in}", proposal.abstract)
    speakers = [
        invited.speaker
        for invited in proposal.speakers.filter(confirmed_at__isnull=False, speaker__isnull=False)
        .select_related("speaker")
        .order_by("pk")
    ]
    session_save(session=session, speakers=speakers, by=by)
    return session


@transaction.atomic
def speaker_invite(
    *, proposal: Proposal, by: User, name: str, email: str = "", phone: str = "", language: str
) -> tuple[InvitedSpeaker, str]:
    """Invite someone to speak: they get a link, by e-mail or else by text message, in
    `language`, where they confirm and write their profile. Returns the invitation and the
    link's token (kept only as a hash)."""
    proposal = _locked(proposal)
    _require_submitter(proposal, by)
    if proposal.status in (Status.REJECTED, Status.WITHDRAWN):
        raise InvalidTransition(_("This proposal is closed."), code="proposal_closed")
    email = email.strip().lower()
    if not email and not phone:
        raise ProposalError(_("Give an e-mail address or a mobile number."), code="unreachable")
    already = proposal.speakers.filter(
        Q(email=email) & ~Q(email="") | Q(phone=phone) & ~Q(phone="")
    )
    if already.exists():
        raise ProposalError(_("This person is already invited."), code="already_invited")
    token = secrets.token_urlsafe(32)
    invited = InvitedSpeaker(
        proposal=proposal,
        name=name.strip(),
        email=email,
        phone=phone,
        language=language,
        token_hash=token_hash(token),
    )
    invited.full_clean()
    invited.save()
    audit_log(instance=proposal, action=INVITED_ACTION, by=by, data={"speaker": invited.pk})
    _invitation_send(invited, token)
    return invited, token


@transaction.atomic
def speaker_remove(*, invited: InvitedSpeaker, by: User) -> None:
    """The proposer withdraws an invitation not yet confirmed; its link stops working."""
    proposal = _locked(invited.proposal)
    _require_submitter(proposal, by)
    if invited.is_confirmed:
        raise ProposalError(_("A speaker who confirmed stays on the proposal."), code="confirmed")
    audit_log(instance=proposal, action=UNINVITED_ACTION, by=by, data={"speaker": invited.pk})
    invited.delete()


def invitation_by_token(token: str) -> InvitedSpeaker | None:
    """The invitation a link's token opens: none once the proposal is withdrawn or declined."""
    if not token or len(token) > 100:
        return None
    return (
        InvitedSpeaker.objects.select_related("proposal__call__edition", "speaker")
        .exclude(proposal__status__in=[Status.WITHDRAWN, Status.REJECTED])
        .filter(token_hash=token_hash(token))
        .first()
    )


@transaction.atomic
def speaker_confirm(
    *,
    invited: InvitedSpeaker,
    by: User | None,
    name_ar: str = "",
    name_latin: str = "",
    organisation: str = "",
    bio: str = "",
    photo=None,
) -> Speaker:
    """The invited person confirms (or, later, edits) their speaker profile from their link.

    Their profile is the programme's Speaker: made on the first confirmation, or the one
    they already have from another invitation to their account or address; the
    organisation and biography are kept in their invitation's language. Signed in, their
    account is linked. A proposal already accepted gets them on its session.
    """
    invited = InvitedSpeaker.objects.select_for_update(of=("self",)).get(pk=invited.pk)
    proposal = _locked(invited.proposal)
    if proposal.status in (Status.WITHDRAWN, Status.REJECTED):
        raise InvalidTransition(_("This proposal is closed."), code="proposal_closed")
    if not (name_ar.strip() or name_latin.strip()):
        raise ProposalError(_("Give your name in at least one script."), code="name_missing")
    user = by if getattr(by, "is_authenticated", False) else None
    speaker = invited.speaker or _speaker_known(invited, user) or Speaker()
    speaker.name_ar, speaker.name_latin = name_ar.strip(), name_latin.strip()
    language = invited.language
    setattr(speaker, f"organisation_{language}", organisation.strip())
    setattr(speaker, f"bio_{language}", bio.strip())
    if photo is not None:
        speaker.photo = photo
    speaker.full_clean(exclude=["photo"])
    speaker.save()
    first = invited.confirmed_at is None
    invited.speaker = speaker
    invited.confirmed_at = invited.confirmed_at or timezone.now()
    if user is not None:
        invited.user = user
    invited.save(update_fields=["speaker", "confirmed_at", "user"])
    audit_log(
        instance=proposal,
        action=CONFIRMED_ACTION,
        by=user,
        data={"speaker": invited.pk, "first": first},
    )
    session = proposal.session
    if session is not None and not session.speakers.filter(pk=speaker.pk).exists():
        session = Session.objects.get(pk=session.pk)
        session_save(
            session=session,
            speakers=[*session.speakers.all(), speaker],
            by=user,
            content_changed=True,
        )
    return speaker


def _speaker_known(invited: InvitedSpeaker, user: User | None) -> Speaker | None:
    """The profile the person already has, from another invitation they confirmed."""
    others = InvitedSpeaker.objects.filter(speaker__isnull=False, confirmed_at__isnull=False)
    match = Q(pk__in=[])
    if user is not None:
        match |= Q(user=user)
    if invited.email:
        match |= Q(email=invited.email)
    if invited.phone:
        match |= Q(phone=invited.phone)
    found = others.filter(match).exclude(pk=invited.pk).order_by("-confirmed_at").first()
    return found.speaker if found else None


def _proposal_url(proposal: Proposal, language: str) -> str:
    with translation.override(language):
        return public_url(reverse("proposals:proposal_detail", args=[proposal.pk]))


def _submitter_tell(proposal: Proposal, template: str, *, note: str = "") -> None:
    """Tell the proposer, in their language, by e-mail or else by text message."""
    person = proposal.submitter
    context = {
        "proposal": proposal,
        "person": person,
        "note": note,
        "url": _proposal_url(proposal, person.language),
    }
    person_tell(
        email=person.email,
        phone=person.phone,
        language=person.language,
        app="proposals",
        template=template,
        context=context,
    )


def _speakers_tell(proposal: Proposal, template: str) -> None:
    """Tell each speaker who confirmed the decision, in the language of their invitation, by
    e-mail or else by text message, as their invitation reached them. The programme team's
    note is the proposer's alone; someone reached at the proposer's own address, or at an
    address already told, is told once."""
    submitter = proposal.submitter
    told = {(submitter.email or "").lower(), submitter.phone or ""} - {""}
    for invited in proposal.speakers.filter(confirmed_at__isnull=False).order_by("pk"):
        address = invited.email or invited.phone
        if invited.user_id == submitter.pk or address in told:
            continue
        told.add(address)
        person_tell(
            email=invited.email,
            phone=invited.phone,
            language=invited.language,
            app="proposals",
            template=template,
            context={"invited": invited, "proposal": proposal},
        )


def _invitation_send(invited: InvitedSpeaker, token: str) -> None:
    with translation.override(invited.language):
        url = public_url(reverse("proposals:speaker_confirm", args=[token]))
    context = {
        "invited": invited,
        "proposal": invited.proposal,
        "inviter": invited.proposal.submitter,
        "url": url,
    }
    person_tell(
        email=invited.email,
        phone=invited.phone,
        language=invited.language,
        app="proposals",
        template="invitation",
        context=context,
    )
