"""Sample partnerships for `manage.py seed_demo`. Every region is marked as sample data and
every agreement, commitment and meeting is made up: none states a real agreement."""

import datetime

from django.db import transaction
from django.utils import timezone

from events.models import Edition
from partnerships.models import (
    Agreement,
    Commitment,
    Decision,
    MeetingParticipant,
    PartnerRegion,
    PartnershipMeeting,
)
from partnerships.services.agreements import agreement_save

SAMPLE_NOTE_FR = (
    "Données d'exemple pour la démonstration : aucune convention réelle n'est décrite ici."
)
SAMPLE_NOTE_AR = "معطيات نموذجية للعرض فقط: لا تصف أي اتفاقية حقيقية."

# slug, Arabic name, French name, English name, country (ar, fr, en), code, continent, lat, lon
REGIONS = [
    (
        "occitanie",
        "جهة أوكسيتاني",
        "Région Occitanie",
        "Occitanie Region",
        ("فرنسا", "France", "France"),
        "FR",
        "europe",
        "43.60470",
        "1.44420",
    ),
    (
        "dakar",
        "جهة داكار",
        "Région de Dakar",
        "Dakar Region",
        ("السنغال", "Sénégal", "Senegal"),
        "SN",
        "africa",
        "14.71670",
        "-17.46770",
    ),
    (
        "abidjan",
        "مقاطعة أبيدجان",
        "District d'Abidjan",
        "Abidjan District",
        ("كوت ديفوار", "Côte d'Ivoire", "Côte d'Ivoire"),
        "CI",
        "africa",
        "5.35995",
        "-4.00826",
    ),
    (
        "nouakchott",
        "جهة نواكشوط",
        "Région de Nouakchott",
        "Nouakchott Region",
        ("موريتانيا", "Mauritanie", "Mauritania"),
        "MR",
        "africa",
        "18.07353",
        "-15.95820",
    ),
    (
        "centre-cameroun",
        "جهة الوسط",
        "Région du Centre",
        "Centre Region",
        ("الكاميرون", "Cameroun", "Cameroon"),
        "CM",
        "africa",
        "3.84803",
        "11.50208",
    ),
]

# reference, region slugs, type, French title, Arabic title, signed on, months, renewal, domains
AGREEMENTS = [
    (
        "EXEMPLE-2022-01",
        ["occitanie"],
        "framework",
        "Accord-cadre de coopération décentralisée (exemple)",
        "اتفاقية إطار للتعاون اللامركزي (نموذج)",
        datetime.date(2022, 6, 15),
        60,
        "tacit",
        ["sse", "training", "culture"],
    ),
    (
        "EXEMPLE-2024-02",
        ["occitanie"],
        "specific",
        "Convention spécifique : circuits courts et coopératives (exemple)",
        "اتفاقية خاصة: الدوائر القصيرة والتعاونيات (نموذج)",
        datetime.date(2024, 3, 1),
        24,
        "explicit",
        ["sse", "trade"],
    ),
    (
        "EXEMPLE-2023-03",
        ["dakar"],
        "cooperation",
        "Convention de coopération : formation des coopératives (exemple)",
        "اتفاقية تعاون: تكوين التعاونيات (نموذج)",
        datetime.date(2023, 5, 10),
        36,
        "explicit",
        ["sse", "training"],
    ),
    (
        "EXEMPLE-2021-04",
        ["abidjan"],
        "mou",
        "Mémorandum d'entente : échanges économiques (exemple)",
        "مذكرة تفاهم: المبادلات الاقتصادية (نموذج)",
        datetime.date(2021, 1, 20),
        36,
        "explicit",
        ["trade"],
    ),
    (
        "EXEMPLE-2025-05",
        ["nouakchott", "centre-cameroun"],
        "framework",
        "Accord-cadre Sud-Sud : économie sociale (exemple)",
        "اتفاقية إطار جنوب-جنوب: الاقتصاد الاجتماعي (نموذج)",
        datetime.date(2025, 11, 5),
        48,
        "explicit",
        ["sse", "women", "youth"],
    ),
]


@transaction.atomic
def demo_partnerships_ensure(*, edition: Edition) -> None:
    if PartnerRegion.objects.exists():
        return
    regions = {}
    for slug, ar, fr, en, (c_ar, c_fr, c_en), code, continent, lat, lon in REGIONS:
        regions[slug] = PartnerRegion.objects.create(
            slug=slug,
            name_ar=ar,
            name_fr=fr,
            name_en=en,
            country_ar=c_ar,
            country_fr=c_fr,
            country_en=c_en,
            country_code=code,
            continent=continent,
            latitude=lat,
            longitude=lon,
            description_ar=SAMPLE_NOTE_AR,
            description_fr=SAMPLE_NOTE_FR,
            is_sample=True,
        )
    agreements = []
    for reference, slugs, kind, title_fr, title_ar, signed, months, renewal, domains in AGREEMENTS:
        agreement = Agreement(
            reference=reference,
            title_fr=title_fr,
            title_ar=title_ar,
            type=kind,
            signed_on=signed,
            signed_at_ar="وجدة",
            signed_at_fr="Oujda",
            effective_from=signed,
            duration_months=months,
            renewal=renewal,
            domains=domains,
            summary_fr=SAMPLE_NOTE_FR,
            summary_ar=SAMPLE_NOTE_AR,
            budget=1_500_000,
            funded_by_ar="مجلس جهة الشرق (نموذج)",
            funded_by_fr="Conseil de la Région de l'Oriental (exemple)",
            is_public=True,
        )
        agreement_save(agreement=agreement)
        agreement.partner_regions.set([regions[slug] for slug in slugs])
        agreements.append(agreement)
    today = timezone.localdate()
    for n, agreement in enumerate(agreements):
        Commitment.objects.create(
            agreement=agreement,
            description="Deux sessions de formation pour les coopératives (exemple)",
            responsible_region="Direction de la coopération (exemple)",
            due_on=today + datetime.timedelta(days=(n - 2) * 20),
        )
    meeting = PartnershipMeeting.objects.create(
        title_ar="لقاء الشراكة مع جهة أوكسيتاني (نموذج)",
        title_fr="Réunion de partenariat avec la région Occitanie (exemple)",
        starts_at=timezone.make_aware(
            datetime.datetime.combine(edition.starts_on, datetime.time(16))
        ),
        place_ar="المعرض، القاعة الكبرى",
        place_fr="Salon, Grande salle",
        agenda="Bilan de la convention, prochaines actions (exemple)",
        is_public=True,
    )
    meeting.agreements.set(agreements[:2])
    meeting.delegations.set([regions["occitanie"]])
    MeetingParticipant.objects.create(
        meeting=meeting, full_name="Claire Dubois", partner_region=regions["occitanie"]
    )
    Decision.objects.create(meeting=meeting, text="Organiser un échange de formateurs (exemple)")
