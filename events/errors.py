"""What the badge and gate rules refuse, with a message for the user."""

from fairsite.errors import FairError


class BadgeError(FairError):
    code = "badge_refused"


class ImportRefused(FairError):
    """A whole file of attendees refused (not a row: rows are reported one by one)."""

    code = "import_refused"


class DeviceError(FairError):
    """A pairing code that is not (or no longer) good for pairing a scanning device."""

    code = "device_refused"
