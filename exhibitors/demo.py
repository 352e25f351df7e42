"""Sample exhibitors for `manage.py seed_demo`: about 60 cooperatives, two halls, 80 stands,
and applications in every state. Idempotent: cooperatives are found by registration number."""

import datetime
import io
import random
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from events.choices import ConsentKind
from events.models import Badge, Edition
from events.services.consents import consent_give
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
from exhibitors.services.cooperatives import cooperative_image_create, cooperative_photo_add
from exhibitors.services.leads import lead_annotate, lead_scan
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


# Product descriptions by category: (Arabic, French).
PRODUCT_DESCRIPTIONS = {
    "olive_oil": (
        "زيت بكر ممتاز معصور على البارد من زيتون الجهة.",
        "Huile extra vierge pressée à froid, d'olives de la région.",
    ),
    "honey": (
        "عسل طبيعي يُجنى من مناحل الجهة دون أي إضافات.",
        "Miel naturel récolté dans les ruchers de la région, sans ajout.",
    ),
    "dates": (
        "تمور من واحات فجيج، تُنتقى وتُلفف يدويا.",
        "Dattes des oasis de Figuig, triées et conditionnées à la main.",
    ),
    "citrus": (
        "كليمانتين سهل تريفة، يُقطف في أوانه.",
        "Clémentines de la plaine des Triffa, cueillies à maturité.",
    ),
    "cactus": (
        "زيت نادر يُستخرج من بذور الصبار للعناية بالبشرة.",
        "Huile rare extraite des pépins de figue de Barbarie, pour la peau.",
    ),
    "cereals": (
        "كسكس مفتول يدويا من شعير الجهة.",
        "Couscous roulé à la main, d'orge de la région.",
    ),
    "aromatic_plants": (
        "أعشاب عطرية وطبية تُجمع وتُجفف في الظل.",
        "Plantes aromatiques et médicinales cueillies et séchées à l'ombre.",
    ),
    "argan": ("زيت أركان تجميلي معصور على البارد.", "Huile d'argan cosmétique pressée à froid."),
    "cosmetics": ("صابون بلدي تقليدي بزيت الزيتون.", "Savon beldi traditionnel à l'huile d'olive."),
    "crafts": (
        "فخار مصنوع يدويا بطين الواحة.",
        "Poterie façonnée à la main avec l'argile de l'oasis.",
    ),
    "carpets": (
        "منسوجات من صوف الجهة بألوان طبيعية.",
        "Tissages en laine de la région, teintures naturelles.",
    ),
    "textiles": ("قفاطين مطرزة يدويا بخيوط الحرير.", "Caftans brodés à la main au fil de soie."),
}
# A colour per sector for the generated logos and photos.
SECTOR_COLOURS = {
    "agri_food": ((46, 125, 50), (200, 230, 201)),
    "cosmetics": ((142, 68, 173), (232, 218, 239)),
    "crafts": ((183, 110, 0), (255, 236, 179)),
    "textiles": ((21, 101, 192), (187, 222, 251)),
}


def demo_exhibitors_ensure(*, edition: Edition, exhibitor: User, organiser: User) -> None:
    stand_types = _stand_types_ensure(edition)
    stands = _stands_ensure(edition, stand_types)
    if Application.objects.filter(edition=edition).exists():
        _profiles_ensure(list(Cooperative.objects.filter(registration_number__startswith="DEMO-")))
        _leads_ensure(edition, exhibitor)
        return
    rng = random.Random(2027)
    cooperatives = _cooperatives_ensure(rng, exhibitor)
    _profiles_ensure(cooperatives)
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
    _leads_ensure(edition, exhibitor)


# Visitors scanned at the sample exhibitor's stand: (minutes after opening, note, rating).
LEAD_SCANS = [
    (15, "يرغب في كتالوج زيت الأركان وأسعار البيع بالجملة.", 5),
    (62, "", None),
    (140, "Intéressé par 50 kg de clémentines de Berkane pour un restaurant.", 4),
    (205, "", 2),
]


def _leads_ensure(edition: Edition, exhibitor: User) -> None:
    """A few visitors scanned at the sample exhibitor's first confirmed stand on the fair's
    first day: the first one shares their contact with the stands, the others are anonymous
    visits. Once."""
    application = (
        Application.objects.filter(
            edition=edition,
            cooperative__managers=exhibitor,
            status=Status.CONFIRMED,
            stand__isnull=False,
        )
        .order_by("pk")
        .first()
    )
    if application is None or application.stand_visits.exists():
        return
    badges = (
        Badge.objects.active()
        .filter(edition=edition, category__in=["visitor", "press", "delegation"])
        .select_related("attendee")
        .order_by("pk")
    )
    opening = datetime.datetime.combine(edition.starts_on, datetime.time(10), tzinfo=edition.zone)
    for index, (badge, (minutes, note, rating)) in enumerate(zip(badges, LEAD_SCANS, strict=False)):
        if index == 0:
            consent_give(
                kind=ConsentKind.FINDABLE, language=badge.attendee.language, attendee=badge.attendee
            )
        outcome = lead_scan(
            application=application,
            code=badge.code,
            scanned_at=opening + datetime.timedelta(minutes=minutes),
        )
        if outcome.visit is not None and (note or rating):
            lead_annotate(visit=outcome.visit, note=note, rating=rating)


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
                "commune_ar": town_ar,
                "commune_fr": town,
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
                "description_ar": f"{prefix_ar} من {town_ar} تعمل في تثمين المنتوجات المجالية.",
                "description_fr": f"{prefix} de {town} qui valorise les produits du terroir.",
                "language": "ar" if number % 3 else "fr",
            },
        )
        if created:
            for category, name_fr, name_ar in products:
                description_ar, description_fr = PRODUCT_DESCRIPTIONS.get(category, ("", ""))
                Product.objects.create(
                    cooperative=cooperative,
                    category=category,
                    name_fr=name_fr,
                    name_ar=name_ar,
                    description_ar=description_ar,
                    description_fr=description_fr,
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


def _profiles_ensure(cooperatives: list[Cooperative]) -> None:
    """What the profiles gained after the first sample data: the commune in Arabic and in
    French, product descriptions, a drawn logo, a few photos and public contact details. Only
    what is missing is added, so a second run changes nothing."""
    towns = {town: town_ar for town, town_ar in PROVINCES.values()}
    for cooperative in cooperatives:
        number = int(cooperative.registration_number.removeprefix("DEMO-")) - 1
        changed = []
        town, town_ar = PROVINCES[cooperative.province]
        if not cooperative.commune_fr:
            cooperative.commune_fr = town
            changed.append("commune_fr")
        if not cooperative.commune_ar:
            cooperative.commune_ar = towns.get(cooperative.commune_fr, town_ar)
            changed.append("commune_ar")
        if number % 3 == 0 and not (cooperative.public_email or cooperative.public_phone):
            cooperative.public_email = cooperative.email
            cooperative.public_phone = cooperative.phone
            changed += ["public_email", "public_phone"]
        if cooperative.logo_id is None:
            cooperative.logo = cooperative_image_create(
                file=_png(_logo(cooperative), f"logo-{number + 1:03d}.png"),
                title=cooperative.name,
                uploaded_by=None,
            )
            changed.append("logo")
        if changed:
            cooperative.save(update_fields=changed)
        for product in cooperative.products.filter(description_fr="", description_ar=""):
            product.description_ar, product.description_fr = PRODUCT_DESCRIPTIONS.get(
                product.category, ("", "")
            )
            product.save(update_fields=["description_ar", "description_fr"])
        if number % 4 == 0 and not cooperative.photos.exists():
            for index in range(1 + number % 8 // 4):
                cooperative_photo_add(
                    cooperative=cooperative,
                    file=_png(_photo(cooperative, index), f"photo-{number + 1:03d}-{index}.png"),
                    by=None,
                    caption_ar=f"من منتوجات {cooperative.name_ar}",
                    caption_fr=f"Les produits de {cooperative.name}",
                )


def _logo(cooperative: Cooperative) -> Image.Image:
    """A disc in the sector's colour with the cooperative's initials."""
    dark, light = SECTOR_COLOURS.get(cooperative.sector, ((90, 90, 90), (230, 230, 230)))
    image = Image.new("RGB", (256, 256), light)
    draw = ImageDraw.Draw(image)
    draw.ellipse((16, 16, 240, 240), fill=dark)
    words = [w for w in cooperative.name.split() if w[:1].isupper()][1:3] or [cooperative.name]
    initials = "".join(word[0] for word in words).upper()
    font = ImageFont.load_default(size=96)
    draw.text((128, 128), initials, fill=light, font=font, anchor="mm")
    return image


def _photo(cooperative: Cooperative, index: int) -> Image.Image:
    """A landscape of bands and circles in the sector's colours, different for each index."""
    dark, light = SECTOR_COLOURS.get(cooperative.sector, ((90, 90, 90), (230, 230, 230)))
    image = Image.new("RGB", (800, 600), light)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 380 + 40 * index, 800, 600), fill=dark)
    rng = random.Random(f"{cooperative.registration_number}-{index}")
    for _ in range(6):
        x, y, r = rng.randint(60, 740), rng.randint(80, 360), rng.randint(20, 70)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(c // 2 + 60 for c in dark))
    return image


def _png(image: Image.Image, name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
