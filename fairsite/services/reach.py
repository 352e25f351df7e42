"""Telling a person something by e-mail, or by text message when they gave only a mobile
number: the one rule for every notice the site sends to someone without an account's inbox."""

from fairsite.services.mail import email_render_and_queue
from fairsite.services.sms import sms_render_and_queue


def person_tell(
    *, email: str, phone: str, language: str, app: str, template: str, context: dict
) -> bool:
    """Queue `<app>/email/<template>` to `email`, or else the shorter
    `<app>/sms/<template>.txt` to `phone`, in `language`; False when neither is given."""
    if email:
        email_render_and_queue(
            to=[email],
            template_prefix=f"{app}/email/{template}",
            context=context,
            language=language,
        )
        return True
    if phone:
        sms_render_and_queue(
            to=phone, template=f"{app}/sms/{template}.txt", context=context, language=language
        )
        return True
    return False
