"""Links to the feedback pages from the pages people already have: their badge's page, their
agenda and their application in the exhibitor portal. Each shows nothing when there is
nothing to answer."""

from django import template
from django.urls import reverse

from exhibitors.choices import ApplicationStatus
from feedback import selectors

register = template.Library()


@register.inclusion_tag("feedback/includes/invite.html")
def feedback_for_badge(badge, token) -> dict:
    """On a badge's page: the sessions to rate and the visitors' survey, if any."""
    attendees = [badge.attendee]
    return _invite(attendees, reverse("feedback:badge", args=[token]))


@register.inclusion_tag("feedback/includes/invite.html")
def feedback_for_user(user) -> dict:
    """On an account's agenda: the same, for every registration of the account."""
    if not user.is_authenticated:
        return {"show": False}
    return _invite(list(selectors.account_attendees(user)), reverse("feedback:mine"))


def _invite(attendees, url) -> dict:
    sessions = selectors.sessions_to_rate(attendees)
    surveys = selectors.visitor_survey_attendees(attendees)
    unrated = sum(1 for session in sessions if session.my_rating is None)
    return {
        "show": bool(sessions or surveys),
        "url": url,
        "unrated": unrated,
        "survey_open": bool(surveys),
        "survey_answered": any(attendee.survey for attendee in surveys),
    }


@register.inclusion_tag("feedback/includes/exhibitor_invite.html")
def exhibitor_survey_link(application) -> dict:
    """On a confirmed application's page in the portal, while the survey is open."""
    if application.status != ApplicationStatus.CONFIRMED or not selectors.survey_is_open(
        application.edition
    ):
        return {"show": False}
    return {
        "show": True,
        "url": reverse("feedback:exhibitor_survey", args=[application.pk]),
        "answered": selectors.exhibitor_survey_of(application) is not None,
    }
