from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    ARCHIVED = "archived", _("Archived")


class AttendeeCategory(models.TextChoices):
    VISITOR = "visitor", _("Visitor")
    EXHIBITOR_STAFF = "exhibitor_staff", _("Exhibitor staff")
    SPEAKER = "speaker", _("Speaker")
    PRESS = "press", _("Press")
    ORGANISER = "organiser", _("Organiser")
    DELEGATION = "delegation", _("Delegation")
    VOLUNTEER = "volunteer", _("Volunteer")
    # For rehearsing the gates and scanners: valid on any day while the edition's rehearsal is
    # on, refused once it is off, and never counted by the observatory.
    TEST = "test", _("Test badge")


# The category's number inside a badge code: append only, never reorder.
BADGE_CATEGORY_CODES = [
    AttendeeCategory.VISITOR,
    AttendeeCategory.EXHIBITOR_STAFF,
    AttendeeCategory.SPEAKER,
    AttendeeCategory.PRESS,
    AttendeeCategory.ORGANISER,
    AttendeeCategory.DELEGATION,
    AttendeeCategory.VOLUNTEER,
    AttendeeCategory.TEST,
]

# The categories that a new edition lets through a gate any number of times without an exit
# scan (each edition's organisers may change them); the others enter once a day, and again
# only after an exit scan.
DEFAULT_UNLIMITED_ENTRY = [
    AttendeeCategory.EXHIBITOR_STAFF.value,
    AttendeeCategory.PRESS.value,
    AttendeeCategory.ORGANISER.value,
    AttendeeCategory.VOLUNTEER.value,
]


class BadgeStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Revoked")


class Direction(models.TextChoices):
    IN = "in", _("Entry")
    OUT = "out", _("Exit")


class ScanResult(models.TextChoices):
    OK = "ok", _("Admitted")
    ALREADY_IN = "already_in", _("Already in")
    REVOKED = "revoked", _("Revoked")
    INVALID = "invalid", _("Invalid")
    WRONG_EDITION = "wrong_edition", _("Another edition")
    NOT_VALID_TODAY = "not_valid_today", _("Not valid today")
    REHEARSAL_OVER = "rehearsal_over", _("Rehearsal over")


class RegisteredVia(models.TextChoices):
    """How a person came to have their badge: walk-ins are those of the desk, the kiosk and
    the blank badges bound at the desk."""

    ONLINE = "online", _("Online")
    DESK = "desk", _("At the desk")
    KIOSK = "kiosk", _("At the kiosk")
    BLANK_BADGE = "blank_badge", _("Blank badge bound at the desk")


class HowHeard(models.TextChoices):
    SOCIAL_MEDIA = "social_media", _("Social media")
    RADIO_TV = "radio_tv", _("Radio or television")
    PRESS = "press", _("Newspaper")
    COOPERATIVE = "cooperative", _("A cooperative or association")
    WORD_OF_MOUTH = "word_of_mouth", _("Family or friends")
    WEBSITE = "website", _("This website")
    OTHER = "other", _("Other")


class ConsentKind(models.TextChoices):
    """What a visitor may agree to beyond their badge: each asked separately, never assumed."""

    NEWS = "news", _("News from the council")
    FINDABLE = "findable", _("Findable by exhibitors and business-meeting participants")
    PHOTOS = "photos", _("Photos")
