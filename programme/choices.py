from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionType(models.TextChoices):
    TALK = "talk", _("Talk")
    PANEL = "panel", _("Panel")
    WORKSHOP = "workshop", _("Workshop")
    CEREMONY = "ceremony", _("Ceremony")
    PARTNERSHIP_MEETING = "partnership_meeting", _("Partnership meeting")
    B2B_BLOCK = "b2b_block", _("B2B meetings")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class SpokenLanguage(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    DARIJA = "ary", _("Moroccan Arabic (Darija)")
    AMAZIGH = "zgh", _("Amazigh")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    MULTILINGUAL = "mul", _("Several languages, with interpreting")


class AttendanceVia(models.TextChoices):
    SIGNUP = "signup", _("With a place signed up for")
    WALK_IN = "walk_in", _("A free seat at the door")


class RoomScanResult(models.TextChoices):
    """The room scanner's verdicts; those a gate gives too have the gate's values."""

    ADMITTED = "ok", _("Admitted")
    ALREADY_IN = "already_in", _("Already in")
    FULL = "full", _("Full")
    NO_SESSION = "no_session", _("No session now")
    INVALID = "invalid", _("Invalid")
    WRONG_EDITION = "wrong_edition", _("Another edition")
    REVOKED = "revoked", _("Revoked")
    REHEARSAL_OVER = "rehearsal_over", _("Rehearsal over")
