"""'My data': what the site holds about a person, to read, download, or have erased."""

from django.http import Http404


def account_data(request):
    raise Http404
