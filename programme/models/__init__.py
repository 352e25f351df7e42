from .attendance import SessionAttendance
from .pages import ProgrammePage
from .sessions import (
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
    "ProgrammePage",
    "Room",
    "RoomAvailability",
    "Session",
    "SessionAttendance",
    "SessionChange",
    "SessionQuerySet",
    "SessionSignup",
    "Speaker",
    "Track",
]
