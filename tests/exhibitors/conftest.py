import datetime

import pytest
from django.utils import timezone

from exhibitors.services.applications import application_document_add
from tests.exhibitors.files import pdf
from tests.factories import (
    ApplicationFactory,
    CooperativeFactory,
    EditionFactory,
    StandTypeFactory,
    UserFactory,
)


@pytest.fixture
def open_edition(db):
    now = timezone.now()
    return EditionFactory(
        is_current=True,
        exhibitor_registration_opens_at=now - datetime.timedelta(days=10),
        exhibitor_registration_closes_at=now + datetime.timedelta(days=30),
    )


@pytest.fixture
def manager(db):
    return UserFactory(language="fr")


@pytest.fixture
def organiser(db):
    return UserFactory(groups=["Organisers"])


@pytest.fixture
def cooperative(manager):
    return CooperativeFactory(managers=[manager])


@pytest.fixture
def stand_type(open_edition):
    return StandTypeFactory(edition=open_edition, badge_quota=2)


@pytest.fixture
def draft(open_edition, cooperative, stand_type):
    return ApplicationFactory(edition=open_edition, cooperative=cooperative, stand_type=stand_type)


@pytest.fixture
def complete_draft(draft, manager):
    for kind in draft.required_documents():
        application_document_add(application=draft, kind=kind, file=pdf(f"{kind}.pdf"), by=manager)
    return draft


def add_required_documents(application, by):
    for kind in application.required_documents():
        application_document_add(application=application, kind=kind, file=pdf(), by=by)
