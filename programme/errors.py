"""What the programme's rules refuse, with a message for the user."""

from fairsite.errors import FairError


class ProgrammeError(FairError):
    """`clashes` lists the schedule clashes that stand in the way, when those are why."""

    code = "programme_refused"

    def __init__(self, message, clashes: list = (), *, code: str | None = None):
        super().__init__(message, code=code)
        self.clashes = list(clashes)
