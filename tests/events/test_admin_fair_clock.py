"""Every date and time in the admin is on the fair's clock: the current edition's time zone,
which in Morocco moves between UTC+1 and UTC+0 around Ramadan, whatever the server's zone."""

import datetime
import re
import zoneinfo

import pytest
from django.contrib.admin.utils import quote
from django.db import models
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page
from wagtail.users.models import UserProfile

from b2b.models import B2BUnavailability, MeetingFeedback
from events.models import BadgePrintJob
from feedback.models import ExhibitorSurvey, SessionRating, VisitorSurvey
from privacy.models import DataRequest, RetentionSweep
from proposals.models import CallForProposals, CallQuestion
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    B2BBlockFactory,
    B2BParticipantFactory,
    CommitmentFactory,
    CooperativeFactory,
    EditionFactory,
    SessionFactory,
    UserFactory,
)
from tests.factories.records import (
    AttendeeFactory,
    B2BMeetingFactory,
    BadgeFactory,
    CheckInFactory,
    MeetingRequestFactory,
    PartnershipMeetingFactory,
    SessionChangeFactory,
    SupportRequestFactory,
)
from tests.proposals.conftest import CallFactory, make_proposal

pytestmark = pytest.mark.django_db

CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")

# 15:37 on the fair's clock, on a day of Ramadan 2027 (Morocco on UTC+0) and on a day of
# summer time (UTC+1): a page that shows UTC, or a fixed UTC+1, shows another time on one
# of them.
DAYS = [
    pytest.param(datetime.date(2027, 2, 10), id="ramadan"),
    pytest.param(datetime.date(2027, 5, 15), id="summer"),
]
WALL_CLOCK = datetime.time(15, 37)

# One record with a date and time field for each model the admin lists.
RECORDS = {
    "events.edition": lambda edition: edition,
    "events.attendee": lambda edition: AttendeeFactory(edition=edition),
    "events.badge": lambda edition: BadgeFactory(attendee__edition=edition),
    "events.checkin": lambda edition: CheckInFactory(badge__attendee__edition=edition),
    "programme.session": lambda edition: SessionFactory(edition=edition),
    "programme.sessionchange": lambda edition: SessionChangeFactory(session__edition=edition),
    "exhibitors.cooperative": lambda edition: CooperativeFactory(),
    "exhibitors.application": lambda edition: ApplicationFactory(edition=edition),
    "partnerships.agreement": lambda edition: AgreementFactory(),
    "partnerships.commitment": lambda edition: CommitmentFactory(),
    "partnerships.partnershipmeeting": lambda edition: PartnershipMeetingFactory(),
    "b2b.b2bparticipant": lambda edition: B2BParticipantFactory(edition=edition),
    "b2b.meetingrequest": lambda edition: MeetingRequestFactory(edition=edition),
    "b2b.b2bblock": lambda edition: B2BBlockFactory(edition=edition),
    "b2b.b2bmeeting": lambda edition: B2BMeetingFactory(request__edition=edition),
    "b2b.meetingfeedback": lambda edition: _feedback(edition),
    "b2b.b2bunavailability": lambda edition: B2BUnavailability.objects.create(
        participant=B2BParticipantFactory(edition=edition),
        starts_at=datetime.datetime(2031, 5, 13, 15, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2031, 5, 13, 16, tzinfo=datetime.UTC),
    ),
    "exportsupport.supportrequest": lambda edition: SupportRequestFactory(),
    "fairsite.user": lambda edition: UserFactory(),
    "privacy.datarequest": lambda edition: DataRequest.objects.create(
        attendee=AttendeeFactory(edition=edition)
    ),
    "privacy.retentionsweep": lambda edition: RetentionSweep.objects.create(),
    "proposals.callforproposals": lambda edition: CallFactory(edition=edition),
    "proposals.proposal": lambda edition: _proposal(edition),
    "feedback.sessionrating": lambda edition: SessionRating.objects.create(
        session=SessionFactory(edition=edition),
        attendee=AttendeeFactory(edition=edition),
        score=3,
    ),
    "feedback.visitorsurvey": lambda edition: VisitorSurvey.objects.create(
        attendee=AttendeeFactory(edition=edition), edition=edition, satisfaction=3, come_again="yes"
    ),
    "feedback.exhibitorsurvey": lambda edition: ExhibitorSurvey.objects.create(
        application=ApplicationFactory(edition=edition, status="confirmed"),
        satisfaction=3,
        come_again="yes",
    ),
}


def _proposal(edition):
    """A proposal to the edition's call, open again if its walk set its moments in the past."""
    call = CallForProposals.objects.filter(edition=edition).first() or CallFactory(edition=edition)
    now = datetime.datetime.now(datetime.UTC)
    CallForProposals.objects.filter(pk=call.pk).update(
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=30)
    )
    CallQuestion.objects.create(call=call, text_ar="سؤال", text_fr="Question")
    return make_proposal(CallForProposals.objects.get(pk=call.pk), UserFactory())


def _feedback(edition):
    meeting = B2BMeetingFactory(request__edition=edition)
    return MeetingFeedback.objects.create(
        meeting=meeting, participant=meeting.request.requester, held="held", outcome="order"
    )


def moment_fields(model) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField)
    ]


def typed_moment_fields(model) -> list[str]:
    return [
        name
        for name in moment_fields(model)
        if model._meta.get_field(name).editable
        and not (model._meta.get_field(name).auto_now or model._meta.get_field(name).auto_now_add)
    ]


def model_viewsets() -> list[ModelViewSet]:
    """The admin's viewsets of models other than pages (snippets included)."""
    reverse("wagtailadmin_home")  # the admin's URLs, and so its viewsets, are loaded
    return [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(viewset, ModelViewSet)
        and not isinstance(viewset, ChooserViewSet)
        and not issubclass(viewset.model, Page)
    ]


def admin_viewsets() -> list[ModelViewSet]:
    """The admin's viewsets of models with a date and time (snippets included)."""
    return [viewset for viewset in model_viewsets() if moment_fields(viewset.model)]


def clock_readings(moment: datetime.datetime) -> tuple[str, set[str]]:
    """The moment as the fair's clock reads it, and as a page would show it by mistake: in
    UTC, or at a fixed UTC+1."""
    utc = moment.astimezone(datetime.UTC)
    local = f"{moment:%H:%M}"
    wrong = {f"{utc:%H:%M}", f"{utc + datetime.timedelta(hours=1):%H:%M}"} - {local}
    return local, wrong


def shows(html: str, reading: str) -> bool:
    return re.search(rf"(?<![\d:]){reading}(:00)?(?![\d:])", html) is not None


@pytest.fixture
def superuser_client(client):
    admin = UserFactory(is_superuser=True, is_staff=True, language="fr")
    client.force_login(admin)
    # French: its dates and times read 24-hour, as "15:37", in every admin format.
    client.cookies["django_language"] = "fr"
    return client, admin


def pages_of(viewset, record) -> list[str]:
    urls = [viewset.menu_url]
    for name in ("inspect", "edit", "history"):
        if name == "inspect" and not viewset.inspect_view_enabled:
            continue
        try:
            urls.append(reverse(viewset.get_url_name(name), args=[quote(record.pk)]))
        except NoReverseMatch:
            continue
    return urls


def test_every_admin_model_with_a_moment_has_a_record_here():
    """A new model with a date and time in the admin is walked by the test below."""
    labels = {viewset.model._meta.label_lower for viewset in admin_viewsets()}
    assert labels == set(RECORDS)


@pytest.mark.parametrize("day", DAYS)
@override_settings(TIME_ZONE="UTC")
def test_every_admin_page_shows_times_on_the_fair_clock(superuser_client, day):
    client, admin = superuser_client
    moment = datetime.datetime.combine(day, WALL_CLOCK, tzinfo=CASABLANCA)
    local, wrong = clock_readings(moment)
    edition = EditionFactory(
        is_current=True, year=day.year, starts_on=day, ends_on=day + datetime.timedelta(days=3)
    )
    assert edition.time_zone == "Africa/Casablanca"

    wrong_shown, local_missing = [], []
    for viewset in admin_viewsets():
        model = viewset.model
        record = RECORDS[model._meta.label_lower](edition)
        # Every moment at 15:37; an end (or a closing) the day after its start.
        moments = {
            name: moment + datetime.timedelta(days=name.startswith(("ends", "closes")))
            for name in moment_fields(model)
        }
        model.objects.filter(pk=record.pk).update(**moments)
        log(instance=record, action="wagtail.edit", user=admin)
        ModelLogEntry.objects.filter(object_id=str(record.pk)).update(timestamp=moment)

        shown_on_a_page = False
        for url in pages_of(viewset, record):
            response = client.get(url, follow=True)  # an inspect-only record's edit leads there
            assert response.status_code == 200, url
            html = response.content.decode()
            wrong_shown += [(url, reading) for reading in wrong if shows(html, reading)]
            if "/history/" in url:
                if not shows(html, local):
                    local_missing.append(url)
            else:
                shown_on_a_page = shown_on_a_page or shows(html, local)
        if typed_moment_fields(model) and not shown_on_a_page:
            local_missing.append(model._meta.label_lower)

    assert wrong_shown == []
    assert local_missing == []


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        pytest.param(datetime.date(2027, 2, 10), 15, id="ramadan"),
        pytest.param(datetime.date(2027, 5, 15), 14, id="summer"),
    ],
)
@override_settings(TIME_ZONE="UTC")
def test_a_time_typed_in_the_admin_is_read_on_the_fair_clock(superuser_client, day, utc_hour):
    client, _admin = superuser_client
    EditionFactory(is_current=True, year=day.year, starts_on=day)
    meeting = PartnershipMeetingFactory(
        starts_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    url = reverse("partnership_meetings:edit", args=[meeting.pk])
    form = client.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, (list, datetime.datetime))
    }
    for formset in form.formsets.values():  # participants and decisions: none
        data |= {f"{formset.prefix}-{name}": 0 for name in ("TOTAL_FORMS", "INITIAL_FORMS")}
    typed = f"{day:%Y-%m-%d} 15:00"
    response = client.post(url, data | {"starts_at": typed, "ends_at": ""})
    assert response.status_code == 302

    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime.combine(
        day, datetime.time(utc_hour), tzinfo=datetime.UTC
    )
    assert f'value="{typed}"' in client.get(url).content.decode()


@override_settings(TIME_ZONE="UTC")
def test_an_organiser_who_chose_another_zone_still_reads_the_fair_clock(superuser_client):
    client, admin = superuser_client
    day = datetime.date(2027, 5, 15)
    EditionFactory(is_current=True, year=day.year, starts_on=day)
    UserProfile.objects.create(user=admin, current_time_zone="UTC")
    meeting = PartnershipMeetingFactory(
        starts_at=datetime.datetime.combine(day, WALL_CLOCK, tzinfo=CASABLANCA)
    )

    page = client.get(reverse("partnership_meetings:inspect", args=[meeting.pk]))
    form = client.get(reverse("partnership_meetings:edit", args=[meeting.pk]))

    assert shows(page.content.decode(), "15:37") and not shows(page.content.decode(), "14:37")
    assert 'value="2027-05-15 15:37"' in form.content.decode()
    # Their preference stays theirs; the account page no longer offers one.
    assert UserProfile.objects.get(user=admin).current_time_zone == "UTC"
    assert 'name="locale-current_time_zone"' not in client.get("/admin/account/").content.decode()


@override_settings(TIME_ZONE="UTC")
def test_a_custom_admin_page_lists_badge_printings_on_the_fair_clock(superuser_client):
    client, admin = superuser_client
    day = datetime.date(2027, 5, 15)
    edition = EditionFactory(is_current=True, year=day.year, starts_on=day)
    job = BadgePrintJob.objects.create(edition=edition, created_by=admin)
    BadgePrintJob.objects.filter(pk=job.pk).update(
        created_at=datetime.datetime.combine(day, WALL_CLOCK, tzinfo=CASABLANCA)
    )

    html = client.get(reverse("badges:print_jobs")).content.decode()

    assert "2027-05-15 15:37" in html
    assert not shows(html, "14:37")
