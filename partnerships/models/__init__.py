from .b2b import B2BBlock, B2BMeeting, B2BParticipant, B2BSeat, MeetingRequest
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
    "B2BBlock",
    "B2BMeeting",
    "B2BParticipant",
    "B2BSeat",
    "Commitment",
    "Decision",
    "MeetingParticipant",
    "MeetingRequest",
    "PartnerRegion",
    "PartnershipMeeting",
    "PartnershipsPage",
    "ReminderDigest",
]
