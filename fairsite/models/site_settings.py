import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

from fairsite.i18n import LocalizedField
from fairsite.kept import kept


class SiteSettings(BaseSiteSetting):
    """Contact details, social links and logos shown in every page's header and footer."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address_ar = models.TextField(_("address (Arabic)"), blank=True)
    address_fr = models.TextField(_("address (French)"), blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    x_url = models.URLField(_("X"), blank=True)
    fair_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("fair logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("region logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sample_data = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Show a notice on every page that the content is sample data."),
    )

    data_protection_declaration = models.CharField(
        _("data protection declaration number"),
        max_length=50,
        blank=True,
        help_text=_(
            "The number under which the council declared its processing of personal data to "
            "the CNDP (law 09-08); shown on the privacy page."
        ),
    )

    address = LocalizedField()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address_ar"),
                FieldPanel("address_fr"),
                FieldPanel("address_en"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Social links"),
        ),
        MultiFieldPanel([FieldPanel("fair_logo"), FieldPanel("region_logo")], heading=_("Logos")),
        FieldPanel("data_protection_declaration"),
        FieldPanel("sample_data"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """The site's settings, as Wagtail's own method finds them, kept per process until
        they change (fairsite.kept) rather than read at every request."""
        name = cls.get_cache_attr_name()
        if not hasattr(request, name):
            site = Site.find_for_request(request)
            settings = copy.copy(
                kept(("site settings", getattr(site, "pk", None)), lambda: cls._loaded(site))
            )
            settings._request = request
            setattr(request, name, settings)
        return getattr(request, name)

    @classmethod
    def _loaded(cls, site) -> "SiteSettings":
        """The settings with their logos read, so that copies share them."""
        settings = cls.for_site(site)
        settings.fair_logo, settings.region_logo  # noqa: B018  (loaded here, once)
        return settings

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
            ("X", self.x_url),
        ]
        return [(label, url) for label, url in links if url]
