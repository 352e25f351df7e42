"""What the rules on people's requests refuse, with a message for the organiser."""

from django.utils.translation import gettext_lazy as _

from fairsite.errors import FairError


class DataRequestError(FairError):
    code = "data_request_refused"
    messages = {
        "already_processed": _("This request has already been processed."),
        "own_request": _("Another organiser must process a request about your own account."),
    }

    def __init__(self, code: str):
        super().__init__(self.messages[code], code=code)
