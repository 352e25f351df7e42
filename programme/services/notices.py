"""Telling a person something about their sessions: by e-mail, or by text message when they
gave only a mobile number."""

from events.models import Attendee
from fairsite.services.reach import person_tell


def attendee_notify(*, attendee: Attendee, template: str, context: dict) -> bool:
    """Send `programme/email/<template>` to the attendee's address, or the shorter
    `programme/sms/<template>.txt` to their number; False if they can be reached by neither."""
    return person_tell(
        email=attendee.email,
        phone=attendee.phone,
        language=attendee.language,
        app="programme",
        template=template,
        context=context,
    )
