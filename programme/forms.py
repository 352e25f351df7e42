"""The public programme's filters, as a GET form that works without JavaScript."""

import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from programme.choices import SessionType, SpokenLanguage


class ProgrammeFilterForm(forms.Form):
    track = forms.ChoiceField(label=_("Track"), required=False)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *SessionType.choices]
    )
    room = forms.TypedChoiceField(label=_("Room"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(
        label=_("Language spoken"),
        required=False,
        choices=[("", _("All languages")), *SpokenLanguage.choices],
    )
    day = forms.TypedChoiceField(
        required=False,
        widget=forms.HiddenInput,
        coerce=datetime.date.fromisoformat,
        empty_value=None,
    )

    def __init__(self, data=None, *, tracks, rooms, days):
        super().__init__(data)
        self.fields["track"].choices = [("", _("All tracks"))] + [
            (track.slug, track.name) for track in tracks
        ]
        self.fields["room"].choices = [("", _("All rooms"))] + [
            (str(room.pk), room.name) for room in rooms
        ]
        self.fields["day"].choices = [("", "")] + [
            (day.isoformat(), date_format(day, "l j F")) for day in days
        ]

    def filters(self) -> dict:
        """The valid filters that were chosen; a wrong value is left out, not an error page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and name not in self.errors
        }
