from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("a bug in a view")


def fail_with_data(request):
    full_name, phone = request.POST["full_name"], request.POST["phone"]  # noqa: F841
    email = request.POST["email"]
    raise ValueError(
        'duplicate key value violates unique constraint "one_visitor_per_email"\n'
        f"DETAIL:  Key (edition_id, lower(email::text))=(1, {email}) already exists."
    )


urlpatterns = (
    i18n_patterns(path("fail/", fail), path("fail-with-data/", fail_with_data)) + site_urlpatterns
)
