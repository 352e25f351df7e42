"""A visitor's agenda: the sessions they star, and the secret address of its calendar feed."""

from programme.models import Agenda, Session
from programme.models.sessions import agenda_secret


def agenda_for(*, user) -> Agenda:
    agenda, _created = Agenda.objects.get_or_create(user=user)
    return agenda


def agenda_star(*, user, session: Session) -> Agenda:
    agenda = agenda_for(user=user)
    agenda.sessions.add(session)
    return agenda


def agenda_unstar(*, user, session: Session) -> Agenda:
    agenda = agenda_for(user=user)
    agenda.sessions.remove(session)
    return agenda


def agenda_secret_reset(*, agenda: Agenda) -> Agenda:
    """A new feed address: calendars subscribed to the old one get nothing more."""
    agenda.secret = agenda_secret()
    agenda.save(update_fields=["secret"])
    return agenda
