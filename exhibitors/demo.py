"""Sample exhibitors for `manage.py seed_demo`: about 60 cooperatives, two halls, 80 stands,
and applications in every state. Idempotent: cooperatives are found by registration number."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from events.models import Edition
from exhibitors.choices import ApplicationStatus as Status
from exhibitors.models import (
    Application,
    ApplicationEvent,
    Certification,
    Cooperative,
    Product,
    Stand,
    StandType,
)
from fairsite.models import User

PROVINCES = {
    "oujda_angad": ("Oujda", "وجدة"),
    "berkane": ("Berkane", "بركان"),
    "nador": ("Nador", "الناظور"),
    "driouch": ("Driouch", "الدريوش"),
    "taourirt": ("Taourirt", "تاوريرت"),
    "jerada": ("Jerada", "جرادة"),
    "guercif": ("Guercif", "جرسيف"),
    "figuig": ("Figuig", "فجيج"),
}
# (sector, Latin stem, Arabic stem, products as (category, French, Arabic))
TRADES = [
    (
        "agri_food",
        "Zitoun",
        "الزيتون",
        [("olive_oil", "Huile d'olive extra vierge", "زيت الزيتون البكر")],
    ),
    (
        "agri_food",
        "Nahl",
        "النحل",
        [("honey", "Miel de thym", "عسل الزعتر"), ("honey", "Miel d'euphorbe", "عسل الدغموس")],
    ),
    ("agri_food", "Nakhil", "النخيل", [("dates", "Dattes Aziza", "تمور عزيزة")]),
    ("agri_food", "Limoun", "الليمون", [("citrus", "Clémentines de Berkane", "كليمانتين بركان")]),
    (
        "agri_food",
        "Sabbar",
        "الصبار",
        [("cactus", "Huile de pépins de figue de Barbarie", "زيت بذور الصبار")],
    ),
    ("agri_food", "Kaskas", "الكسكس", [("cereals", "Couscous d'orge", "كسكس الشعير")]),
    (
        "agri_food",
        "Achab",
        "الأعشاب",
        [("aromatic_plants", "Romarin et armoise", "إكليل الجبل والشيح")],
    ),
    (
        "cosmetics",
        "Argane",
        "الأركان",
        [
            ("argan", "Huile d'argan cosmétique", "زيت الأركان التجميلي"),
            ("cosmetics", "Savon beldi", "الصابون البلدي"),
        ],
    ),
    ("crafts", "Fakhar", "الفخار", [("crafts", "Poterie de Figuig", "فخار فجيج")]),
    ("crafts", "Zarbia", "الزربية", [("carpets", "Tapis tissé main", "زربية منسوجة يدويا")]),
    ("textiles", "Khayata", "الخياطة", [("textiles", "Caftans brodés", "قفاطين مطرزة")]),
    ("textiles", "Hanbel", "الحنبل", [("carpets", "Hanbel de l'Oriental", "حنبل الشرق")]),
]
LEGAL_FORMS = ["cooperative"] * 7 + ["association", "gie", "auto_entrepreneur"]
# How many of the 60 applications end in each state; accepted and confirmed ones get stands.
STATUS_PLAN = (
    [Status.CONFIRMED] * 30
    + [Status.ACCEPTED] * 8
    + [Status.WAITLISTED] * 5
    + [Status.REJECTED] * 4
    + [Status.SUBMITTED] * 6
    + [Status.CHANGES_REQUESTED] * 3
    + [Status.DRAFT] * 2
    + [Status.WITHDRAWN] * 2
)
PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: [Status.SUBMITTED],
    Status.CHANGES_REQUESTED: [Status.SUBMITTED, Status.CHANGES_REQUESTED],
    Status.ACCEPTED: [Status.SUBMITTED, Status.ACCEPTED],
    Status.WAITLISTED: [Status.SUBMITTED, Status.WAITLISTED],
    Status.REJECTED: [Status.SUBMITTED, Status.REJECTED],
    Status.CONFIRMED: [Status.SUBMITTED, Status.ACCEPTED, Status.CONFIRMED],
    Status.WITHDRAWN: [Status.SUBMITTED, Status.WITHDRAWN],
}


def demo_exhibitors_ensure(*, edition: Edition, exhibitor: User, organiser: User) -> None:
    stand_types = _stand_types_ensure(edition)
    stands = _stands_ensure(edition, stand_types)
    if Application.objects.filter(edition=edition).exists():
        return
    rng = random.Random(2027)
    cooperatives = _cooperatives_ensure(rng, exhibitor)
    free_stands = [s for s in stands if not Application.objects.filter(stand=s).exists()]
    now = timezone.now()
    for index, (cooperative, status) in enumerate(zip(cooperatives, STATUS_PLAN, strict=False)):
        application = Application.objects.create(
            edition=edition,
            cooperative=cooperative,
            status=status,
            stand_type=stand_types[index % len(stand_types)],
            product_categories=sorted({p.category for p in cooperative.products.all()}),
            needs_electricity=index % 2 == 0,
            needs_refrigeration=cooperative.sector == "agri_food" and index % 3 == 0,
            needs_water=index % 7 == 0,
            sells_food=cooperative.sector == "agri_food",
            submitted_at=None
            if status == Status.DRAFT
            else now - datetime.timedelta(days=40 - index % 30),
            stand=free_stands.pop(0)
            if status == Status.CONFIRMED or (status == Status.ACCEPTED and index % 2)
            else None,
        )
        previous = ""
        for step in [Status.DRAFT, *PATHS[status]]:
            by = (
                organiser
                if step
                in (Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED, Status.CHANGES_REQUESTED)
                else exhibitor
            )
            ApplicationEvent.objects.create(
                application=application, from_status=previous, to_status=step, by=by
            )
            previous = step


def _stand_types_ensure(edition: Edition) -> list[StandType]:
    specs = [
        ("رواق صغير", "Stand compact", "Compact stand", 3, 3, 1500, 2),
        ("رواق عادي", "Stand standard", "Standard stand", 4, 3, 2500, 3),
        ("رواق كبير", "Grand stand", "Large stand", 6, 4, 4500, 5),
    ]
    return [
        StandType.objects.get_or_create(
            edition=edition,
            name_fr=name_fr,
            defaults={
                "name_ar": name_ar,
                "name_en": name_en,
                "width": width,
                "depth": depth,
                "price": price,
                "badge_quota": quota,
            },
        )[0]
        for name_ar, name_fr, name_en, width, depth, price, quota in specs
    ]


def _stands_ensure(edition: Edition, stand_types: list[StandType]) -> list[Stand]:
    """Hall A: four rows of twelve compact stands; hall B: two rows of standard stands and
    one of large ones, with aisles between the rows."""
    compact, standard, large = stand_types
    layout = []
    for row in range(4):
        for column in range(12):
            layout.append(("A", f"A-{row * 12 + column + 1:02d}", compact, column * 3, row * 6))
    number = 0
    for row, (stand_type, count) in enumerate(
        [(standard, 10), (standard, 10), (large, 6), (large, 6)]
    ):
        for column in range(count):
            number += 1
            layout.append(
                ("B", f"B-{number:02d}", stand_type, column * float(stand_type.width), row * 7)
            )
    stands = []
    for hall, code, stand_type, x, y in layout:
        stand, _created = Stand.objects.get_or_create(
            edition=edition,
            code=code,
            defaults={
                "hall": hall,
                "stand_type": stand_type,
                "x": Decimal(str(x)),
                "y": Decimal(str(y)),
                "width": stand_type.width,
                "depth": stand_type.depth,
            },
        )
        stands.append(stand)
    return stands


def _cooperatives_ensure(rng: random.Random, exhibitor: User) -> list[Cooperative]:
    cooperatives = []
    provinces = list(PROVINCES)
    for number in range(60):
        sector, stem, stem_ar, products = TRADES[number % len(TRADES)]
        province = provinces[number % len(provinces)]
        town, town_ar = PROVINCES[province]
        legal_form = LEGAL_FORMS[number % len(LEGAL_FORMS)]
        prefix, prefix_ar = {
            "cooperative": ("Coopérative", "تعاونية"),
            "association": ("Association", "جمعية"),
            "gie": ("GIE", "مجموعة ذات النفع الاقتصادي"),
            "auto_entrepreneur": ("Atelier", "ورشة"),
        }[legal_form]
        members = rng.randint(7, 80)
        cooperative, created = Cooperative.objects.get_or_create(
            registration_number=f"DEMO-{number + 1:03d}",
            defaults={
                "name": f"{prefix} {stem} {town}",
                "name_ar": f"{prefix_ar} {stem_ar} {town_ar}",
                "legal_form": legal_form,
                "province": province,
                "commune": town,
                "sector": sector,
                "founded_in": rng.randint(1998, 2023),
                "members": members,
                "women_members": rng.randint(0, members),
                "young_members": rng.randint(0, members // 2),
                "contact_name": rng.choice(
                    ["Fatima", "Mohammed", "Khadija", "Ahmed", "Naima", "Youssef"]
                ),
                "email": f"coop{number + 1:03d}@fair.example",
                "phone": f"+212 6{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                "publish_contact": number % 3 == 0,
                "description_ar": f"{prefix_ar} من {town_ar} تعمل في تثمين المنتوجات المجالية.",
                "description_fr": f"{prefix} de {town} qui valorise les produits du terroir.",
                "language": "ar" if number % 3 else "fr",
            },
        )
        if created:
            for category, name_fr, name_ar in products:
                Product.objects.create(
                    cooperative=cooperative, category=category, name_fr=name_fr, name_ar=name_ar
                )
            if sector == "agri_food":
                Certification.objects.create(
                    cooperative=cooperative,
                    kind="sanitary_approval",
                    reference=f"ONSSA-{rng.randint(10000, 99999)}",
                    valid_until=datetime.date(2028, 12, 31),
                )
            if number % 5 == 0:
                Certification.objects.create(cooperative=cooperative, kind="organic")
        if number == 0:
            cooperative.managers.add(exhibitor)
        cooperatives.append(cooperative)
    return cooperatives
