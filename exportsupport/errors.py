"""What the export support rules refuse, with a message for the user."""

from fairsite.errors import FairError


class SupportError(FairError):
    code = "support_refused"


class InvalidTransition(SupportError):
    code = "invalid_transition"
