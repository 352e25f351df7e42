"""The admin's inspect pages, with every value written for people.

Wagtail's inspect view shows a field's value as Python prints it: a list as
`['dates', 'argan']`, an empty link as `None`, a yes-or-no as `True`. Here a list reads as its
choices' labels, an empty value as a dash, a yes-or-no in words, a date and time on the fair's
clock (the admin's time zone is the current edition's, `events.fair_clock`). Every inspect
view of the fair's admin is a `FairInspectView` (a snippet's, `FairSnippetInspectView`).
"""

import datetime

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.safestring import SafeData
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.fields import BaseFieldDisplay
from wagtail.admin.views.generic import InspectView
from wagtail.snippets.views.snippets import InspectView as SnippetInspectView

EMPTY = "-"  # as Wagtail's own listings show an empty value


def value_for_people(value, field=None):
    """`value` (of model `field`, when there is one) as a person reads it."""
    if isinstance(value, BaseFieldDisplay):
        value = value if value.value not in (None, "") else None  # an image not chosen, say
    if isinstance(value, Component | SafeData):
        return value  # already written for people, by a view or a display class
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, models.Manager):
        value = value.all()
    if isinstance(value, models.QuerySet):
        return ", ".join(str(item) for item in value) or EMPTY
    if isinstance(value, FieldFile):
        return value.name.rsplit("/", 1)[-1] if value else EMPTY
    if isinstance(value, list | tuple | set | frozenset):
        labels = _labels(field)
        shown = [str(labels.get(item, value_for_people(item))) for item in value]
        return ", ".join(shown) or EMPTY
    if isinstance(value, dict):
        shown = [f"{key}: {value_for_people(item)}" for key, item in value.items()]
        return "; ".join(shown) or EMPTY
    return value


def _labels(field) -> dict:
    """The labels of the choices of a list field's items (an ArrayField's base field)."""
    base = getattr(field, "base_field", None)
    return dict(base.flatchoices) if base is not None and base.choices else {}


class ValuesForPeopleMixin:
    """An inspect view's values written for people (see the module)."""

    def get_field_display_value(self, field_name, field):
        return value_for_people(super().get_field_display_value(field_name, field), field)


class FairInspectView(ValuesForPeopleMixin, InspectView):
    pass


class FairSnippetInspectView(ValuesForPeopleMixin, SnippetInspectView):
    pass
