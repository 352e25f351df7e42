from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exportsupport.choices import RequestStatus, Service
from fairsite.uploads import FileContentValidator, PrivateUpload, RandomName, private_storage


class SupportRequestQuerySet(models.QuerySet):
    def of_user(self, user):
        return self.filter(cooperative__managers=user)

    def open(self):
        return self.exclude(status__in=RequestStatus.closed())


class SupportRequest(models.Model):
    """A cooperative's request to the logistics unit for help in selling abroad."""

    cooperative = models.ForeignKey(
        "exhibitors.Cooperative",
        verbose_name=_("cooperative"),
        on_delete=models.PROTECT,
        related_name="support_requests",
    )
    products = models.ManyToManyField(
        "exhibitors.Product",
        verbose_name=_("products"),
        related_name="support_requests",
        blank=True,
    )
    service = models.CharField(_("service"), max_length=32, choices=Service.choices)
    target_markets = models.TextField(
        _("target markets"), help_text=_("The countries or markets you want to sell in.")
    )
    quantities_and_timing = models.TextField(
        _("quantities and timing"),
        blank=True,
        help_text=_("How much you want to ship, and when."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_support_requests",
    )
    outcome = models.TextField(
        _("outcome"), blank=True, help_text=_("For example: approval obtained, market reached.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SupportRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("export support request")
        verbose_name_plural = _("export support requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.cooperative} · {self.get_service_display()}"


class SupportMessage(models.Model):
    """A message on a request: from the unit to the cooperative, an internal note, or the
    cooperative's own reply."""

    request = models.ForeignKey(
        SupportRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_cooperative = models.BooleanField(_("sent to the cooperative"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=RequestStatus.choices, blank=True)
    text = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60] or self.get_status_display()


class SupportAttachment(PrivateUpload):
    """A file on a request: one the cooperative added, or one the unit sent with a message."""

    request = models.ForeignKey(
        SupportRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    message = models.ForeignKey(
        SupportMessage,
        verbose_name=_("message"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=RandomName("exportsupport"),
        validators=[FileContentValidator()],
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
