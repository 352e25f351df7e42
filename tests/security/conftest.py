import datetime
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from events.models import BadgePrintJob
from events.services.badges import attendee_register
from exhibitors.models import Product
from exhibitors.services.applications import application_document_add
from exportsupport.services import support_request_file
from tests.exhibitors.files import PDF, pdf
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    CommitmentFactory,
    CooperativeFactory,
    EditionFactory,
    StandTypeFactory,
    UserFactory,
)

# Bytes no other file in the suite holds: a refused answer must never carry them.
SECRET_PDF = PDF.replace(b"%%EOF", b"% private-bytes-7f3c\n%%EOF")


@dataclass
class Fair:
    edition: object
    manager: object
    cooperative: object
    application: object
    document: object
    support_request: object
    attachment: object
    agreement: object
    commitment: object
    print_job: object
    badge: object
    other_manager: object
    other_cooperative: object
    other_application: object


@pytest.fixture
def fair(homes):
    """Two cooperatives at an open edition; the first has a private file of every kind."""
    now = timezone.now()
    edition = EditionFactory(
        is_current=True,
        exhibitor_registration_opens_at=now - datetime.timedelta(days=10),
        exhibitor_registration_closes_at=now + datetime.timedelta(days=30),
    )
    stand_type = StandTypeFactory(edition=edition)
    manager = UserFactory(language="fr")
    cooperative = CooperativeFactory(managers=[manager], language="fr")
    application = ApplicationFactory(
        edition=edition, cooperative=cooperative, stand_type=stand_type
    )
    document = application_document_add(
        application=application,
        kind="statutes",
        file=pdf("statutes.pdf", SECRET_PDF),
        by=manager,
    )
    product = Product.objects.create(
        cooperative=cooperative, name_ar="عسل", name_fr="Miel", category="honey"
    )
    support_request = support_request_file(
        cooperative=cooperative,
        by=manager,
        service="sanitary_approval",
        target_markets="France",
        quantities_and_timing="1 tonne",
        products=[product],
        attachments=[pdf("analyse.pdf", SECRET_PDF)],
    )
    agreement = AgreementFactory()
    agreement.document.save("signed.pdf", ContentFile(SECRET_PDF))
    commitment = CommitmentFactory(agreement=agreement)
    commitment.evidence.save("report.pdf", ContentFile(SECRET_PDF))
    print_job = BadgePrintJob.objects.create(
        edition=edition, badge_ids=[], status=BadgePrintJob.Status.DONE
    )
    print_job.file.save("batch.pdf", ContentFile(SECRET_PDF))
    _attendee, badge = attendee_register(
        edition=edition, category="visitor", full_name="Salma Alaoui", email="salma@fair.example"
    )
    other_manager = UserFactory(language="fr")
    other_cooperative = CooperativeFactory(managers=[other_manager], language="fr")
    other_application = ApplicationFactory(
        edition=edition, cooperative=other_cooperative, stand_type=stand_type
    )
    return Fair(
        edition=edition,
        manager=manager,
        cooperative=cooperative,
        application=application,
        document=document,
        support_request=support_request,
        attachment=support_request.attachments.get(),
        agreement=agreement,
        commitment=commitment,
        print_job=print_job,
        badge=badge,
        other_manager=other_manager,
        other_cooperative=other_cooperative,
        other_application=other_application,
    )


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content
