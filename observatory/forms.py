from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from observatory.selectors import catalogue_choices


class PublishedFiguresForm(WagtailAdminModelForm):
    """The published indicators as ticks in a list of every indicator, kept in the
    dashboard's order whatever the order they were ticked in."""

    indicators = forms.MultipleChoiceField(
        label=_("Published indicators"),
        choices=catalogue_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Their headline figures appear on the home page, their charts and tables on the "
            "figures page. Counted every ten minutes."
        ),
    )

    def clean_indicators(self):
        chosen = set(self.cleaned_data["indicators"])
        return [key for key, _title in catalogue_choices() if key in chosen]
