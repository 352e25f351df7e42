"""The sample data opens a call for proposals with one proposal to review, and the programme
page invites proposals while the call is open."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Edition
from proposals.choices import ProposalStatus
from proposals.models import CallForProposals, Proposal

pytestmark = pytest.mark.django_db


def test_the_sample_call_is_open_with_a_proposal_to_review_and_the_programme_links_it(client):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # again: nothing doubled

    call = CallForProposals.objects.get()
    assert call.is_open() and call.questions.count() == 2
    assert list(Proposal.objects.values_list("status", flat=True)) == [ProposalStatus.SUBMITTED]
    page = client.get("/ar/programme/").content.decode()
    assert 'href="/ar/proposals/"' in page

    assert call.edition == Edition.objects.current()

    # Closed: the programme (read in French, not yet kept by the page cache) no longer asks.
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()
    assert 'href="/fr/proposals/"' not in client.get("/fr/programme/").content.decode()
