"""The site's URLs with the attendance pages and the room scanners' API added as
config/urls.py is to include them; a test module uses it with pytest.mark.urls."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("api/rooms/", include("programme.api_urls")),
    *i18n_patterns(path("", include("programme.urls")), prefix_default_language=True),
    *site_urlpatterns,
]
