import shutil
from pathlib import Path

import pypdf
import pytest

from events.models import Badge, BadgePrintJob
from events.services import printing
from events.services.badges import attendee_register
from events.services.printing import print_job_run
from events.tasks import task_print_badges
from tests.factories import UserFactory
from tests.pdfs import pdf_qr_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, homes):
    user = UserFactory(groups=["Organisers"])
    client.force_login(user)
    return user


@pytest.fixture
def six_visitors(fair_today):
    return [
        attendee_register(edition=fair_today, category="visitor", full_name=f"Zائر {n}")[1]
        for n in range(6)
    ]


def test_a_batch_is_rendered_stored_and_marked_printed(
    client, organiser, six_visitors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/badges/print/", {"category": "visitor", "unprinted_only": "on"}
        )

    job = BadgePrintJob.objects.get()
    assert response["Location"] == f"/admin/badges/print/{job.pk}/"
    assert (job.status, job.done, job.total) == ("done", 6, 6)
    assert not Badge.objects.filter(printed_at__isnull=True).exists()
    page = client.get(f"/admin/badges/print/{job.pk}/").content.decode()
    assert f"/admin/badges/print/{job.pk}/badges.pdf" in page
    pdf = b"".join(client.get(f"/admin/badges/print/{job.pk}/badges.pdf").streaming_content)
    assert pdf.startswith(b"%PDF")


needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftoppm"), reason="poppler-utils is not installed"
)


@needs_poppler
def test_the_batch_pdf_holds_every_badge_in_its_order(
    organiser, six_visitors, tmp_path, monkeypatch
):
    monkeypatch.setattr(printing, "CHUNK", 4)  # two parts, joined
    job = BadgePrintJob.objects.create(
        edition=six_visitors[0].edition, badge_ids=[b.pk for b in reversed(six_visitors)]
    )

    print_job_run(job_id=job.pk)

    job.refresh_from_db()
    codes = [badge.code for badge in reversed(six_visitors)]
    # Four badges a sheet: the first part's sheet, then the second part's.
    assert pdf_qr_codes(job.file.read(), tmp_path, dpi=120) == [set(codes[:4]), set(codes[4:])]


@needs_poppler
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parts_rendered_by_several_processes_make_one_pdf(fair_today, tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "CHUNK", 2)  # five parts for two processes
    badges = [
        attendee_register(edition=fair_today, category="visitor", full_name=f"زائر {n}")[1]
        for n in range(10)
    ]
    job = BadgePrintJob.objects.create(edition=fair_today, badge_ids=[b.pk for b in badges])
    seen = []

    job = print_job_run(job_id=job.pk, processes=2, progress=lambda job: seen.append(job.done))

    codes = [badge.code for badge in badges]
    assert (job.status, job.done, sorted(job.parts_done)) == ("done", 10, [0, 1, 2, 3, 4])
    # A sheet a part here (each part starts a sheet of its own), in the job's order.
    assert pdf_qr_codes(job.file.read(), tmp_path, dpi=120) == [
        set(codes[start : start + 2]) for start in range(0, 10, 2)
    ]
    assert len(seen) == 5 and seen[-1] == 10
    assert not Badge.objects.filter(printed_at__isnull=True).exists()


def test_printing_again_warns_already_printed(
    client, organiser, six_visitors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/badges/print/", {"category": "visitor", "unprinted_only": "on"})

    warning = client.post("/admin/badges/print/", {"category": "visitor"})
    assert BadgePrintJob.objects.count() == 1
    assert "6" in str(list(warning.context["messages"])[0])
    client.post("/admin/badges/print/", {"category": "visitor", "confirm": "1"})

    assert BadgePrintJob.objects.count() == 2


def test_a_job_cut_short_is_finished_by_the_next_worker_with_one_file(
    organiser, six_visitors, monkeypatch, settings
):
    monkeypatch.setattr(printing, "CHUNK", 2)  # three parts of two badges
    job = BadgePrintJob.objects.create(
        edition=six_visitors[0].edition, badge_ids=[b.pk for b in six_visitors]
    )
    assert printing.print_job_start(job_id=job.pk) == [0, 1, 2]
    printing.print_part_run(job_id=job.pk, part=0)
    printing.print_part_run(job_id=job.pk, part=2)  # and the worker with part 1 died
    parts = Path(settings.PRIVATE_MEDIA_ROOT, printing._part_name(job, 0)).parent
    first_render = (parts / "part-0000.pdf").stat().st_mtime_ns

    assert printing.print_part_run(job_id=job.pk, part=0) is False  # delivered twice
    assert (parts / "part-0000.pdf").stat().st_mtime_ns == first_render
    assert BadgePrintJob.objects.get(pk=job.pk).done == 4
    task_print_badges.delay(job_id=job.pk)  # the job picked up again: only part 1 is left

    done = BadgePrintJob.objects.get(pk=job.pk)
    assert (done.status, done.done, done.parts_done) == ("done", 6, [0, 1, 2])
    assert len(pypdf.PdfReader(done.file.open()).pages) == 3
    assert not parts.exists() or not any(parts.iterdir())
    printing.print_job_run(job_id=job.pk)  # a late duplicate of the whole job
    assert BadgePrintJob.objects.get(pk=job.pk).file.name == done.file.name


def test_a_part_that_fails_marks_the_job_failed(organiser, six_visitors, monkeypatch):
    job = BadgePrintJob.objects.create(
        edition=six_visitors[0].edition, badge_ids=[b.pk for b in six_visitors]
    )

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(printing, "badges_pdf", broken)
    with pytest.raises(OSError):
        task_print_badges.delay(job_id=job.pk)

    failed = BadgePrintJob.objects.get(pk=job.pk)
    assert failed.status == "failed" and "disk full" in failed.error


def test_work_the_broker_never_got_is_handed_out_again_by_the_sweep(
    client, organiser, six_visitors, django_capture_on_commit_callbacks, monkeypatch
):
    """The broker is down when the organiser asks: the page still answers and the job waits;
    the sweep hands it out later, and leaves alone a job asked for a moment ago."""
    import datetime

    from django.utils import timezone

    from fairsite.tasks import task_resume_stalled
    from programme.models import SessionChange
    from tests.factories import SessionFactory

    def broker_down(*args, **kwargs):
        raise ConnectionError("the broker does not answer")

    monkeypatch.setattr(task_print_badges, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/badges/print/", {"category": "visitor"})
    monkeypatch.undo()
    waiting = BadgePrintJob.objects.get()
    assert response.status_code == 302 and waiting.status == "queued"
    recent = BadgePrintJob.objects.create(edition=waiting.edition, badge_ids=[])
    session = SessionFactory(edition=waiting.edition)
    change = SessionChange.objects.create(
        session=session, kind="moved", sequence=1, previous_starts_at=session.starts_at
    )
    old = timezone.now() - datetime.timedelta(minutes=5)
    BadgePrintJob.objects.filter(pk=waiting.pk).update(created_at=old)
    SessionChange.objects.filter(pk=change.pk).update(created_at=old)

    assert task_resume_stalled.delay().get() == 2

    waiting.refresh_from_db()
    change.refresh_from_db()
    assert (waiting.status, waiting.done) == ("done", 6)
    assert change.notified_at is not None
    assert BadgePrintJob.objects.get(pk=recent.pk).status == "queued"  # not stalled yet
    assert task_resume_stalled.delay().get() == 0
