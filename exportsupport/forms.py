from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from exhibitors.models import Product
from exportsupport import services
from exportsupport.choices import RequestStatus
from exportsupport.errors import InvalidTransition, SupportError
from exportsupport.models import SupportRequest
from fairsite.uploads import MAX_UPLOAD_SIZE, FileContentValidator, upload_help


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, each checked by its content."""

    default_validators = [FileContentValidator()]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


def unit_files_field() -> MultipleFileField:
    """The files the unit sends the cooperative with a message."""
    return MultipleFileField(
        label=_("Files for the cooperative"),
        required=False,
        help_text=upload_help(
            ("pdf", "jpeg", "png"),
            MAX_UPLOAD_SIZE,
            _("label drafts, forms to fill in, certificates"),
        ),
    )


class SupportRequestForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=upload_help(
            ("pdf", "jpeg", "png"), MAX_UPLOAD_SIZE, _("labels, photos, analyses")
        ),
    )

    class Meta:
        model = SupportRequest
        fields = ["products", "service", "target_markets", "quantities_and_timing"]
        widgets = {
            "products": forms.CheckboxSelectMultiple,
            "target_markets": forms.Textarea(attrs={"rows": 2}),
            "quantities_and_timing": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["products"].queryset = Product.objects.filter(cooperative=cooperative)


class SupportRequestAdminForm(WagtailAdminModelForm):
    """A request's own fields in the admin. Its products are chosen among those of its
    cooperative (the one posted, else the one it has); a product of another is refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        products = self.fields.get("products")
        if products is None:
            return
        cooperative_id = self._cooperative_id()
        if cooperative_id is None:
            # A new request whose cooperative is not chosen yet: each product says whose.
            products.queryset = Product.objects.select_related("cooperative").order_by(
                "cooperative__name", "name_fr"
            )
            products.label_from_instance = lambda product: f"{product.cooperative} · {product}"
        else:
            products.queryset = Product.objects.filter(cooperative_id=cooperative_id)
        products.error_messages["invalid_choice"] = _(
            "Choose among the cooperative's own products."
        )

    def _cooperative_id(self) -> int | None:
        if self.is_bound and "cooperative" in self.fields:
            try:
                return int(self.data.get(self.add_prefix("cooperative")))
            except (TypeError, ValueError):
                pass
        return self.instance.cooperative_id

    def clean(self):
        cleaned_data = super().clean()
        if "cooperative" in self.fields:
            cooperative = cleaned_data.get("cooperative")
        else:
            cooperative = self.instance.cooperative if self.instance.cooperative_id else None
        if cooperative is not None and cleaned_data.get("products"):
            try:
                services.support_request_products_check(
                    cooperative=cooperative, products=cleaned_data["products"]
                )
            except SupportError as error:
                self.add_error("products", str(error))
        return cleaned_data


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=upload_help(("pdf", "jpeg", "png"), MAX_UPLOAD_SIZE),
        validators=[FileContentValidator()],
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your message to the logistics unit"), widget=forms.Textarea(attrs={"rows": 3})
    )


class UnitMessageForm(forms.Form):
    """The unit writes to the cooperative without changing the request's status."""

    text = forms.CharField(
        label=_("Message to the cooperative"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent by e-mail and shown on the portal."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"] = unit_files_field()

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and not (
            cleaned_data.get("text", "").strip() or cleaned_data.get("attachments")
        ):
            raise forms.ValidationError(
                _("Write a message or attach a file."), code="message_empty"
            )
        return cleaned_data


class NextStatusField(forms.ChoiceField):
    """The statuses the workflow allows from the request's current one.

    Another status is refused with the workflow's own reason ("A request that is done
    cannot become in progress."), not Django's "not one of the available choices".
    """

    def __init__(self, *, support_request: SupportRequest, **kwargs):
        self.support_request = support_request
        choices = [
            (status.value, status.label)
            for status in services.support_request_statuses_next(support_request)
        ]
        super().__init__(choices=choices, **kwargs)

    def validate(self, value):
        if value in RequestStatus.values:
            try:
                services.support_request_status_check(
                    support_request=self.support_request, status=value
                )
            except InvalidTransition as error:
                raise forms.ValidationError(str(error), code="invalid_transition") from error
        super().validate(value)


class StatusForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the cooperative"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent by e-mail and shown on the portal."),
    )

    def __init__(self, *args, support_request: SupportRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"] = NextStatusField(
            support_request=support_request,
            label=_("New status"),
            error_messages={"required": _("Choose a status.")},
        )
        self.fields["attachments"] = unit_files_field()


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None, required=False)

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: approval obtained, market reached."),
    )
