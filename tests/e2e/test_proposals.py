"""A session proposed in Arabic on a phone, its speaker confirming from the link, two reviews
and the acceptance in the admin, then the draft session placed and published by a programme
editor, and shown on the programme page.

The next step of the issue's test (the session shown by the widget on a partner's page, on
another origin) starts from `published`, which `test_a_proposal_in_arabic_reaches_the_programme`
returns through its `journey` fixture."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from fairsite.models import OutboundEmail
from fairsite.services.site import home_pages_ensure
from programme.choices import SessionStatus
from programme.services.pages import programme_pages_ensure
from programme.services.sessions import session_publish, session_save
from proposals.choices import ProposalStatus
from proposals.models import CallForProposals, CallQuestion, Proposal
from tests.e2e.conftest import DESK, PHONE, sign_in, viewport_context
from tests.e2e.partner import partner_page, script_tag, widget_frame
from tests.factories import PASSWORD, EditionFactory, RoomFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "تسويق منتوجات التعاونيات النسائية عبر الإنترنت"
SPEAKER_AR = "سعاد المرابط"


def staff(*codenames, language="fr", **fields):
    user = UserFactory(language=language, is_staff=True, **fields)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=codenames),
    )
    return user


@pytest.fixture
def cfp(transactional_db):
    programme_pages_ensure(homes=home_pages_ensure())
    today = timezone.localdate()
    edition = EditionFactory(
        is_current=True,
        year=2033,
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=32),
    )
    call = CallForProposals.objects.create(
        edition=edition,
        opens_at=timezone.now() - datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=10),
        intro_ar="تدعو الجهة التعاونيات والجمعيات والجامعات إلى اقتراح ورشات ومداخلات.",
        intro_fr="La Région invite coopératives, associations et universités à proposer.",
        anonymous_reviews=True,
        reviews_required=2,
    )
    CallQuestion.objects.create(
        call=call, text_ar="لمن توجه هذه الورشة؟", text_fr="À qui s'adresse-t-elle ?", required=True
    )
    return {
        "edition": edition,
        "room": RoomFactory(
            venue=edition.venue, name_ar="قاعة الورشات", name_fr="Salle des ateliers"
        ),
        "submitter": UserFactory(language="ar", first_name="هاجر", last_name="بناني"),
        "reviewers": [staff("view_proposal", "review_proposal") for _ in range(2)],
        "organiser": staff("view_proposal", "change_proposal", "review_proposal"),
        "editor": staff("view_session", "change_session", language="ar"),
    }


def _link_from_outbox(to: str) -> str:
    body = OutboundEmail.objects.filter(to=[to]).latest("pk").body_text
    return re.search(r"https?://\S+/proposals/speaker/[\w-]+/", body).group(0)


def test_a_proposal_in_arabic_reaches_the_programme(
    live_server, served_site, cfp, browser, artifacts, partner
):
    base = live_server.url
    submitter = cfp["submitter"]

    # The proposer, on a phone, in Arabic.
    context = viewport_context(browser, PHONE, locale="ar-MA")
    phone = context.new_page()
    sign_in(phone, base, submitter.email, PASSWORD, language="ar", next_path="/ar/proposals/new/")
    phone.wait_for_url(f"{base}/ar/proposals/new/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    phone.fill("input[name=title]", TITLE)
    phone.fill("textarea[name=abstract]", "ورشة تطبيقية حول البيع عبر المنصات الرقمية والتوصيل.")
    phone.select_option("select[name=kind]", "workshop")
    phone.select_option("select[name=language]", "ar")
    phone.select_option("select[name=duration]", "90")
    phone.locator("textarea[name^=answer_]").fill("للتعاونيات النسائية في إقليم جرادة")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the form is {width}px wide on a {PHONE['width']}px phone"
    phone.screenshot(path=artifacts / "proposal-form-ar.png", full_page=True)
    phone.click("button[name=action][value=submit]")
    phone.wait_for_url(re.compile(rf"{base}/ar/proposals/\d+/$"))
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert phone.locator(".status--submitted").is_visible()

    # The proposer invites the speaker, who confirms from the link in the e-mail.
    phone.fill("#speakers-title ~ form input[name=name]", SPEAKER_AR)
    phone.fill("#speakers-title ~ form input[name=email]", "souad@fair.example")
    phone.click("#speakers-title ~ form button[type=submit]")
    phone.wait_for_load_state()
    link = _link_from_outbox("souad@fair.example")
    guest = viewport_context(browser, PHONE).new_page()
    guest.goto(link)
    assert guest.locator("html").get_attribute("dir") == "rtl"
    assert guest.locator("input[name=name_ar]").input_value() == SPEAKER_AR
    guest.fill("input[name=name_latin]", "Souad El Merabet")
    guest.fill("input[name=organisation]", "جامعة محمد الأول")
    guest.fill("textarea[name=bio]", "أستاذة باحثة في الاقتصاد الاجتماعي.")
    guest.click("main form button[type=submit]")
    guest.wait_for_load_state()
    assert guest.locator(".status--accepted").is_visible()
    phone.reload()
    assert phone.locator("#speakers-title ~ .item-list .status--accepted").is_visible()

    # Two reviewers score it in the admin; the call is anonymous, no names shown.
    inspect = f"/admin/proposals/proposals/inspect/{proposal.pk}/"
    for reviewer, score in zip(cfp["reviewers"], ("4", "5"), strict=True):
        desk = viewport_context(browser, DESK).new_page()
        sign_in(desk, base, reviewer.email, PASSWORD, language="fr", next_path=inspect)
        desk.wait_for_url(re.compile(rf".*{inspect}$"))
        text = desk.locator("main").inner_text()
        assert TITLE in text
        assert submitter.last_name not in text and SPEAKER_AR not in text
        desk.check(f"input[name=score][value='{score}']")
        desk.fill("textarea[name=comment]", "موضوع مفيد للتعاونيات.")
        desk.click("form[action*='/review/'] button[type=submit]")
        desk.wait_for_load_state()
        desk.context.close()
    assert proposal.reviews.count() == 2

    # The organiser accepts it from its page.
    desk = viewport_context(browser, DESK).new_page()
    sign_in(desk, base, cfp["organiser"].email, PASSWORD, language="fr", next_path=inspect)
    desk.wait_for_url(re.compile(rf".*{inspect}$"))
    assert submitter.last_name in desk.locator("main").inner_text()
    desk.click("button[name=move][value=accept]")
    desk.wait_for_load_state()
    desk.screenshot(path=artifacts / "proposal-accepted-admin.png", full_page=True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED

    # A draft session with its speaker, not on the programme yet.
    session = proposal.session
    assert session.status == SessionStatus.DRAFT
    assert [s.name_ar for s in session.speakers.all()] == [SPEAKER_AR]
    phone.goto(f"{base}/ar/programme/?day=all")
    assert TITLE not in phone.locator("main").inner_text()

    # The programme editor places and publishes it.
    session.room = cfp["room"]
    session.starts_at = datetime.datetime.combine(
        cfp["edition"].starts_on, datetime.time(11), tzinfo=cfp["edition"].zone
    )
    session.ends_at = session.starts_at + datetime.timedelta(minutes=90)
    session.title_fr = "Vendre en ligne les produits des coopératives de femmes"
    session_save(session=session, by=cfp["editor"])
    session_publish(session=session, by=cfp["editor"])

    phone.goto(f"{base}/ar/programme/?day=all")
    assert TITLE in phone.locator("main").inner_text()
    phone.get_by_text(TITLE).first.click()
    phone.wait_for_url(f"{base}/ar/programme/{session.uid}/")
    assert SPEAKER_AR in phone.locator("main").inner_text()
    phone.screenshot(path=artifacts / "proposal-published-ar.png", full_page=True)

    # A partner's site, on another origin, shows it in the programme widget.
    partner_page(phone, partner, script_tag(base, lang="ar"))
    _frame_element, frame = widget_frame(phone)
    assert TITLE in frame.locator(".widget-session__title").all_inner_texts()
    phone.screenshot(path=artifacts / "proposal-in-widget-ar.png", full_page=True)
    context.close()
