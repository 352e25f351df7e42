import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from events.choices import AttendeeCategory
from events.models import ScannerDevice
from exhibitors.choices import (
    ApplicationStatus,
    CertificationKind,
    DocumentKind,
    LegalForm,
    ProductCategory,
    Province,
    Sector,
)
from fairsite.i18n import LocalizedField
from fairsite.models.pages import RoutedSectionPage
from fairsite.uploads import FileContentValidator, PrivateUpload, RandomName, private_storage


def _metres(value) -> str:
    """3.00 → "3", 2.50 → "2.5": sizes as people write them."""
    return format(Decimal(value).normalize(), "f")


ice_validator = RegexValidator(r"^\d{15}$", _("The ICE has 15 digits."))


class CooperativeQuerySet(models.QuerySet):
    def managed_by(self, user):
        return self.filter(managers=user)


class Cooperative(ClusterableModel):
    """An exhibiting organisation: cooperative, association, GIE, company.

    Its own contact details (`email`, `phone`) are for the fair only; the public directory
    shows the `public_*` ones and the website, each only where the cooperative filled it in."""

    name = models.CharField(_("name (Latin script)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    legal_form = models.CharField(_("legal form"), max_length=32, choices=LegalForm.choices)
    registration_number = models.CharField(
        _("registration number"),
        max_length=50,
        help_text=_("The ODCO number for a cooperative, else the trade or association register."),
    )
    ice = models.CharField(
        _("ICE"),
        max_length=15,
        blank=True,
        validators=[ice_validator],
        help_text=_("Common company identifier, 15 digits."),
    )
    province = models.CharField(_("province"), max_length=32, choices=Province.choices)
    commune_ar = models.CharField(_("commune (Arabic)"), max_length=100, blank=True)
    commune_fr = models.CharField(_("commune (French)"), max_length=100, blank=True)
    commune_en = models.CharField(_("commune (English)"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    founded_in = models.PositiveSmallIntegerField(
        _("year founded"),
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    members = models.PositiveIntegerField(_("members"))
    women_members = models.PositiveIntegerField(_("women members"), default=0)
    young_members = models.PositiveIntegerField(_("members under 35"), default=0)
    contact_name = models.CharField(_("contact person"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40)
    public_email = models.EmailField(
        _("public e-mail"),
        blank=True,
        help_text=_("Shown in the public directory. Leave it empty to show none."),
    )
    public_phone = models.CharField(
        _("public phone"),
        max_length=40,
        blank=True,
        help_text=_("Shown in the public directory. Leave it empty to show none."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Shown in the public directory.")
    )
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The fair writes to the cooperative in this language."),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managers"),
        related_name="cooperatives",
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    description = LocalizedField()
    commune = LocalizedField()

    objects = CooperativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(women_members__lte=F("members")),
                name="exhibitors_cooperative_women_within_members",
                violation_error_message=_("There cannot be more women members than members."),
            ),
            models.CheckConstraint(
                condition=Q(young_members__lte=F("members")),
                name="exhibitors_cooperative_young_within_members",
                violation_error_message=_("There cannot be more members under 35 than members."),
            ),
            models.UniqueConstraint(
                fields=["ice"],
                condition=~Q(ice=""),
                name="exhibitors_cooperative_unique_ice",
                violation_error_message=_("A cooperative with this ICE is already registered."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the script of the page's language."""
        if (get_language() or "").startswith("ar") and self.name_ar:
            return self.name_ar
        return self.name


class CooperativePhoto(Orderable):
    """One photo of the cooperative's gallery on its public page (a few at most)."""

    MAX_PER_COOPERATIVE = 6

    cooperative = ParentalKey(
        Cooperative,
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption_ar = models.CharField(_("caption (Arabic)"), max_length=200, blank=True)
    caption_fr = models.CharField(_("caption (French)"), max_length=200, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=200, blank=True)

    caption = LocalizedField()

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or str(self.cooperative)


class Certification(models.Model):
    cooperative = models.ForeignKey(
        Cooperative,
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="certifications",
    )
    kind = models.CharField(_("kind"), max_length=32, choices=CertificationKind.choices)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.valid_until is None or self.valid_until >= day


class Product(models.Model):
    cooperative = models.ForeignKey(
        Cooperative,
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="products",
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    category = models.CharField(_("category"), max_length=32, choices=ProductCategory.choices)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    photo = models.ImageField(
        _("photo"),
        upload_to=RandomName("products"),
        blank=True,
        validators=[FileContentValidator(kinds=("jpeg", "png"), max_size=5 * 1024 * 1024)],
    )

    description = LocalizedField()

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["name_fr"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The product's name in the reader's language: Arabic for Arabic readers, French
        for the others, the other one where one is missing."""
        if (get_language() or "").startswith("ar") and self.name_ar:
            return self.name_ar
        return self.name_fr or self.name_ar


class StandType(models.Model):
    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="stand_types",
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    width = models.DecimalField(_("width (m)"), max_digits=5, decimal_places=2)
    depth = models.DecimalField(_("depth (m)"), max_digits=5, decimal_places=2)
    price = models.DecimalField(_("price (MAD)"), max_digits=10, decimal_places=2, default=0)
    badge_quota = models.PositiveSmallIntegerField(
        _("staff badges"), default=2, help_text=_("How many staff members get a badge.")
    )

    name = LocalizedField()

    class Meta:
        verbose_name = _("stand type")
        verbose_name_plural = _("stand types")
        ordering = ["edition", "width", "depth"]

    def __str__(self):
        size = _("%(width)s × %(depth)s m") % {
            "width": _metres(self.width),
            "depth": _metres(self.depth),
        }
        return f"{self.name} ({size})"


class Stand(models.Model):
    """A place on the floor plan; x, y, width and depth are in metres from the hall's corner."""

    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="stands"
    )
    stand_type = models.ForeignKey(
        StandType, verbose_name=_("stand type"), on_delete=models.PROTECT, related_name="stands"
    )
    hall = models.CharField(_("hall"), max_length=20)
    code = models.CharField(_("code"), max_length=20)
    x = models.DecimalField(_("x (m)"), max_digits=6, decimal_places=2)
    y = models.DecimalField(_("y (m)"), max_digits=6, decimal_places=2)
    width = models.DecimalField(_("width (m)"), max_digits=5, decimal_places=2)
    depth = models.DecimalField(_("depth (m)"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        ordering = ["edition", "hall", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"],
                name="exhibitors_stand_unique_code",
                violation_error_message=_("Another stand of this edition has this code."),
            )
        ]

    def __str__(self):
        return self.code


class ApplicationQuerySet(models.QuerySet):
    def of_user(self, user):
        return self.filter(cooperative__managers=user)

    def confirmed(self):
        return self.filter(status=ApplicationStatus.CONFIRMED)


class Application(models.Model):
    """A cooperative's request for a stand at one edition, from draft to confirmed."""

    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    cooperative = models.ForeignKey(
        Cooperative,
        verbose_name=_("cooperative"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    stand_type = models.ForeignKey(
        StandType,
        verbose_name=_("stand type wanted"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    product_categories = models.JSONField(_("product categories"), default=list, blank=True)
    needs_electricity = models.BooleanField(_("electricity"), default=False)
    needs_refrigeration = models.BooleanField(_("refrigeration"), default=False)
    needs_water = models.BooleanField(_("water"), default=False)
    sells_food = models.BooleanField(
        _("sells food"),
        default=False,
        help_text=_("Food for sale needs a sanitary approval (ONSSA)."),
    )
    message = models.TextField(_("message to the organisers"), blank=True)
    stand = models.OneToOneField(
        Stand,
        verbose_name=_("stand"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="application",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "cooperative"],
                name="exhibitors_application_one_per_edition",
                violation_error_message=_("This cooperative has already applied to this edition."),
            ),
            # A stand goes only to an application that holds a place at the fair; the
            # one-to-one field makes a stand belong to one application at most.
            models.CheckConstraint(
                condition=Q(stand__isnull=True)
                | Q(status__in=[ApplicationStatus.ACCEPTED, ApplicationStatus.CONFIRMED]),
                name="exhibitors_application_stand_only_when_accepted",
            ),
        ]
        permissions = [("review_application", _("Can review applications"))]

    def __str__(self):
        return f"{self.cooperative} · {self.edition}"

    @property
    def needs(self) -> list[str]:
        labels = [
            (self.needs_electricity, _("electricity")),
            (self.needs_refrigeration, _("refrigeration")),
            (self.needs_water, _("water")),
        ]
        return [str(label) for wanted, label in labels if wanted]

    @property
    def product_category_labels(self) -> list[str]:
        return [str(ProductCategory(value).label) for value in self.product_categories]

    def get_product_categories_display(self) -> list[str]:
        return self.product_category_labels

    @property
    def badge_quota(self) -> int:
        """How many staff members may get a badge: the quota of the assigned stand's type."""
        stand_type = self.stand.stand_type if self.stand_id else self.stand_type
        return stand_type.badge_quota if stand_type else 0

    def required_documents(self) -> list[str]:
        required = [DocumentKind.STATUTES, DocumentKind.REGISTRATION_CERTIFICATE]
        if self.sells_food or set(self.product_categories) & ProductCategory.food():
            required.append(DocumentKind.SANITARY_APPROVAL)
        return required


class ApplicationDocument(PrivateUpload):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=RandomName("applications"),
        validators=[FileContentValidator()],
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["kind", "uploaded_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"


class ApplicationEvent(models.Model):
    """One step in an application's history: who moved it where, when, and why."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(
        _("from"), max_length=24, choices=ApplicationStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=24, choices=ApplicationStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("message"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("application history")
        verbose_name_plural = _("application history")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class StaffMember(models.Model):
    """A person who staffs the stand; gets a badge within the stand type's quota."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="staff"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(_("role"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    attendee = models.OneToOneField(
        "events.Attendee",
        verbose_name=_("badge holder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stand_staff",
    )

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        ordering = ["pk"]

    def __str__(self):
        return self.full_name


class ExhibitorDirectoryPage(RoutedSectionPage):
    """The public directory: this edition's confirmed exhibitors, and a page for each."""

    subpage_urlconf = "exhibitors.page_urls"
    per_page = 24

    class Meta:
        verbose_name = _("exhibitor directory")


class CooperativeInvitation(models.Model):
    """An invitation, sent by e-mail, to help manage a cooperative on the portal."""

    VALID_FOR = datetime.timedelta(days=14)

    cooperative = models.ForeignKey(
        Cooperative,
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email


class StandVisitQuerySet(models.QuerySet):
    def of_application(self, application):
        return self.filter(application=application)

    def named(self):
        """Visits still tied to their visitor (not withdrawn nor erased)."""
        return self.filter(attendee__isnull=False)


class StandVisit(models.Model):
    """A visitor's badge scanned at a stand: one row per stand and visitor, however many
    times they were scanned there (a database constraint, so simultaneous scans make one).

    It holds no copy of the visitor's contact: the stand reads their name, organisation,
    e-mail and phone from their registration, and only while they agree to be findable by
    exhibitors (`exhibitors.selectors.stand_leads`). Without that agreement the stand sees
    an anonymous visitor, when they came, and its own note. A visitor who removes the stand
    from their badge page, or whose data is erased, leaves the row without them (and without
    the stand's note and rating about them): the stand's count of visits stays unchanged.
    """

    MAX_NOTE = 2000
    RECENT_SCAN_IDS = 20

    wagtail_reference_index_ignore = True  # operational rows, like the gates' log

    application = models.ForeignKey(
        Application,
        verbose_name=_("stand"),
        on_delete=models.CASCADE,
        related_name="stand_visits",
    )
    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("visitor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stand_visits",
    )
    # The badge's category when scanned (events' AttendeeCategory: visitor, press...), for
    # the observatory to leave rehearsal badges out, also once the visitor is no longer
    # named. Without choices here, so that a new category needs no migration of this app.
    category = models.CharField(_("category"), max_length=24)
    first_scanned_at = models.DateTimeField(_("first scanned at"))
    last_scanned_at = models.DateTimeField(_("last scanned at"))
    scans = models.PositiveIntegerField(_("scans"), default=1)
    # The last scan ids counted: a device sending a scan again (a retry, a second sync)
    # does not count it twice.
    scan_ids = models.JSONField(default=list, editable=False)
    note = models.TextField(_("note"), blank=True, max_length=MAX_NOTE)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )

    objects = StandVisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("stand visit")
        verbose_name_plural = _("stand visits")
        ordering = ["-last_scanned_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "attendee"], name="exhibitors_standvisit_one_per_visitor"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="exhibitors_standvisit_rating_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.application.cooperative} · {self.first_scanned_at:%Y-%m-%d %H:%M}"

    @property
    def category_label(self) -> str:
        try:
            return str(AttendeeCategory(self.category).label)
        except ValueError:
            return self.category


class StandDevice(ScannerDevice):
    """A phone or handheld scanner paired to a stand by its exhibitor, for the stand's staff
    to scan visitors' badges without an account of their own."""

    post_field = "application"

    application = models.ForeignKey(
        Application,
        verbose_name=_("stand"),
        on_delete=models.CASCADE,
        related_name="devices",
    )

    class Meta(ScannerDevice.Meta):
        verbose_name = _("stand device")
        verbose_name_plural = _("stand devices")
