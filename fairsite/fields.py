"""Model fields of our own, where Django has none that fits on both databases."""

from functools import partialmethod

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairsite.i18n import join_list


class ChoiceArrayField(models.JSONField):
    """A list of codes picked from `choices`, kept as a JSON list (PostgreSQL's array field
    has no SQLite counterpart). Forms show one checkbox a choice; a code outside the choices
    is refused. The choices are code, not schema: a new one needs no migration."""

    def __init__(self, verbose_name=None, *, choices=(), **kwargs):
        self.item_choices = choices
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(verbose_name, **kwargs)

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        # get_<name>_display, as for a field with choices: the labels, for people.
        if f"get_{name}_display" not in cls.__dict__:
            setattr(cls, f"get_{name}_display", partialmethod(_labels, field=self))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {code for code, _label in self.item_choices}
        if not isinstance(value, list) or any(code not in allowed for code in value):
            raise ValidationError(_("Choose from the list."), code="invalid_choice")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=self.item_choices,
            widget=forms.CheckboxSelectMultiple,
        )


def _labels(instance, field: ChoiceArrayField) -> str:
    labels = dict(field.item_choices)
    return join_list(str(labels.get(code, code)) for code in getattr(instance, field.attname))
