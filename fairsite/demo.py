"""Sample content for `manage.py seed_demo`: users, site settings and pages in three languages.

Every function here is idempotent: it finds what an earlier run made and leaves it alone.
"""

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from fairsite.models import (
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    PrivacyPage,
    SiteSettings,
    StandardPage,
    User,
)
from fairsite.roles import (
    GATE_STAFF,
    LOGISTICS_UNIT,
    ORGANISERS,
    PARTNERSHIPS_OFFICERS,
    PROGRAMME_EDITORS,
)
from fairsite.services.site import home_pages_ensure


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str


DEMO_LOGINS = [
    DemoLogin("organiser", "organiser@fair.example", "oriental-organiser"),
    DemoLogin("gate staff", "gate@fair.example", "oriental-gate"),
    DemoLogin("exhibitor", "exhibitor@fair.example", "oriental-exhibitor"),
    DemoLogin("programme editor", "programme@fair.example", "oriental-programme"),
    DemoLogin("partnerships officer", "partnerships@fair.example", "oriental-partnerships"),
    DemoLogin("logistics officer", "logistics@fair.example", "oriental-logistics"),
]
DEMO_GROUPS = {
    "organiser": [ORGANISERS],
    "gate staff": [GATE_STAFF],
    "exhibitor": [],
    "programme editor": [PROGRAMME_EDITORS],
    "partnerships officer": [PARTNERSHIPS_OFFICERS],
    "logistics officer": [LOGISTICS_UNIT],
}
DEMO_NAMES = {
    "organiser": ("Samira", "Bennani", "fr"),
    "gate staff": ("Youssef", "El Idrissi", "ar"),
    "exhibitor": ("Fatima", "Zahraoui", "ar"),
    "programme editor": ("Hicham", "Alaoui", "fr"),
    "partnerships officer": ("Nora", "Berrada", "ar"),
    "logistics officer": ("Karim", "Ouazzani", "fr"),
}

HOME_CONTENT = {
    "ar": {
        "intro": "موعد سنوي للتعاونيات والجمعيات والمقاولات الاجتماعية بجهة الشرق: عرض وبيع المنتوجات "
        "المجالية، ندوات وورشات، ولقاءات شراكة مع الجهات الشريكة.",
        "figures": [("8", "عمالات وأقاليم"), ("4", "أيام")],
    },
    "fr": {
        "intro": "Le rendez-vous annuel des coopératives, associations et entreprises sociales de "
        "l'Oriental : exposition et vente des produits du terroir, conférences, ateliers et "
        "rencontres de partenariat avec les régions partenaires.",
        "figures": [("8", "provinces"), ("4", "jours")],
    },
    "en": {
        "intro": "The yearly meeting of the Oriental Region's cooperatives, associations and social "
        "enterprises: local products on show and for sale, talks, workshops and partnership "
        "meetings with the partner regions.",
        "figures": [("8", "provinces"), ("4", "days")],
    },
}

ABOUT_CONTENT = {
    "ar": (
        "about",
        "عن المعرض",
        "ينظم مجلس جهة الشرق كل سنة بوجدة المعرض الجهوي للاقتصاد الاجتماعي والتضامني.",
    ),
    "fr": (
        "a-propos",
        "À propos du salon",
        "Le Conseil de la Région de l'Oriental organise chaque année à Oujda le Salon régional de l'ESS.",
    ),
    "en": (
        "about",
        "About the fair",
        "Every year the Regional Council of the Oriental holds the Regional SSE Fair in Oujda.",
    ),
}
# The about page's text, a paragraph a string: who holds the fair, what it is, who takes part.
ABOUT_BODY = {
    "ar": [
        "ينظم مجلس جهة الشرق المعرض الجهوي للاقتصاد الاجتماعي والتضامني كل سنة بمدينة وجدة، "
        "في إطار دعمه للتعاونيات والجمعيات والمقاولات الاجتماعية بالجهة ومواكبتها في تثمين "
        "منتوجاتها وتسويقها.",
        "المعرض فضاء لعرض وبيع المنتوجات المجالية والصناعة التقليدية، وموعد للتكوين وتبادل "
        "التجارب من خلال ندوات وورشات ولقاءات أعمال ثنائية بين العارضين والمشترين والشركاء.",
        "يشارك فيه عارضون من عمالات وأقاليم الجهة الثمانية: وجدة أنكاد، بركان، الناظور، "
        "الدريوش، تاوريرت، جرادة، جرسيف وفجيج.",
        "وفي إطار التعاون اللامركزي والتعاون جنوب-جنوب، تحضر وفود أربع جهات إفريقية شريكة "
        "وجهة أوكسيتاني، لتقديم تجاربها وعقد لقاءات الشراكة.",
        "يجد الزوار في أروقة المعرض زيت الزيتون وعسل الجهة وليمون بركان والتمور ومنتوجات "
        "الصبار والأركان ومواد التجميل والنسيج والصناعة التقليدية، إلى جانب برنامج غني من "
        "المحاضرات والموائد المستديرة والورشات. الدخول مجاني.",
    ],
    "fr": [
        "Le Conseil de la Région de l'Oriental organise chaque année à Oujda le Salon régional "
        "de l'économie sociale et solidaire, pour soutenir les coopératives, associations et "
        "entreprises sociales de la région et les accompagner dans la valorisation et la vente "
        "de leurs produits.",
        "Le salon est à la fois un lieu d'exposition et de vente des produits du terroir et de "
        "l'artisanat, et un rendez-vous de formation et d'échange : conférences, ateliers et "
        "rendez-vous d'affaires (B2B) entre exposants, acheteurs et partenaires.",
        "Les exposants viennent de la préfecture d'Oujda-Angad et des sept provinces de la "
        "région : Berkane, Nador, Driouch, Taourirt, Jerada, Guercif et Figuig.",
        "Au titre de la coopération décentralisée et de la coopération Sud-Sud, des délégations "
        "de quatre régions africaines partenaires et de la Région Occitanie y présentent leurs "
        "expériences et tiennent des réunions de partenariat.",
        "Les visiteurs y trouvent l'huile d'olive, le miel de la région, les clémentines de "
        "Berkane, les dattes, les produits du cactus et de l'argan, les cosmétiques, le textile "
        "et l'artisanat, ainsi qu'un programme de conférences, tables rondes et ateliers. "
        "L'entrée est gratuite.",
    ],
    "en": [
        "The Regional Council of the Oriental holds the Regional Social and Solidarity Economy "
        "Fair in Oujda every year, to support the region's cooperatives, associations and "
        "social enterprises in adding value to their products and selling them.",
        "The fair is a place to show and sell local products and crafts, and a meeting for "
        "learning and exchange: talks, workshops and B2B meetings between exhibitors, buyers "
        "and partners.",
        "Exhibitors come from the prefecture of Oujda-Angad and the region's seven provinces: "
        "Berkane, Nador, Driouch, Taourirt, Jerada, Guercif and Figuig.",
        "Under the region's decentralised and South-South cooperation, delegations from four "
        "partner regions in Africa and from France's Occitanie region present their work and "
        "hold partnership meetings.",
        "Visitors find olive oil, the region's honey, Berkane clementines, dates, cactus and "
        "argan products, cosmetics, textiles and crafts, and a programme of talks, panels and "
        "workshops. Entry is free.",
    ],
}
# The privacy notice (law 09-08): slug, title, introduction, then (heading, paragraph) pairs.
PRIVACY_CONTENT = {
    "ar": (
        "privacy",
        "حماية المعطيات الشخصية",
        "يحترم مجلس جهة الشرق القانون رقم 09.08 المتعلق بحماية الأشخاص الذاتيين تجاه معالجة "
        "المعطيات ذات الطابع الشخصي.",
        [
            (
                "من يجمع معطياتكم؟",
                "مجلس جهة الشرق، منظم المعرض الجهوي للاقتصاد الاجتماعي والتضامني بوجدة.",
            ),
            (
                "لأي غرض؟",
                "لإصدار الشارات ومراقبتها عند المداخل، ودراسة طلبات مشاركة التعاونيات وتوزيع الأروقة، "
                "وتسجيلكم في الورشات، وتنظيم لقاءات الأعمال، ومواكبة التعاونيات في التصدير، "
                "وإعداد إحصائيات مجهولة الهوية لمرصد الاقتصاد الاجتماعي والتضامني.",
            ),
            (
                "من يطلع عليها؟",
                "مصالح مجلس الجهة المكلفة بالمعرض وحدها. لا تُعرض أسماؤكم على العارضين أو على "
                "المشاركين في لقاءات الأعمال إلا إذا اخترتم ذلك.",
            ),
            (
                "كم مدة الاحتفاظ بها؟",
                "تُحذف المعطيات الشخصية للزوار أو تُجعل مجهولة الهوية بعد اثني عشر شهرا من نهاية "
                "الدورة، وتبقى الأرقام الإحصائية وحدها.",
            ),
            (
                "ما هي حقوقكم؟",
                "لكم حق الولوج إلى معطياتكم وتصحيحها والاعتراض على معالجتها وطلب حذفها. راسلوا "
                "المعرض عبر عنوان البريد الإلكتروني المذكور أسفل الصفحة، ويمكنكم أيضا اللجوء إلى "
                "اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي.",
            ),
        ],
    ),
    "fr": (
        "donnees-personnelles",
        "Protection des données personnelles",
        "Le Conseil de la Région de l'Oriental respecte la loi n° 09-08 relative à la protection "
        "des personnes physiques à l'égard du traitement des données à caractère personnel.",
        [
            (
                "Qui collecte vos données ?",
                "Le Conseil de la Région de l'Oriental, organisateur du Salon régional de l'économie sociale et solidaire à Oujda.",
            ),
            (
                "Pour quoi faire ?",
                "Émettre les badges et les contrôler aux entrées, étudier les candidatures des "
                "coopératives et attribuer les stands, vous inscrire aux ateliers, organiser les "
                "rendez-vous d'affaires, accompagner les coopératives à l'export et établir des "
                "statistiques anonymes pour l'observatoire de l'ESS.",
            ),
            (
                "Qui les reçoit ?",
                "Les seuls services du Conseil chargés du salon. Votre nom n'est montré aux "
                "exposants ou aux participants des rendez-vous d'affaires que si vous le choisissez.",
            ),
            (
                "Combien de temps sont-elles gardées ?",
                "Les données personnelles des visiteurs sont supprimées ou rendues anonymes douze "
                "mois après la fin de l'édition ; seuls les chiffres statistiques restent.",
            ),
            (
                "Quels sont vos droits ?",
                "Vous pouvez accéder à vos données, les faire rectifier, vous opposer à leur "
                "traitement et demander leur suppression : écrivez au salon à l'adresse indiquée "
                "en bas de page. Vous pouvez aussi saisir la Commission nationale de contrôle de la "
                "protection des données à caractère personnel (CNDP).",
            ),
        ],
    ),
    "en": (
        "privacy",
        "Personal data protection",
        "The Regional Council of the Oriental complies with law 09-08 on the protection of "
        "individuals with regard to the processing of personal data.",
        [
            (
                "Who collects your data?",
                "The Regional Council of the Oriental, which organises the Regional Fair of the Social and Solidarity Economy in Oujda.",
            ),
            (
                "What for?",
                "To issue badges and check them at the entrances, review cooperatives' "
                "applications and allocate stands, sign you up for workshops, arrange business "
                "meetings, help cooperatives export, and compile anonymous statistics for the "
                "observatory of the social and solidarity economy.",
            ),
            (
                "Who receives it?",
                "Only the council's services in charge of the fair. Exhibitors and business "
                "meeting participants see your name only if you choose so.",
            ),
            (
                "How long is it kept?",
                "Visitors' personal data is deleted or made anonymous twelve months after the "
                "edition ends; only the statistics remain.",
            ),
            (
                "What are your rights?",
                "You may access your data, have it corrected, object to its processing and ask "
                "for its deletion: write to the fair at the address given at the foot of the "
                "page. You may also refer to the CNDP, Morocco's data protection authority.",
            ),
        ],
    ),
}
# A made-up number, for the sample site only.
SAMPLE_DECLARATION = "2026-0412"
NEWS_INDEX_CONTENT = {
    "ar": ("news", "المستجدات"),
    "fr": ("actualites", "Actualités"),
    "en": ("news", "News"),
}
ARTICLES = [
    {
        "days_ago": 3,
        "ar": (
            "exhibitor-applications-open",
            "فتح باب طلبات المشاركة للعارضين",
            "يمكن للتعاونيات تقديم طلبات المشاركة عبر الموقع.",
        ),
        "fr": (
            "candidatures-ouvertes",
            "Les candidatures des exposants sont ouvertes",
            "Les coopératives peuvent déposer leur candidature en ligne.",
        ),
        "en": (
            "exhibitor-applications-open",
            "Exhibitor applications are open",
            "Cooperatives can now apply for a stand online.",
        ),
    },
    {
        "days_ago": 10,
        "ar": (
            "partner-regions",
            "وفود الجهات الشريكة في الموعد",
            "تشارك وفود من أربع جهات إفريقية ومن جهة أوكسيتاني.",
        ),
        "fr": (
            "regions-partenaires",
            "Les délégations des régions partenaires attendues",
            "Des délégations de quatre régions africaines et de l'Occitanie participeront.",
        ),
        "en": (
            "partner-regions",
            "Partner regions' delegations expected",
            "Delegations from four African regions and Occitanie will take part.",
        ),
    },
]


def demo_users_ensure() -> list[DemoLogin]:
    for login in DEMO_LOGINS:
        first_name, last_name, language = DEMO_NAMES[login.role]
        user, created = User.objects.get_or_create(
            email=login.email,
            defaults={"first_name": first_name, "last_name": last_name, "language": language},
        )
        if created:
            user.set_password(login.password)
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=login.email, defaults={"verified": True, "primary": True}
        )
        for name in DEMO_GROUPS[login.role]:
            user.groups.add(Group.objects.get(name=name))
    return DEMO_LOGINS


def demo_site_settings_ensure() -> SiteSettings:
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.contact_email = "contact@fair.example"
        site_settings.contact_phone = "+212 536 00 00 00"
        site_settings.address_ar = "مجلس جهة الشرق\nوجدة"
        site_settings.address_fr = "Conseil de la Région de l'Oriental\nOujda"
        site_settings.address_en = "Regional Council of the Oriental\nOujda"
        site_settings.sample_data = True
        site_settings.data_protection_declaration = SAMPLE_DECLARATION
        site_settings.save()
    return site_settings


def demo_pages_ensure() -> dict[str, HomePage]:
    homes = home_pages_ensure()
    for code, home in homes.items():
        content = HOME_CONTENT[code]
        if not home.intro:
            home.intro = content["intro"]
            home.key_figures = [
                ("figure", {"value": value, "label": label}) for value, label in content["figures"]
            ]
            home.save()
    about_key = news_key = privacy_key = None
    for code in ["ar", "fr", "en"]:
        home = homes[code]
        slug, title, intro = ABOUT_CONTENT[code]
        about = _child_ensure(
            home,
            StandardPage,
            slug=slug,
            title=title,
            intro=intro,
            show_in_menus=True,
            translation_key=about_key,
        )
        about_key = about.translation_key
        if not about.body:
            about.body = [("paragraph", RichText(f"<p>{text}</p>")) for text in ABOUT_BODY[code]]
            about.save_revision().publish()
        privacy_key = _privacy_page_ensure(home, code, privacy_key)
        slug, title = NEWS_INDEX_CONTENT[code]
        news = _child_ensure(
            home,
            NewsIndexPage,
            slug=slug,
            title=title,
            show_in_menus=True,
            translation_key=news_key,
        )
        news_key = news.translation_key
        _articles_ensure(news, code)
    return homes


def _privacy_page_ensure(home: HomePage, code: str, translation_key) -> str:
    """The privacy notice in `code`, a translation of the others; its translation key."""
    slug, title, intro, sections = PRIVACY_CONTENT[code]
    page = _child_ensure(
        home, PrivacyPage, slug=slug, title=title, intro=intro, translation_key=translation_key
    )
    if not page.body:
        page.body = [
            block
            for heading, text in sections
            for block in (("heading", heading), ("paragraph", RichText(f"<p>{text}</p>")))
        ]
        page.save_revision().publish()
    return page.translation_key


def _articles_ensure(news: NewsIndexPage, code: str) -> None:
    today = timezone.localdate()
    for article in ARTICLES:
        slug, title, intro = article[code]
        translation_of = None
        if code != "ar":
            ar_slug = article["ar"][0]
            translation_of = NewsArticlePage.objects.filter(
                slug=ar_slug, locale__language_code="ar"
            ).first()
        _child_ensure(
            news,
            NewsArticlePage,
            slug=slug,
            title=title,
            intro=intro,
            date=today - datetime.timedelta(days=article["days_ago"]),
            translation_key=translation_of.translation_key if translation_of else None,
        )


def _child_ensure(parent: Page, model, *, slug: str, translation_key=None, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    if translation_key is not None:
        page.translation_key = translation_key
    return parent.add_child(instance=page)
