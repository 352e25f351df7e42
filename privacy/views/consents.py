"""A person's choices (consents), kept from their account or from the link in every e-mail."""

from django.http import Http404


def account_choices(request):
    raise Http404


def choices_by_link(request, token):
    raise Http404
