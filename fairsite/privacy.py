"""What each form that collects personal data tells people beside it (law 09-08): who uses
the data, for what, who receives it; the full privacy notice is one link away."""

from django.utils.translation import gettext_lazy as _

# By collection point: the form's purpose in one or two sentences.
NOTICES = {
    "visit": _(
        "The Regional Council of the Oriental uses your name, e-mail or mobile number and "
        "organisation to issue your badge, send it to you and check it at the entrance. They "
        "are shared with no one."
    ),
    "account": _(
        "The Regional Council of the Oriental uses your name and your e-mail address or mobile "
        "number to run your account, to write to you about it and to print your badge when you "
        "sign up for a session. They are shared with no one."
    ),
    "cooperative": _(
        "The Regional Council of the Oriental uses your cooperative's details to review its "
        "applications and place its stand. The public directory shows only what you choose "
        "to publish."
    ),
    "staff": _(
        "The names and phone numbers of your stand's staff are used to issue their badges and "
        "check them at the entrance. Let them know: they can ask to see or delete them."
    ),
    "b2b": _(
        "Your name, organisation, offers and needs are shown to the other participants of the "
        "business meetings so that they can ask to meet you; your e-mail address is used for "
        "the meetings only."
    ),
    "export_support": _(
        "Your request and its files go to the council's logistics unit only, which uses them "
        "to help your cooperative export."
    ),
    "session_signup": _(
        "Your sign-up is used to keep your seat and to tell you of changes to the session. It "
        "is shared with no one."
    ),
}
