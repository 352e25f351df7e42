"""Telling a person something about their sessions: by e-mail, or by text message when they
gave only a mobile number."""

from events.models import Attendee
from fairsite.services.mail import email_render_and_queue
from fairsite.services.sms import sms_render_and_queue


def attendee_notify(*, attendee: Attendee, template: str, context: dict) -> bool:
    """Send `programme/email/<template>` to the attendee's address, or the shorter
    `programme/sms/<template>.txt` to their number; False if they can be reached by neither."""
    if attendee.email:
        email_render_and_queue(
            to=[attendee.email],
            template_prefix=f"programme/email/{template}",
            context=context,
            language=attendee.language,
        )
        return True
    if attendee.phone:
        sms_render_and_queue(
            to=attendee.phone,
            template=f"programme/sms/{template}.txt",
            context=context,
            language=attendee.language,
        )
        return True
    return False
