from .attendance import RoomDevice, SessionAttendance
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
    "RoomDevice",
    "RoomAvailability",
    "Session",
    "SessionAttendance",
    "SessionChange",
    "SessionQuerySet",
    "SessionSignup",
    "Speaker",
    "Track",
]
