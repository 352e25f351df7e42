"""What the partnerships register's rules refuse, with a message for the user."""

from fairsite.errors import FairError


class PartnershipError(FairError):
    code = "partnership_refused"
