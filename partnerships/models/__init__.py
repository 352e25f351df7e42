from .pages import PartnershipsPage
from .register import (
    Agreement,
    Commitment,
    Decision,
    MeetingParticipant,
    PartnerRegion,
    PartnershipMeeting,
    ReminderDigest,
)

__all__ = [
    "Agreement",
    "Commitment",
    "Decision",
    "MeetingParticipant",
    "PartnerRegion",
    "PartnershipMeeting",
    "PartnershipsPage",
    "ReminderDigest",
]
