from .badges import Attendee, Badge, BadgePrintJob
from .checkin import CheckIn, Gate
from .editions import Edition, EditionQuerySet, Venue, validate_time_zone
from .pages import ProgrammePage
from .programme import (
    Agenda,
    Room,
    RoomAvailability,
    Session,
    SessionChange,
    SessionQuerySet,
    SessionSignup,
    Speaker,
    Track,
)

__all__ = [
    "Agenda",
    "Attendee",
    "Badge",
    "BadgePrintJob",
    "CheckIn",
    "Edition",
    "EditionQuerySet",
    "Gate",
    "ProgrammePage",
    "Room",
    "RoomAvailability",
    "Session",
    "SessionChange",
    "SessionQuerySet",
    "SessionSignup",
    "Speaker",
    "Track",
    "Venue",
    "validate_time_zone",
]
