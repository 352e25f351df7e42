"""What the exhibitor rules refuse, with a message for the user."""

from django.utils.translation import gettext_lazy as _


class ApplicationError(Exception):
    """A rule refused the change; `str(error)` says why, in the user's language."""


class InvalidTransition(ApplicationError):
    pass


class RegistrationClosed(ApplicationError):
    pass


class ApplicationIncomplete(ApplicationError):
    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(_("The application is incomplete."))


class StandUnavailable(ApplicationError):
    pass


class StaffQuotaReached(ApplicationError):
    pass


class InvitationInvalid(ApplicationError):
    pass
