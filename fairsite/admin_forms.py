"""Forms shared by the admin's screens."""

from wagtail.admin.forms import WagtailAdminModelForm


class LanguageFieldsForm(WagtailAdminModelForm):
    """Fields kept once per language are typed in that language's direction, whatever the
    admin's language: name_ar right to left, name_fr, name_en and name_latin left to right."""

    DIRECTIONS = {"_ar": "rtl", "_fr": "ltr", "_en": "ltr", "_latin": "ltr"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            for suffix, direction in self.DIRECTIONS.items():
                if name.endswith(suffix):
                    field.widget.attrs["dir"] = direction
