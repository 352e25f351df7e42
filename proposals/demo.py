"""A sample call for proposals for `manage.py seed_demo`, open from the day before, with one
proposal in Arabic waiting for its reviews."""

import datetime

from django.db import transaction
from django.utils import timezone

from events.models import Edition
from fairsite.models import User
from proposals.models import CallForProposals, CallQuestion, Proposal
from proposals.services import proposal_create, proposal_submit

QUESTIONS = [
    ("لمن توجه هذه الجلسة؟", "À qui s'adresse cette séance ?", "Who is this session for?", True),
    (
        "ما الذي يلزمكم (قاعة، عتاد، ترجمة)؟",
        "De quoi avez-vous besoin (salle, matériel, interprétation) ?",
        "What do you need (room, equipment, interpreting)?",
        False,
    ),
]


@transaction.atomic
def demo_call_ensure(*, edition: Edition, proposer: User | None = None) -> CallForProposals:
    """The edition's call, open from yesterday until six weeks before the fair (or a month
    from now when the fair is nearer); `proposer` has submitted one workshop to it."""
    call = CallForProposals.objects.filter(edition=edition).first()
    if call is None:
        now = timezone.now()
        fair = datetime.datetime.combine(edition.starts_on, datetime.time(9), tzinfo=edition.zone)
        call = CallForProposals.objects.create(
            edition=edition,
            opens_at=now - datetime.timedelta(days=1),
            closes_at=max(fair - datetime.timedelta(weeks=6), now + datetime.timedelta(weeks=4)),
            intro_ar=(
                "تدعو جهة الشرق الشبكات التعاونية والجمعيات والجامعات والجهات الشريكة إلى اقتراح "
                "ورشات ومداخلات حول الاقتصاد الاجتماعي والتضامني (أمثلة للتجربة)."
            ),
            intro_fr=(
                "La Région de l'Oriental invite les réseaux de coopératives, les associations, "
                "les universités et les régions partenaires à proposer ateliers et "
                "interventions sur l'économie sociale et solidaire (exemples fictifs)."
            ),
        )
        for order, (text_ar, text_fr, text_en, required) in enumerate(QUESTIONS):
            CallQuestion.objects.create(
                call=call,
                text_ar=text_ar,
                text_fr=text_fr,
                text_en=text_en,
                required=required,
                sort_order=order,
            )
    if proposer is not None and not Proposal.objects.filter(call=call).exists():
        first = call.questions.order_by("sort_order").first()
        proposal = proposal_create(
            call=call,
            by=proposer,
            title="تثمين منتوجات الصبار: من الحقل إلى السوق",
            abstract=(
                "ورشة تطبيقية تقدمها تعاونية نسائية حول تحويل الصبار وتسويقه (مثال للتجربة)."
            ),
            kind="workshop",
            language="ar",
            written_in="ar",
            duration=90,
            answers={first.pk: "التعاونيات الفلاحية والشابات حاملات المشاريع"},
        )
        proposal_submit(proposal=proposal, by=proposer)
    return call
