"""What the call for proposals' rules refuse, with a message for the user."""

from fairsite.errors import FairError


class ProposalError(FairError):
    code = "proposal_refused"


class InvalidTransition(ProposalError):
    code = "invalid_transition"
