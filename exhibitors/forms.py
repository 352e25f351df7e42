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

LTR_INPUT = {"dir": "ltr"}


class CooperativeForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Cooperative
        fields = [
            "name",
            "name_ar",
            "legal_form",
            "registration_number",
            "ice",
            "province",
            "commune",
            "sector",
            "founded_in",
            "members",
            "women_members",
            "young_members",
            "contact_name",
            "email",
            "phone",
            "website",
            "publish_contact",
            "description_ar",
            "description_fr",
            "description_en",
            "logo",
            "language",
        ]
        widgets = {
            "name": forms.TextInput(attrs=LTR_INPUT),
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "ice": forms.TextInput(attrs={**LTR_INPUT, "inputmode": "numeric"}),
            "phone": forms.TextInput(attrs={**LTR_INPUT, "type": "tel"}),
            "description_ar": forms.Textarea(attrs={"dir": "rtl", "lang": "ar", "rows": 4}),
            "description_fr": forms.Textarea(attrs={"dir": "ltr", "lang": "fr", "rows": 4}),
            "description_en": forms.Textarea(attrs={"dir": "ltr", "lang": "en", "rows": 4}),
        }


class ProductForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = ["name_ar", "name_fr", "category", "description", "photo"]
        widgets = {"name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"})}


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
        help_text=_("PDF, JPEG or PNG, 10 MB at most."),
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
