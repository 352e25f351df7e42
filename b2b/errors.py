"""What the B2B meetings' rules refuse, with a message for the user."""

from fairsite.errors import FairError


class B2BError(FairError):
    code = "b2b_refused"
