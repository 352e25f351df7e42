from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    COOPERATIVE = "cooperative", _("Cooperative")
    ASSOCIATION = "association", _("Association")
    GIE = "gie", _("Economic interest group")
    COMPANY = "company", _("Company")
    AUTO_ENTREPRENEUR = "auto_entrepreneur", _("Self-employed entrepreneur")


class Province(models.TextChoices):
    OUJDA_ANGAD = "oujda_angad", _("Oujda-Angad")
    BERKANE = "berkane", _("Berkane")
    NADOR = "nador", _("Nador")
    DRIOUCH = "driouch", _("Driouch")
    TAOURIRT = "taourirt", _("Taourirt")
    JERADA = "jerada", _("Jerada")
    GUERCIF = "guercif", _("Guercif")
    FIGUIG = "figuig", _("Figuig")


class Sector(models.TextChoices):
    AGRI_FOOD = "agri_food", _("Agri-food")
    COSMETICS = "cosmetics", _("Argan and cosmetics")
    CRAFTS = "crafts", _("Crafts")
    TEXTILES = "textiles", _("Textiles")
    SERVICES = "services", _("Services")
    OTHER = "other", _("Other")


class ProductCategory(models.TextChoices):
    OLIVE_OIL = "olive_oil", _("Olive oil")
    HONEY = "honey", _("Honey")
    DATES = "dates", _("Dates")
    CITRUS = "citrus", _("Citrus fruit")
    CACTUS = "cactus", _("Cactus")
    ARGAN = "argan", _("Argan")
    AROMATIC_PLANTS = "aromatic_plants", _("Aromatic and medicinal plants")
    CEREALS = "cereals", _("Couscous and cereals")
    COSMETICS = "cosmetics", _("Cosmetics")
    CRAFTS = "crafts", _("Crafts")
    CARPETS = "carpets", _("Carpets and weaving")
    TEXTILES = "textiles", _("Textiles and clothing")
    OTHER = "other", _("Other")

    @classmethod
    def food(cls) -> set[str]:
        """Categories sold as food: a stand selling them needs a sanitary approval."""
        return {
            cls.OLIVE_OIL,
            cls.HONEY,
            cls.DATES,
            cls.CITRUS,
            cls.CACTUS,
            cls.ARGAN,
            cls.AROMATIC_PLANTS,
            cls.CEREALS,
        }


class CertificationKind(models.TextChoices):
    SANITARY_APPROVAL = "sanitary_approval", _("Sanitary approval (ONSSA)")
    ORGANIC = "organic", _("Organic")
    PDO = "pdo", _("Protected designation of origin (PDO)")
    PGI = "pgi", _("Protected geographical indication (PGI)")
    OTHER = "other", _("Other label")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Waitlisted")
    REJECTED = "rejected", _("Rejected")
    CONFIRMED = "confirmed", _("Confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DocumentKind(models.TextChoices):
    STATUTES = "statutes", _("Statutes")
    REGISTRATION_CERTIFICATE = "registration_certificate", _("Registration certificate")
    SANITARY_APPROVAL = "sanitary_approval", _("Sanitary approval (ONSSA)")
    OTHER = "other", _("Other document")


class StandScanResult(models.TextChoices):
    """What a scan at a stand gives: a lead (the visitor shares their contact with the
    stands that scan them), an anonymous visit, or a refusal. The refusals share their
    values with the gates' scan results."""

    LEAD = "lead", _("Contact shared")
    VISIT = "visit", _("Anonymous visit")
    INVALID = "invalid", _("Invalid")
    REVOKED = "revoked", _("Revoked")
    WRONG_EDITION = "wrong_edition", _("Another edition")
    REHEARSAL_OVER = "rehearsal_over", _("Rehearsal over")
    NOT_EXHIBITING = "not_exhibiting", _("Stand not taking part")
