"""The URLs the middleware sees around an API answer (see ProgrammeViewSet.dispatch): the API
alone, with no language prefix, so that LocaleMiddleware does not turn a 404 of the API into
a redirect to /<lang>/api/v1/... (the site's catch-all Wagtail route would match it)."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("api.urls"))]
