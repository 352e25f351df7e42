import datetime

import pytest
from django.core import mail
from django.utils import timezone

from fairsite.models import OutboundEmail
from fairsite.services.mail import email_deliver, email_queue, email_render_and_queue
from fairsite.tasks import task_send_pending_emails

pytestmark = pytest.mark.django_db


def queue(**overrides) -> OutboundEmail:
    fields = {
        "to": ["coop@fair.example"],
        "subject": "Hello",
        "body_text": "Body",
        "language": "fr",
    }
    return email_queue(**(fields | overrides))


def test_queued_mail_is_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        email = queue(body_html="<p>Body</p>")
        assert mail.outbox == []

    assert len(callbacks) == 1
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 1
    assert mail.outbox[0].alternatives[0].content.startswith("<p>Body</p>")


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue()

    assert len(callbacks) == 1  # runs only if the transaction commits
    assert mail.outbox == []


def test_delivering_twice_sends_once():
    email = queue()

    assert email_deliver(email_id=email.pk) is True
    assert email_deliver(email_id=email.pk) is False
    assert len(mail.outbox) == 1


def test_a_failed_send_is_recorded_and_kept(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    email = queue()

    with pytest.raises(OSError):
        email_deliver(email_id=email.pk)

    email.refresh_from_db()
    assert email.sent_at is None and email.attempts == 1 and "Connection" in email.last_error
    assert OutboundEmail.objects.pending().count() == 1


def test_subject_is_one_line():
    assert queue(subject="Line one\nline two").subject == "Line one line two"


def test_rendered_mail_uses_the_recipients_language(settings, tmp_path):
    (tmp_path / "greeting_subject.txt").write_text("{% load i18n %}{% translate 'Contact' %}")
    (tmp_path / "greeting_message.txt").write_text(
        "{% load i18n %}{% translate 'Page not found' %}"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]

    email = email_render_and_queue(
        to=["a@fair.example"], template_prefix="greeting", context={}, language="fr"
    )

    assert email.subject == "Contact"
    assert email.body_text.startswith("Page introuvable\n\n")  # then the link to one's choices
    assert email.body_html == ""


def test_sweep_hands_stale_unsent_mail_to_a_worker_again():
    stale, fresh, sent = queue(), queue(), queue()
    OutboundEmail.objects.filter(pk__in=[stale.pk, sent.pk]).update(
        created_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    OutboundEmail.objects.filter(pk=sent.pk).update(sent_at=timezone.now())

    assert task_send_pending_emails.delay().get() == 1

    assert [m.to for m in mail.outbox] == [stale.to]
    fresh.refresh_from_db()
    assert fresh.sent_at is None
