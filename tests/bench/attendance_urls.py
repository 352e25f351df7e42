"""The benchmark's URLs with the room scanners' API added, as config/urls.py is to include it."""

from django.urls import include, path

from tests.bench.urls import urlpatterns as bench_urlpatterns

urlpatterns = [path("api/rooms/", include("programme.api_urls")), *bench_urlpatterns]
