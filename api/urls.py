"""The read-only public API, version 1, under /api/v1/, and its OpenAPI schema."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

app_name = "api_v1"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
]
