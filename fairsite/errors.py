"""What a rule refuses. Every service raises a FairError (or an app's subclass of it) when it
will not do what was asked; views and the API turn it into a message or an answer.

`code` names the refusal, stable for the API, the logs and the tests; `str(error)` says why
in the user's language (services raise it while the user's language is active).
"""

from django.utils.translation import gettext_lazy as _


class FairError(Exception):
    code = "refused"
    default_message = _("This cannot be done.")

    def __init__(self, message=None, *, code: str | None = None):
        self.message = self.default_message if message is None else message
        if code is not None:
            self.code = code
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)
