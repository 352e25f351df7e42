"""Form widgets shared by the site's forms."""

from django import forms
from django.utils.translation import get_language_info


class LanguageSelect(forms.Select):
    """A choice of languages, each option's name marked as written in its own language
    ("Français" is French on an Arabic page), so that it is read and spoken as such."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
            option["attrs"]["dir"] = "rtl" if get_language_info(value)["bidi"] else "ltr"
        return option
