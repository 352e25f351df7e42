from .badges import Attendee, Badge, BadgePrintJob
from .checkin import CheckIn, Gate
from .editions import Edition, EditionQuerySet, Venue, validate_time_zone

__all__ = [
    "Attendee",
    "Badge",
    "BadgePrintJob",
    "CheckIn",
    "Edition",
    "EditionQuerySet",
    "Gate",
    "Venue",
    "validate_time_zone",
]
