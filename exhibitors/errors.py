"""What the exhibitor rules refuse, with a message for the user."""

from django.utils.translation import gettext_lazy as _

from fairsite.errors import FairError


class ApplicationError(FairError):
    code = "application_refused"


class InvalidTransition(ApplicationError):
    code = "invalid_transition"


class RegistrationClosed(ApplicationError):
    code = "registration_closed"


class ApplicationIncomplete(ApplicationError):
    code = "application_incomplete"

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(_("The application is incomplete."))


class StandUnavailable(ApplicationError):
    code = "stand_unavailable"


class StaffQuotaReached(ApplicationError):
    code = "staff_quota_reached"


class InvitationInvalid(ApplicationError):
    code = "invitation_invalid"


class PhotoLimitReached(ApplicationError):
    code = "photo_limit_reached"


class LeadError(FairError):
    """A note or rating on a stand visit that cannot be kept as given."""

    code = "lead_refused"
