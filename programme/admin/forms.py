"""The programme's admin forms: a session's start and end are typed on its edition's clocks,
whatever the time zone of the server or of the organiser's account."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateTimeInput

from events.fair_clock import edition_zone
from events.models import Edition
from fairsite.admin_forms import LanguageFieldsForm
from programme.choices import SpokenLanguage


def wall_clock_to_aware(naive: datetime.datetime, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    """A time read on the fair's clocks, made exact; refused when the clocks skip it (the
    hour that does not exist when they go forward)."""
    aware = naive.replace(tzinfo=zone)
    if aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValidationError(
            gettext_lazy("The clocks skip this time in %(zone)s: choose another one."),
            code="skipped_time",
            params={"zone": zone.key},
        )
    return aware


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as read on a clock, with no time zone: the form says which zone it
    is in, whatever the zone of the person typing it or of the server."""

    widget = AdminDateTimeInput

    def to_python(self, value):
        with timezone.override(datetime.UTC):
            result = super().to_python(value)
        return result.replace(tzinfo=None) if result else result


class SessionForm(LanguageFieldsForm):
    """A session, with its start and end entered on its edition's clocks.

    The form only checks the fields; the views save through the programme's rules.
    """

    starts_at = WallClockDateTimeField(label=capfirst(gettext_lazy("starts at")))
    ends_at = WallClockDateTimeField(label=capfirst(gettext_lazy("ends at")))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = edition_zone(self.instance.edition)
            for name in ("starts_at", "ends_at"):
                value = getattr(self.instance, name)
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)
        else:
            current = Edition.objects.current()
            if current is not None and not self.initial.get("edition"):
                self.initial["edition"] = current.pk
            zone = edition_zone(current)
        for name in ("starts_at", "ends_at"):
            self.fields[name].help_text = _("On the fair's clocks (%(zone)s).") % {"zone": zone.key}
        if "track" in self.fields:
            field = self.fields["track"]
            field.queryset = field.queryset.select_related("edition")
            field.label_from_instance = lambda track: f"{track.name} ({track.edition.year})"

    def clean(self):
        data = super().clean()
        edition = data.get("edition")
        zone = edition_zone(edition)
        for name in ("starts_at", "ends_at"):
            if data.get(name) is not None:
                try:
                    data[name] = wall_clock_to_aware(data[name], zone)
                except ValidationError as error:
                    self.add_error(name, error)
        track = data.get("track")
        if track is not None and edition is not None and track.edition_id != edition.pk:
            self.add_error("track", _("This track belongs to another edition."))
        return data


class SpeakerForm(LanguageFieldsForm):
    languages = forms.TypedMultipleChoiceField(
        label=capfirst(gettext_lazy("languages spoken")),
        choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
