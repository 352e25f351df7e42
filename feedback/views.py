"""The pages where people give their feedback: reached from a badge's own link (its secret
token, as the badge page is) or signed in with their account; and the exhibitors' survey in
the portal, for the managers of a confirmed application."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.models import Attendee, Edition
from events.services.badge_links import badge_from_link_token
from feedback import selectors
from feedback.forms import ExhibitorSurveyForm, SessionRatingForm, VisitorSurveyForm
from feedback.models import SessionRating, VisitorSurvey
from feedback.services import (
    FeedbackError,
    exhibitor_survey_save,
    session_rating_save,
    visitor_survey_save,
)
from programme.choices import SessionStatus
from programme.models import Session


def _badge_attendee(token: str) -> Attendee:
    badge = badge_from_link_token(token)
    if badge is None:
        raise Http404
    return badge.attendee


def _overview(request, attendees, *, urls) -> dict:
    sessions = selectors.sessions_to_rate(attendees)
    surveys = selectors.visitor_survey_attendees(attendees)
    return {
        "sessions": [(session, urls.session(session)) for session in sessions],
        "surveys": [(attendee, urls.survey(attendee)) for attendee in surveys],
    }


class _BadgeUrls:
    def __init__(self, token):
        self.token = token

    def overview(self):
        return reverse("feedback:badge", args=[self.token])

    def session(self, session):
        return reverse("feedback:badge_session", args=[self.token, session.pk])

    def survey(self, attendee):
        return reverse("feedback:badge_survey", args=[self.token])


class _AccountUrls:
    def overview(self):
        return reverse("feedback:mine")

    def session(self, session):
        return reverse("feedback:my_session", args=[session.pk])

    def survey(self, attendee):
        return reverse("feedback:my_survey", args=[attendee.edition_id])


def badge_overview(request, token):
    attendee = _badge_attendee(token)
    context = _overview(request, [attendee], urls=_BadgeUrls(token))
    return render(request, "feedback/overview.html", {**context, "attendee": attendee})


@login_required
def my_overview(request):
    attendees = list(selectors.account_attendees(request.user))
    context = _overview(request, attendees, urls=_AccountUrls())
    return render(request, "feedback/overview.html", context)


def badge_session(request, token, session_id):
    attendee = _badge_attendee(token)
    return _rate(request, _session(session_id), attendee, back=_BadgeUrls(token).overview())


@login_required
def my_session(request, session_id):
    session = _session(session_id)
    attendee = next(
        (
            attendee
            for attendee in selectors.account_attendees(request.user).filter(
                edition_id=session.edition_id
            )
            if selectors.may_rate(session, attendee)
        ),
        None,
    )
    if attendee is None:
        raise Http404
    return _rate(request, session, attendee, back=_AccountUrls().overview())


def _session(session_id) -> Session:
    return get_object_or_404(
        Session.objects.select_related("edition", "room", "track"),
        pk=session_id,
        status=SessionStatus.PUBLISHED,
    )


def _rate(request, session, attendee, *, back):
    """The form that rates one session; someone else's session answers as if it did not
    exist."""
    if not selectors.may_rate(session, attendee):
        raise Http404
    rating = SessionRating.objects.filter(session=session, attendee=attendee).first()
    form = SessionRatingForm(request.POST or None, instance=rating)
    if request.method == "POST" and form.is_valid():
        try:
            session_rating_save(
                session=session,
                attendee=attendee,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
                language=get_language(),
                by=request.user,
            )
        except FeedbackError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: your opinion is saved."))
            return redirect(back)
    return render(
        request,
        "feedback/session_rating.html",
        {
            "session": session,
            "form": form,
            "rating": rating,
            "is_open": selectors.rating_is_open(session),
            "is_over": session.ends_at <= _now(),
            "closes_at": selectors.survey_closes_at(session.edition),
            "back": back,
        },
    )


def badge_survey(request, token):
    attendee = _badge_attendee(token)
    return _visitor_survey(request, attendee, back=_BadgeUrls(token).overview())


@login_required
def my_survey(request, edition_id):
    edition = get_object_or_404(Edition, pk=edition_id)
    attendee = selectors.account_attendees(request.user).filter(edition=edition).first()
    if attendee is None:
        raise Http404
    return _visitor_survey(request, attendee, back=_AccountUrls().overview())


def _visitor_survey(request, attendee, *, back):
    edition = attendee.edition
    survey = VisitorSurvey.objects.filter(attendee=attendee).first()
    form = VisitorSurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        try:
            visitor_survey_save(
                attendee=attendee, language=get_language(), by=request.user, **form.cleaned_data
            )
        except FeedbackError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: your answers are saved."))
            return redirect(back)
    return render(
        request,
        "feedback/visitor_survey.html",
        {"edition": edition, "form": form, "survey": survey, "back": back, **_window(edition)},
    )


@login_required
def exhibitor_survey(request, application_id):
    application = get_object_or_404(
        selectors.exhibitor_applications(request.user).select_related("edition", "cooperative"),
        pk=application_id,
    )
    survey = selectors.exhibitor_survey_of(application)
    form = ExhibitorSurveyForm(request.POST or None, instance=survey)
    back = reverse("exhibitors:application_detail", args=[application.pk])
    if request.method == "POST" and form.is_valid():
        try:
            exhibitor_survey_save(
                application=application,
                language=get_language(),
                by=request.user,
                **form.cleaned_data,
            )
        except FeedbackError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: your answers are saved."))
            return redirect(back)
    return render(
        request,
        "feedback/exhibitor_survey.html",
        {
            "application": application,
            "edition": application.edition,
            "form": form,
            "survey": survey,
            "back": back,
            **_window(application.edition),
        },
    )


def _window(edition) -> dict:
    now = _now()
    opens_at = selectors.survey_opens_at(edition)
    closes_at = selectors.survey_closes_at(edition)
    return {
        "is_open": opens_at <= now < closes_at,
        "opens_at": opens_at,
        "closes_at": closes_at,
        "not_yet": now < opens_at,
    }


def _now():
    return timezone.now()
