"""Every write service that a person triggers takes `by` and writes the admin log itself, once.

The services are found by walking each project app's `services`: any public function with a
parameter named `by` must have a scenario here, which builds what the call needs so that it
succeeds. The call must leave an entry naming the person, and no entry twice. The log is
written through `fairsite.audit.audit_log` only, never by importing Wagtail's `log` elsewhere.
"""

import ast
import collections
import datetime
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone
from wagtail.models import BaseLogEntry

from b2b.models import MeetingFeedback
from events.models import GateDevice
from events.services.badges import badges_issue_blank
from events.services.devices import device_pairing_start
from feedback.selectors import survey_opens_at
from privacy.models import DataRequest
from programme.models import SessionAttendance
from proposals.models import CallQuestion
from proposals.services import proposal_reject, review_save, speaker_invite
from tests.exhibitors.files import pdf, png
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    B2BBlockFactory,
    B2BParticipantFactory,
    CooperativeFactory,
    EditionFactory,
    GateFactory,
    PartnerRegionFactory,
    SessionFactory,
    StandFactory,
    UserFactory,
)
from tests.factories.records import (
    AttendeeFactory,
    B2BMeetingFactory,
    BadgeFactory,
    MeetingRequestFactory,
    PartnershipMeetingFactory,
    SupportRequestFactory,
)
from tests.proposals.conftest import CallFactory, grant, make_proposal

ROOT = Path(settings.BASE_DIR).resolve()


def project_apps():
    """The app configs whose code lives in the project (not in the virtual environment)."""
    found = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(ROOT) and "site-packages" not in path.parts:
            found.append(config)
    return found


def service_modules(config):
    """`<app>.services` when it is a module, or every module of the package."""
    name = f"{config.name}.services"
    try:
        package = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return []
    if not hasattr(package, "__path__"):
        return [package]
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{name}.")
    ]


def services_with_by() -> set[str]:
    """The dotted names of the public service functions that take `by`."""
    found = set()
    for config in project_apps():
        for module in service_modules(config):
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if name.startswith("_") or function.__module__ != module.__name__:
                    continue
                if "by" in inspect.signature(function).parameters:
                    found.add(f"{module.__name__}.{name}")
    return found


# Each scenario gets the person acting and returns the call's keyword arguments; `by` is
# that person unless the scenario names another actor (a B2B participant with their account).


def _open_edition():
    now = timezone.now()
    return EditionFactory(
        exhibitor_registration_opens_at=now - datetime.timedelta(days=10),
        exhibitor_registration_closes_at=now + datetime.timedelta(days=30),
    )


def _documents_add(application):
    from exhibitors.services.applications import application_document_add

    manager = UserFactory()
    for kind in application.required_documents():
        application_document_add(application=application, kind=kind, file=pdf(), by=manager)


def _application_start(by):
    return {"cooperative": CooperativeFactory(), "edition": _open_edition()}


def _application_update(by):
    return {"application": ApplicationFactory(), "message": "Un stand près de l'entrée"}


def _application_document_add(by):
    return {"application": ApplicationFactory(), "kind": "statutes", "file": pdf()}


def _application_document_delete(by):
    from exhibitors.services.applications import application_document_add

    document = application_document_add(
        application=ApplicationFactory(), kind="statutes", file=pdf(), by=UserFactory()
    )
    return {"document": document}


def _application_submit(by):
    application = ApplicationFactory(edition=_open_edition())
    _documents_add(application)
    return {"application": application}


def _submitted(by):
    return {"application": ApplicationFactory(status="submitted")}


def _application_request_changes(by):
    return {**_submitted(by), "note": "Ajoutez le certificat d'immatriculation."}


def _application_confirm(by):
    return {"application": ApplicationFactory(status="accepted")}


def _application_assign_stand(by):
    application = ApplicationFactory(status="accepted")
    return {"application": application, "stand": StandFactory(stand_type=application.stand_type)}


def _application_offer_stand(by):
    application = ApplicationFactory(status="waitlisted")
    return {"application": application, "stand": StandFactory(stand_type=application.stand_type)}


def _staff_member_add(by):
    return {"application": ApplicationFactory(status="confirmed"), "full_name": "Aicha Berrada"}


def _staff_member_remove(by):
    from exhibitors.services.applications import staff_member_add

    member = staff_member_add(
        application=ApplicationFactory(status="confirmed"), by=None, full_name="Hassan Ouali"
    )
    assert member.attendee.badges.active().exists()
    return {"member": member}


def _cooperative_create(by):
    return {
        "name": "Cooperative Tafilalet",
        "name_ar": "تعاونية تافيلالت",
        "legal_form": "cooperative",
        "registration_number": "ODCO-77",
        "province": "figuig",
        "commune_fr": "Figuig",
        "sector": "agri_food",
        "founded_in": 2010,
        "members": 10,
        "women_members": 4,
        "young_members": 2,
        "contact_name": "Said",
        "email": "tafilalet@fair.example",
        "phone": "0600000000",
    }


def _cooperative_update(by):
    return {"cooperative": CooperativeFactory(managers=[by]), "commune_ar": "فجيج"}


def _cooperative_photo_add(by):
    return {"cooperative": CooperativeFactory(managers=[by]), "file": png()}


def _cooperative_photo_remove(by):
    from exhibitors.services.cooperatives import cooperative_photo_add

    photo = cooperative_photo_add(cooperative=CooperativeFactory(), file=png(), by=None)
    return {"photo": photo}


def _cooperative_invite(by):
    return {"cooperative": CooperativeFactory(), "email": "new@fair.example", "language": "fr"}


def _support_request_file(by):
    return {
        "cooperative": CooperativeFactory(managers=[by]),
        "service": "labelling",
        "target_markets": "France",
        "attachments": [pdf("analyse.pdf"), pdf("fiche.pdf")],
    }


def _support_request_attachment_add(by):
    return {"support_request": SupportRequestFactory(), "file": pdf("analyse.pdf")}


def _support_request_reply(by):
    return {"support_request": SupportRequestFactory(), "text": "La fiche est jointe."}


def _support_request_message_send(by):
    return {
        "support_request": SupportRequestFactory(),
        "text": "Voici le projet d'étiquette.",
        "files": [pdf("etiquette.pdf")],
    }


def _support_request_assign(by):
    return {
        "support_request": SupportRequestFactory(),
        "officer": UserFactory(groups=["Logistics unit"]),
    }


def _support_request_status_set(by):
    return {"support_request": SupportRequestFactory(), "status": "in_progress"}


def _support_request_outcome_set(by):
    return {"support_request": SupportRequestFactory(), "outcome": "Agrément obtenu"}


def _attendees_import(by):
    return {
        "edition": EditionFactory(),
        "category": "visitor",
        "content": b"full_name,email\nLeila Benali,leila@fair.example\n",
    }


def _badge(by):
    return {"badge": BadgeFactory()}


def _badge_days_change(by):
    badge = BadgeFactory()
    return {"badge": badge, "valid_from": badge.valid_from, "valid_until": badge.valid_from}


def _attendees_merge(by):
    keep = BadgeFactory().attendee
    return {"keep": keep, "duplicate": BadgeFactory(attendee__edition=keep.edition).attendee}


def _data_request(by):
    return {"request": DataRequest.objects.create(attendee=BadgeFactory().attendee)}


def _gate_token_issue(by):
    return {"gate": GateFactory()}


def _desk_register(by):
    return {"edition": EditionFactory(is_current=True), "full_name": "Karim Benali"}


def _blank_badge_bind(by):
    edition = EditionFactory(is_current=True)
    [badge] = badges_issue_blank(edition=edition, category="visitor", count=1)
    return {"code": badge.code, "full_name": "سلمى العلوي"}


def _device_pairing_start(by):
    return {"model": GateDevice, "post": GateFactory()}


def _device_unpair(by):
    device, _code = device_pairing_start(model=GateDevice, post=GateFactory(), by=None)
    return {"device": device}


def _print_job_create(by):
    badge = BadgeFactory()
    return {"edition": badge.edition, "category": "", "unprinted_only": True}


def _print_job_record(by):
    badge = BadgeFactory()
    return {"edition": badge.edition, "badge_ids": [badge.pk]}


def _session_save(by):
    session = SessionFactory(status="draft")
    session.title_fr = "Séance : les circuits courts"
    return {"session": session}


def _session_publish(by):
    return {"session": SessionFactory(status="draft")}


def _session_cancel(by):
    return {"session": SessionFactory()}


def _agreement_save(by):
    agreement = AgreementFactory()
    agreement.title_fr = "Convention de coopération renouvelée"
    return {"agreement": agreement}


def _agreement_terminate(by):
    return {"agreement": AgreementFactory(), "on": datetime.date(2026, 1, 31)}


def _agreement_renew(by):
    return {"agreement": AgreementFactory()}


def _decision_commitment_create(by):
    from partnerships.models import Decision

    decision = Decision.objects.create(
        meeting=PartnershipMeetingFactory(), text="Échanger deux formateurs par an"
    )
    return {"decision": decision, "agreement": AgreementFactory()}


def _delegation_badges_issue(by):
    from partnerships.models import MeetingParticipant

    meeting = PartnershipMeetingFactory()
    MeetingParticipant.objects.create(
        meeting=meeting, full_name="Awa Ndiaye", partner_region=PartnerRegionFactory()
    )
    return {"meeting": meeting, "edition": EditionFactory()}


def _meetings_confirm(by):
    return {"meetings": [B2BMeetingFactory()]}


def _meetings_schedule(by):
    edition = EditionFactory()
    B2BBlockFactory(edition=edition)
    MeetingRequestFactory(edition=edition, status="accepted")
    return {"edition": edition}


def _meeting_request_answer(by):
    participant = B2BParticipantFactory(user=by)
    meeting_request = MeetingRequestFactory(edition=participant.edition, recipient=participant)
    return {"meeting_request": meeting_request, "accept": True, "by": participant}


def _meeting_request_cancel(by):
    participant = B2BParticipantFactory(user=by)
    meeting_request = MeetingRequestFactory(edition=participant.edition, requester=participant)
    return {"meeting_request": meeting_request, "by": participant}


def _participant_leave(by):
    return {"participant": B2BParticipantFactory(user=by)}


def _availability_set(by):
    participant = B2BParticipantFactory(user=by)
    block = B2BBlockFactory(edition=participant.edition)
    return {"participant": participant, "starts": [block.starts_at]}


def _started_meeting(participant, **other):
    """A meeting of `participant` with someone else, which began an hour ago."""
    starts_at = timezone.now() - datetime.timedelta(hours=1)
    block = B2BBlockFactory(
        edition=participant.edition,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
    )
    return B2BMeetingFactory(
        request__edition=participant.edition,
        request__requester=participant,
        request__recipient=B2BParticipantFactory(edition=participant.edition, **other),
        block=block,
    )


def _meeting_video_set(by):
    participant = B2BParticipantFactory(user=by)
    meeting = _started_meeting(participant)
    return {"meeting": meeting, "by": participant, "url": "https://visio.example/b2b-1"}


def _meeting_feedback_give(by):
    participant = B2BParticipantFactory(user=by)
    meeting = _started_meeting(participant)
    return {"meeting": meeting, "by": participant, "held": "held", "outcome": "order"}


def _feedback(**other):
    participant = B2BParticipantFactory()
    meeting = _started_meeting(participant, **other)
    return MeetingFeedback.objects.create(
        meeting=meeting, participant=participant, held="held", outcome="partnership"
    )


def _outcome_commitment_make(by):
    return {
        "feedback": _feedback(),
        "agreement": AgreementFactory(),
        "description": "Envoyer des échantillons",
    }


def _outcome_agreement_start(by):
    return {"feedback": _feedback(partner_region=PartnerRegionFactory())}


def _call():
    call = CallFactory()
    CallQuestion.objects.create(call=call, text_ar="لمن هذه الورشة؟", text_fr="Pour qui ?")
    return call


def _proposal_create(by):
    return {
        "call": _call(),
        "title": "التسويق الرقمي للتعاونيات",
        "abstract": "ورشة تطبيقية.",
        "kind": "workshop",
        "language": "ar",
        "written_in": "ar",
        "duration": 90,
    }


def _own_draft(by):
    return {"proposal": make_proposal(_call(), by, submit=False)}


def _proposal_update(by):
    return {**_own_draft(by), "title": "التسويق الرقمي"}


def _own_submitted(by):
    return {"proposal": make_proposal(_call(), by)}


def _submitted_for_decider(by):
    return {"proposal": make_proposal(_call(), UserFactory()), "by": grant(by, "change_proposal")}


def _review_save(by):
    proposal = make_proposal(_call(), UserFactory())
    return {"proposal": proposal, "by": grant(by, "review_proposal"), "score": 4}


def _proposal_accept(by):
    proposal = make_proposal(_call(), UserFactory())
    for reviewer in (UserFactory(), UserFactory()):
        review_save(proposal=proposal, by=grant(reviewer, "review_proposal"), score=4)
    return {"proposal": proposal, "by": grant(by, "change_proposal")}


def _proposal_reopen(by):
    decider = grant(by, "change_proposal")
    proposal = make_proposal(_call(), UserFactory())
    proposal_reject(proposal=proposal, by=grant(UserFactory(), "change_proposal"))
    return {"proposal": proposal, "by": decider}


def _speaker_invite(by):
    return {
        **_own_submitted(by),
        "name": "سعاد المرابط",
        "email": "souad@fair.example",
        "language": "ar",
    }


def _invited(by, **extra):
    proposal = make_proposal(_call(), by)
    invited, _token = speaker_invite(
        proposal=proposal, by=by, name="Souad", email="souad@fair.example", language="fr"
    )
    return {"invited": invited, **extra}


def _speaker_confirm(by):
    return _invited(by, name_latin="Souad El Merabet")


def _session_rating_save(by):
    session = SessionFactory()
    attendee = AttendeeFactory(edition=session.edition)
    SessionAttendance.objects.create(
        session=session, attendee=attendee, via="walk_in", admitted_at=session.starts_at
    )
    return {"session": session, "attendee": attendee, "score": 4, "at": session.ends_at}


def _visitor_survey_save(by):
    attendee = AttendeeFactory()
    return {
        "attendee": attendee,
        "satisfaction": 4,
        "come_again": "yes",
        "at": survey_opens_at(attendee.edition),
    }


def _exhibitor_survey_save(by):
    application = ApplicationFactory(status="confirmed")
    application.cooperative.managers.add(by)
    return {
        "application": application,
        "satisfaction": 4,
        "come_again": "yes",
        "at": survey_opens_at(application.edition),
    }


SCENARIOS = {
    "events.services.attendees.attendees_import": _attendees_import,
    "events.services.badges.badge_reissue": _badge,
    "events.services.badges.badge_days_change": _badge_days_change,
    "events.services.people.attendees_merge": _attendees_merge,
    "events.services.badges.badge_revoke": _badge,
    "events.services.devices.gate_token_issue": _gate_token_issue,
    "events.services.devices.device_pairing_start": _device_pairing_start,
    "events.services.devices.device_unpair": _device_unpair,
    "events.services.desk.desk_register": _desk_register,
    "events.services.desk.blank_badge_bind": _blank_badge_bind,
    "events.services.printing.print_job_create": _print_job_create,
    "events.services.printing.print_job_record": _print_job_record,
    "programme.services.sessions.session_cancel": _session_cancel,
    "programme.services.sessions.session_publish": _session_publish,
    "programme.services.sessions.session_save": _session_save,
    "exhibitors.services.applications.application_accept": _submitted,
    "exhibitors.services.applications.application_assign_stand": _application_assign_stand,
    "exhibitors.services.applications.application_confirm": _application_confirm,
    "exhibitors.services.applications.application_document_add": _application_document_add,
    "exhibitors.services.applications.application_document_delete": (_application_document_delete),
    "exhibitors.services.applications.application_offer_stand": _application_offer_stand,
    "exhibitors.services.applications.application_reject": _submitted,
    "exhibitors.services.applications.application_request_changes": (_application_request_changes),
    "exhibitors.services.applications.application_start": _application_start,
    "exhibitors.services.applications.application_submit": _application_submit,
    "exhibitors.services.applications.application_update": _application_update,
    "exhibitors.services.applications.application_waitlist": _submitted,
    "exhibitors.services.applications.application_withdraw": _submitted,
    "exhibitors.services.applications.staff_member_add": _staff_member_add,
    "exhibitors.services.applications.staff_member_remove": _staff_member_remove,
    "exhibitors.services.cooperatives.cooperative_create": _cooperative_create,
    "exhibitors.services.cooperatives.cooperative_invite": _cooperative_invite,
    "exhibitors.services.cooperatives.cooperative_photo_add": _cooperative_photo_add,
    "exhibitors.services.cooperatives.cooperative_photo_remove": _cooperative_photo_remove,
    "exhibitors.services.cooperatives.cooperative_update": _cooperative_update,
    "partnerships.services.agreements.agreement_renew": _agreement_renew,
    "partnerships.services.agreements.agreement_save": _agreement_save,
    "partnerships.services.agreements.agreement_terminate": _agreement_terminate,
    "partnerships.services.meetings.decision_commitment_create": _decision_commitment_create,
    "partnerships.services.meetings.delegation_badges_issue": _delegation_badges_issue,
    "b2b.services.meetings.meetings_confirm": _meetings_confirm,
    "b2b.services.meetings.meetings_schedule": _meetings_schedule,
    "b2b.services.meetings.meeting_request_answer": _meeting_request_answer,
    "b2b.services.meetings.meeting_request_cancel": _meeting_request_cancel,
    "b2b.services.participants.participant_leave": _participant_leave,
    "b2b.services.availability.availability_set": _availability_set,
    "b2b.services.meetings.meeting_video_set": _meeting_video_set,
    "b2b.services.outcomes.meeting_feedback_give": _meeting_feedback_give,
    "b2b.services.outcomes.outcome_commitment_make": _outcome_commitment_make,
    "b2b.services.outcomes.outcome_agreement_start": _outcome_agreement_start,
    "exportsupport.services.support_request_assign": _support_request_assign,
    "exportsupport.services.support_request_attachment_add": _support_request_attachment_add,
    "exportsupport.services.support_request_file": _support_request_file,
    "exportsupport.services.support_request_message_send": _support_request_message_send,
    "exportsupport.services.support_request_outcome_set": _support_request_outcome_set,
    "exportsupport.services.support_request_reply": _support_request_reply,
    "exportsupport.services.support_request_status_set": _support_request_status_set,
    "privacy.services.data_request_process": _data_request,
    "privacy.services.data_request_refuse": _data_request,
    "proposals.services.proposal_create": _proposal_create,
    "proposals.services.proposal_update": _proposal_update,
    "proposals.services.proposal_submit": _own_draft,
    "proposals.services.proposal_withdraw": _own_submitted,
    "proposals.services.proposal_review_start": _submitted_for_decider,
    "proposals.services.review_save": _review_save,
    "proposals.services.proposal_accept": _proposal_accept,
    "proposals.services.proposal_reject": _submitted_for_decider,
    "proposals.services.proposal_reopen": _proposal_reopen,
    "proposals.services.speaker_invite": _speaker_invite,
    "proposals.services.speaker_remove": _invited,
    "proposals.services.speaker_confirm": _speaker_confirm,
    "feedback.services.session_rating_save": _session_rating_save,
    "feedback.services.visitor_survey_save": _visitor_survey_save,
    "feedback.services.exhibitor_survey_save": _exhibitor_survey_save,
}


def test_every_service_with_by_has_a_scenario():
    found = services_with_by()
    missing = sorted(found - SCENARIOS.keys())
    extra = sorted(SCENARIOS.keys() - found)
    assert not missing and not extra, (
        "SCENARIOS must name exactly the services that take `by`.\n"
        f"Services with `by` but no scenario: {missing}\n"
        f"Scenarios for no such service: {extra}"
    )


def _log_models():
    """The concrete log entry models: the model log, the page log, and any other."""
    found, pending = [], [BaseLogEntry]
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if not model._meta.abstract and not model._meta.proxy:
            found.append(model)
    return found


def _service(dotted: str):
    module, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


@pytest.mark.parametrize("dotted", sorted(SCENARIOS), ids=sorted(SCENARIOS))
def test_service_logs_its_action_once_naming_the_person(db, dotted):
    person = UserFactory(is_staff=True)
    kwargs = SCENARIOS[dotted](person)
    kwargs.setdefault("by", person)
    models = _log_models()
    last = {
        model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for model in models
    }

    _service(dotted)(**kwargs)

    entries = [entry for model in models for entry in model.objects.filter(pk__gt=last[model])]
    described = [
        (entry.action, entry.content_type.model, entry.object_id, entry.user_id)
        for entry in entries
    ]
    assert any(entry.user_id == person.pk for entry in entries), (
        f"{dotted} wrote no admin log entry naming the person acting: {described}"
    )
    keys = collections.Counter(
        (entry.content_type_id, str(entry.object_id), entry.action) for entry in entries
    )
    twice = [key for key, count in keys.items() if count > 1]
    assert not twice, f"{dotted} logged the same action twice: {described}"


def _imports_wagtail_log(tree: ast.AST) -> bool:
    """Whether the module imports Wagtail's `log` (or the module that holds it)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = {alias.name for alias in node.names}
            if (node.module == "wagtail.log_actions" and names & {"log", "*"}) or (
                node.module == "wagtail" and "log_actions" in names
            ):
                return True
        elif isinstance(node, ast.Import) and any(
            alias.name.startswith("wagtail.log_actions") for alias in node.names
        ):
            return True
    return False


def test_only_the_audit_module_imports_wagtails_log():
    allowed = (ROOT / "fairsite" / "audit.py").resolve()
    offenders = []
    for config in project_apps():
        for path in sorted(Path(config.path).rglob("*.py")):
            if {"migrations", "tests"} & set(path.relative_to(config.path).parts):
                continue
            if path.resolve() == allowed:
                continue
            if _imports_wagtail_log(ast.parse(path.read_text(encoding="utf-8"))):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, (
        f"Write the admin log through fairsite.audit.audit_log, not wagtail's log: {offenders}"
    )
