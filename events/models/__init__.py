from .badges import Attendee, Badge, BadgePrintJob
from .checkin import CheckIn, Gate
from .consents import Consent
from .devices import GateDevice, ScannerDevice
from .editions import Edition, EditionQuerySet, OpeningHours, Venue, validate_time_zone
from .pages import PracticalInfoPage

__all__ = [
    "Attendee",
    "Badge",
    "BadgePrintJob",
    "CheckIn",
    "Consent",
    "Edition",
    "EditionQuerySet",
    "Gate",
    "GateDevice",
    "OpeningHours",
    "PracticalInfoPage",
    "ScannerDevice",
    "Venue",
    "validate_time_zone",
]
