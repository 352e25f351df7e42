"""Sample programme for `manage.py seed_demo`: three days in four rooms, about forty sessions
in Arabic and French. The speakers are invented sample people."""

import datetime

from django.db import transaction

from events.choices import AttendeeCategory
from events.models import Attendee, Edition
from programme.choices import SessionStatus, SessionType, SignupStatus
from programme.demo_descriptions import DESCRIPTIONS
from programme.models import Room, Session, SessionSignup, Speaker, Track
from programme.services.sessions import session_save

# fmt: off
ROOMS = [
    ("القاعة الكبرى", "Grande salle", "Main hall", 400),
    ("قاعة أنكاد", "Salle Angad", "Angad room", 120),
    ("قاعة زكزل", "Salle Zegzel", "Zegzel room", 80),
    ("فضاء الورشات", "Espace ateliers", "Workshop space", 30),
]

TRACKS = [
    ("entrepreneurship", "المقاولة الجماعية", "Entrepreneuriat collectif", "#1b5e20"),
    ("export", "التصدير والمعايير", "Export et normes", "#0d47a1"),
    ("women-youth", "النساء والشباب", "Femmes et jeunes", "#ad1457"),
    ("partnerships", "التعاون جنوب-جنوب والشراكات", "Coopération Sud-Sud et partenariats", "#e65100"),
]

MOROCCO = ("المغرب", "Maroc")
# Arabic name, Latin name, organisation and country (Arabic, French), languages spoken
SPEAKERS = [
    ("سعاد بنعلي", "Souad Benali", ("جامعة محمد الأول، وجدة", "Université Mohammed Premier, Oujda"), MOROCCO, ["ar", "fr"]),
    ("يوسف العمراني", "Youssef El Amrani", ("مكتب تنمية التعاون", "Office du développement de la coopération"), MOROCCO, ["ar", "fr"]),
    ("نادية الإدريسي", "Nadia Idrissi", ("شبكة التعاونيات النسائية بجهة الشرق", "Réseau des coopératives féminines de l'Oriental"), MOROCCO, ["ar", "ary"]),
    ("كريم التازي", "Karim Tazi", ("الغرفة الفلاحية لجهة الشرق", "Chambre d'agriculture de l'Oriental"), MOROCCO, ["ar", "fr"]),
    ("", "Claire Martin", ("تجمع المقاولات التضامنية بأوكسيتاني", "Collectif d'entreprises solidaires d'Occitanie"), ("فرنسا", "France"), ["fr", "en"]),
    ("", "Amadou Diallo", ("الوكالة الجهوية للتنمية", "Agence régionale de développement"), ("السنغال", "Sénégal"), ["fr"]),
    ("فاطمة الزهراء الوزاني", "Fatima Zahra Ouazzani", ("مختبر مراقبة الجودة", "Laboratoire de contrôle qualité"), MOROCCO, ["ar", "fr"]),
    ("محمد بوزيان", "Mohamed Bouziane", ("تعاونية زيتون بركان", "Coopérative Zitoun Berkane"), MOROCCO, ["ar", "ary", "zgh"]),
    ("", "Aïcha Konaté", ("الغرفة الجهوية للصناعة التقليدية", "Chambre régionale des métiers"), ("كوت ديفوار", "Côte d'Ivoire"), ["fr"]),
    ("ليلى الشرقاوي", "Leila Cherkaoui", ("جمعية المقاولين الشباب", "Association des jeunes entrepreneurs"), MOROCCO, ["ar", "fr", "en"]),
    ("عبد الرحيم المرابط", "Abderrahim Mrabet", ("ميناء الناظور غرب المتوسط", "Port de Nador West Med"), MOROCCO, ["ar", "fr"]),
    ("", "Jean-Pierre Roux", ("جهة أوكسيتاني، التعاون الدولي", "Région Occitanie, coopération internationale"), ("فرنسا", "France"), ["fr"]),
]

# day, start, minutes, room, type, track, language, Arabic title, French title, speakers,
# sign-up required, places
SESSIONS = [
    (0, "10:00", 90, 0, "ceremony", None, "ar", "حفل الافتتاح الرسمي للمعرض", "Cérémonie officielle d'ouverture du salon", [], False, None),
    (0, "12:00", 90, 0, "panel", 0, "ar", "المقاولة الجماعية رافعة للتنمية الجهوية", "L'entrepreneuriat collectif, levier du développement régional", [0, 1, 7], False, None),
    (0, "12:00", 60, 1, "talk", 1, "fr", "معايير التلفيف في الأسواق الأوروبية", "Les normes d'emballage des marchés européens", [3], False, None),
    (0, "12:00", 90, 3, "workshop", 1, "ar", "ورشة: وسم المنتجات الغذائية", "Atelier : l'étiquetage des produits alimentaires", [6], True, 25),
    (0, "14:30", 90, 1, "panel", 2, "ar", "التعاونيات النسائية: تجارب ناجحة", "Coopératives féminines : des réussites", [2, 9], False, None),
    (0, "14:30", 60, 2, "talk", 0, "fr", "تمويل التعاونيات: الآليات المتاحة", "Financer une coopérative : les dispositifs", [1], False, None),
    (0, "14:30", 120, 3, "workshop", 1, "ar", "ورشة: ملف الترخيص الصحي", "Atelier : le dossier d'agrément sanitaire", [6, 3], True, 20),
    (0, "16:00", 60, 0, "partnership_meeting", 3, "fr", "لقاء الشراكة مع جهة أوكسيتاني", "Réunion de partenariat avec la région Occitanie", [4, 11], False, None),
    (0, "16:30", 60, 2, "talk", 2, "ar", "الشباب والاقتصاد الاجتماعي", "Les jeunes et l'économie sociale", [9], False, None),
    (0, "17:00", 90, 1, "panel", 3, "fr", "التعاون جنوب-جنوب: ما الذي تعلمناه؟", "Coopération Sud-Sud : ce que nous avons appris", [5, 8], False, None),
    (0, "17:00", 60, 3, "workshop", 0, "ar", "ورشة: التسيير المالي للتعاونية", "Atelier : la gestion financière d'une coopérative", [1], True, 25),
    (0, "18:30", 60, 2, "talk", 1, "ar", "التجارة الإلكترونية لمنتجات التعاونيات", "Le commerce en ligne des produits coopératifs", [9], False, None),
    (1, "09:30", 90, 0, "panel", 1, "fr", "الولوج إلى أسواق التصدير", "Accéder aux marchés d'exportation", [3, 4], False, None),
    (1, "09:30", 60, 1, "talk", 0, "ar", "الحكامة داخل التعاونيات", "La gouvernance des coopératives", [1], False, None),
    (1, "09:30", 120, 3, "workshop", 1, "fr", "ورشة: وثائق التصدير خطوة بخطوة", "Atelier : les documents d'export pas à pas", [10], True, 25),
    (1, "11:00", 60, 2, "talk", 2, "ar", "تمكين النساء في العالم القروي", "L'autonomie des femmes en milieu rural", [2], False, None),
    (1, "11:30", 90, 1, "partnership_meeting", 3, "fr", "لقاء الشراكة مع الوفود الإفريقية", "Réunion de partenariat avec les délégations africaines", [5, 8], False, None),
    (1, "12:00", 60, 3, "workshop", 2, "ar", "ورشة: التسويق عبر شبكات التواصل", "Atelier : vendre sur les réseaux sociaux", [9], True, 30),
    (1, "14:30", 90, 0, "panel", 0, "ar", "الاقتصاد الاجتماعي والتضامني في جهة الشرق", "L'économie sociale et solidaire dans l'Oriental", [0, 3, 7], False, None),
    (1, "14:30", 60, 2, "talk", 1, "fr", "علامات الجودة: تسمية المنشأ والبيان الجغرافي", "Signes de qualité : AOP et IGP", [6], False, None),
    (1, "15:00", 120, 3, "workshop", 1, "ar", "ورشة: تصميم التلفيف", "Atelier : concevoir son emballage", [2], True, 20),
    (1, "16:00", 60, 1, "talk", 3, "fr", "التعاون اللامركزي: أدوات وتجارب", "La coopération décentralisée : outils et expériences", [11], False, None),
    (1, "16:30", 60, 2, "talk", 2, "ar", "مقاولات الشباب: من الفكرة إلى المشروع", "Jeunes entrepreneurs : de l'idée au projet", [9], False, None),
    (1, "17:00", 120, 0, "b2b_block", 3, "mul", "لقاءات الأعمال الثنائية", "Rendez-vous d'affaires B2B", [], False, None),
    (1, "17:30", 60, 1, "panel", 0, "ar", "التعاونيات والسياحة التضامنية", "Coopératives et tourisme solidaire", [7, 2], False, None),
    (1, "17:30", 60, 3, "workshop", 0, "ar", "ورشة: إحداث تعاونية", "Atelier : créer une coopérative", [1], True, 25),
    (2, "09:30", 60, 1, "talk", 1, "fr", "النقل واللوجستيك نحو الموانئ", "Transport et logistique vers les ports", [10], False, None),
    (2, "09:30", 90, 0, "panel", 3, "fr", "الشراكات بين الجهات: حصيلة وآفاق", "Partenariats entre régions : bilan et perspectives", [4, 5, 11], False, None),
    (2, "10:00", 120, 3, "workshop", 1, "ar", "ورشة: الحصول على شهادة المنتوج البيولوجي", "Atelier : obtenir la certification biologique", [6], True, 20),
    (2, "11:00", 60, 2, "talk", 2, "ar", "النساء والتصدير", "Les femmes et l'export", [2, 3], False, None),
    (2, "11:30", 60, 1, "talk", 0, "ar", "الرقمنة في خدمة التعاونيات", "Le numérique au service des coopératives", [9], False, None),
    (2, "12:30", 60, 3, "workshop", 2, "ar", "ورشة: تصوير المنتجات بالهاتف", "Atelier : photographier ses produits au téléphone", [9], True, 15),
    (2, "14:30", 90, 0, "panel", 1, "fr", "شروط السلامة الصحية للأغذية", "Les exigences sanitaires pour les aliments", [6, 3], False, None),
    (2, "14:30", 60, 1, "partnership_meeting", 3, "fr", "لقاء الشراكة: التكوين المهني", "Réunion de partenariat : la formation professionnelle", [5, 11], False, None),
    (2, "15:00", 60, 2, "talk", 0, "ar", "قصص نجاح تعاونيات الشرق", "Réussites de coopératives de l'Oriental", [7], False, None),
    (2, "16:00", 60, 1, "talk", 2, "ar", "الإدماج الاقتصادي للشباب", "L'insertion économique des jeunes", [9, 0], False, None),
    (2, "16:00", 90, 3, "workshop", 1, "fr", "ورشة: التسعير للأسواق الخارجية", "Atelier : fixer ses prix à l'export", [3], True, 25),
    (2, "16:30", 60, 2, "talk", 3, "fr", "اقتصاد تضامني عابر للمتوسط", "Une économie solidaire de part et d'autre de la Méditerranée", [4], False, None),
    (2, "17:30", 60, 0, "ceremony", None, "ar", "توزيع جوائز المعرض وحفل الاختتام", "Remise des prix du salon et clôture", [], False, None),
    (2, "17:00", 30, 0, "talk", 0, "ar", "خلاصات وتوصيات المعرض", "Conclusions et recommandations du salon", [0, 1], False, None),
]
# fmt: on


@transaction.atomic
def demo_programme_ensure(*, edition: Edition) -> list[Session]:
    """The sample programme, unless the edition already has one."""
    if edition.sessions.exists():
        return list(edition.sessions.all())
    rooms = [
        Room.objects.get_or_create(
            venue=edition.venue,
            name_fr=name_fr,
            defaults={"name_ar": name_ar, "name_en": name_en, "capacity": seats, "order": n},
        )[0]
        for n, (name_ar, name_fr, name_en, seats) in enumerate(ROOMS)
    ]
    tracks = [
        Track.objects.get_or_create(
            edition=edition,
            slug=slug,
            defaults={"name_ar": name_ar, "name_fr": name_fr, "colour": colour, "order": n},
        )[0]
        for n, (slug, name_ar, name_fr, colour) in enumerate(TRACKS)
    ]
    speakers = [
        Speaker.objects.get_or_create(
            name_latin=latin,
            defaults={
                "name_ar": arabic,
                "organisation_ar": organisation[0],
                "organisation_fr": organisation[1],
                "country_ar": country[0],
                "country_fr": country[1],
                "languages": languages,
            },
        )[0]
        for arabic, latin, organisation, country, languages in SPEAKERS
    ]
    zone = edition.zone
    sessions = []
    for (
        day,
        start,
        minutes,
        room,
        kind,
        track,
        language,
        title_ar,
        title_fr,
        who,
        signup,
        places,
    ) in SESSIONS:
        hour, minute = map(int, start.split(":"))
        starts_at = datetime.datetime.combine(
            edition.starts_on + datetime.timedelta(days=day),
            datetime.time(hour, minute),
            tzinfo=zone,
        )
        session = Session(
            edition=edition,
            title_ar=title_ar,
            title_fr=title_fr,
            description_ar=DESCRIPTIONS[title_fr][0],
            description_fr=DESCRIPTIONS[title_fr][1],
            type=SessionType(kind),
            track=tracks[track] if track is not None else None,
            language=language,
            room=rooms[room],
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=minutes),
            signup_required=signup,
            capacity=places,
            status=SessionStatus.PUBLISHED,
        )
        session_save(session=session, speakers=[speakers[n] for n in who])
        sessions.append(session)
    _demo_signups(edition, [s for s in sessions if s.signup_required])
    return sessions


def _demo_signups(edition: Edition, workshops: list[Session]) -> None:
    """A few sample visitors signed up for workshops (stored as they are: no e-mail goes to
    sample addresses)."""
    visitors = list(
        Attendee.objects.filter(edition=edition, category=AttendeeCategory.VISITOR)[:12]
    )
    SessionSignup.objects.bulk_create(
        SessionSignup(session=workshop, attendee=person, status=SignupStatus.CONFIRMED)
        for n, person in enumerate(visitors)
        for workshop in workshops[n % 3 :: 4]
    )
