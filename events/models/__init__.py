from .badges import Attendee, Badge
from .checkin import CheckIn, Gate
from .editions import Edition, EditionQuerySet, Venue, validate_time_zone

__all__ = [
    "Attendee",
    "Badge",
    "CheckIn",
    "Edition",
    "EditionQuerySet",
    "Gate",
    "Venue",
    "validate_time_zone",
]
