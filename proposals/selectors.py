"""Who may do what with proposals, and what each sees of them."""

from django.db.models import Avg, Count, Q

from proposals.choices import ProposalStatus
from proposals.models import Proposal

DECIDE = "proposals.change_proposal"
REVIEW = "proposals.review_proposal"


def is_decider(user) -> bool:
    """Organisers and programme editors: they run calls and accept or decline proposals."""
    return bool(user and user.is_authenticated and user.has_perm(DECIDE))


def is_reviewer(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(REVIEW))


def is_own_proposal(proposal: Proposal, user) -> bool:
    """Whether `user` proposed it or is one of its invited speakers."""
    if proposal.submitter_id == user.pk:
        return True
    match = Q(user=user)
    if user.email:
        match |= Q(email__iexact=user.email)
    if user.phone:
        match |= Q(phone=user.phone)
    return proposal.speakers.filter(match).exists()


def names_visible(proposal: Proposal, user) -> bool:
    """Whether `user` may see who proposed it and who speaks: everyone deciding does; a
    reviewer only when the call's reviews are not anonymous."""
    return is_decider(user) or not proposal.call.anonymous_reviews


def reviews_visible(user) -> bool:
    """Whether `user` reads the other reviewers' scores and comments (deciders) or only their
    own (reviewers, who score without being swayed)."""
    return is_decider(user)


def proposals_for_staff():
    """Proposals the admin lists: every one sent to a call (drafts are their author's alone),
    with their count of reviews and average score."""
    return (
        Proposal.objects.exclude(status=ProposalStatus.DRAFT)
        .select_related("call__edition", "track")
        .annotate(review_count=Count("reviews", distinct=True), score=Avg("reviews__score"))
    )
