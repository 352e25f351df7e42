from django import forms
from django.utils.translation import gettext_lazy as _

from exhibitors.choices import CertificationKind, DocumentKind, ProductCategory, Province, Sector
from exhibitors.models import (
    Application,
    Certification,
    Cooperative,
    Product,
    StaffMember,
    StandType,
)
from fairsite.i18n import active_language, script_language
from fairsite.uploads import MAX_UPLOAD_SIZE, FileContentValidator, upload_help
from fairsite.widgets import LanguageSelect

LTR_INPUT = {"dir": "ltr"}
AR_INPUT = {"dir": "rtl", "lang": "ar"}
FR_INPUT = {"dir": "ltr", "lang": "fr"}
EN_INPUT = {"dir": "ltr", "lang": "en"}
IMAGE_MAX_SIZE = 5 * 1024 * 1024


def image_upload_field(label, **kwargs) -> forms.FileField:
    """A photo or logo: a JPEG or PNG that Pillow reads, 5 MB at most (a renamed program or
    a damaged file is refused with the reason, in the reader's language)."""
    return forms.FileField(
        label=label,
        validators=[FileContentValidator(kinds=("jpeg", "png"), max_size=IMAGE_MAX_SIZE)],
        help_text=upload_help(("jpeg", "png"), IMAGE_MAX_SIZE),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
        **kwargs,
    )


class CooperativeForm(forms.ModelForm):
    website = forms.URLField(
        label=_("website"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown in the public directory."),
        widget=forms.URLInput(attrs=LTR_INPUT),
    )
    logo_upload = image_upload_field(_("logo"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Cooperative
        fields = [
            "name",
            "name_ar",
            "legal_form",
            "registration_number",
            "ice",
            "province",
            "commune_ar",
            "commune_fr",
            "commune_en",
            "sector",
            "founded_in",
            "members",
            "women_members",
            "young_members",
            "contact_name",
            "email",
            "phone",
            "public_email",
            "public_phone",
            "website",
            "description_ar",
            "description_fr",
            "description_en",
            "language",
        ]
        widgets = {
            "name": forms.TextInput(attrs=LTR_INPUT),
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "ice": forms.TextInput(attrs={**LTR_INPUT, "inputmode": "numeric"}),
            "phone": forms.TextInput(attrs={**LTR_INPUT, "type": "tel"}),
            "public_email": forms.EmailInput(attrs=LTR_INPUT),
            "public_phone": forms.TextInput(attrs={**LTR_INPUT, "type": "tel"}),
            "commune_ar": forms.TextInput(attrs=AR_INPUT),
            "commune_fr": forms.TextInput(attrs=FR_INPUT),
            "commune_en": forms.TextInput(attrs=EN_INPUT),
            "description_ar": forms.Textarea(attrs={**AR_INPUT, "rows": 4}),
            "description_fr": forms.Textarea(attrs={**FR_INPUT, "rows": 4}),
            "description_en": forms.Textarea(attrs={**EN_INPUT, "rows": 4}),
            "language": LanguageSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The public reads the commune in Arabic or in French: both are asked for.
        self.fields["commune_ar"].required = True
        self.fields["commune_fr"].required = True
        if not self.instance.logo_id:
            del self.fields["remove_logo"]


class ProductForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = [
            "name_ar",
            "name_fr",
            "category",
            "description_ar",
            "description_fr",
            "description_en",
            "photo",
        ]
        widgets = {
            "name_ar": forms.TextInput(attrs=AR_INPUT),
            "name_fr": forms.TextInput(attrs=FR_INPUT),
            "description_ar": forms.Textarea(attrs={**AR_INPUT, "rows": 3}),
            "description_fr": forms.Textarea(attrs={**FR_INPUT, "rows": 3}),
            "description_en": forms.Textarea(attrs={**EN_INPUT, "rows": 3}),
        }

    def clean(self):
        data = super().clean()
        # A description is optional, but the public reads it in Arabic or in French.
        if bool(data.get("description_ar")) != bool(data.get("description_fr")):
            missing = "description_fr" if data.get("description_ar") else "description_ar"
            self.add_error(missing, _("Write the description in Arabic and in French."))
        return data


class CooperativePhotoForm(forms.Form):
    image = image_upload_field(_("Photo"))
    caption_ar = forms.CharField(
        label=_("caption (Arabic)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(AR_INPUT),
    )
    caption_fr = forms.CharField(
        label=_("caption (French)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(FR_INPUT),
    )


class CertificationForm(forms.ModelForm):
    class Meta:
        model = Certification
        fields = ["kind", "reference", "valid_until"]
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class ApplicationForm(forms.ModelForm):
    product_categories = forms.MultipleChoiceField(
        label=_("Product categories"),
        choices=ProductCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Application
        fields = [
            "stand_type",
            "product_categories",
            "sells_food",
            "needs_electricity",
            "needs_refrigeration",
            "needs_water",
            "message",
        ]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stand_type"].queryset = StandType.objects.filter(
            edition_id=self.instance.edition_id
        )
        self.fields["stand_type"].required = False


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=upload_help(("pdf", "jpeg", "png"), MAX_UPLOAD_SIZE),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class StaffMemberForm(forms.ModelForm):
    class Meta:
        model = StaffMember
        fields = ["full_name", "role", "phone", "email"]
        widgets = {"phone": forms.TextInput(attrs={**LTR_INPUT, "type": "tel"})}


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Why are you withdrawing? (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    province = forms.ChoiceField(
        label=_("Province"), required=False, choices=[("", _("All provinces")), *Province.choices]
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("All sectors")), *Sector.choices]
    )
    certification = forms.ChoiceField(
        label=_("Certification"),
        required=False,
        choices=[("", _("Any")), *CertificationKind.choices],
    )

    def clean(self):
        data = super().clean()
        data["query"] = data.pop("q", "").strip()
        return data


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail of the person to invite"),
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )


class LeadNoteForm(forms.Form):
    """The stand's note and rating of a visit (the rules are `lead_annotate`'s)."""

    RATINGS = [("", _("No rating"))] + [(str(n), str(n)) for n in range(1, 6)]

    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For your stand only. What the visitor asked for, what to send them."),
    )
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        choices=RATINGS,
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("From 1 (little interest) to 5 (very interested)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A note is written in whichever language its author chose: the box says which, from
        # its script, and follows what is typed.
        note = self["note"].value() or ""
        attrs = {"dir": "auto"}
        language = script_language(note) if note else ""
        if language and language != active_language():
            attrs["lang"] = language
        self.fields["note"].widget.attrs.update(attrs)


class StandDeviceForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the phone"),
        max_length=100,
        required=False,
        help_text=_("To tell your phones apart, for example the name of who holds it."),
    )
