"""The figures page's address (see `RoutedSectionPage`)."""

from django.urls import path

from observatory import views

urlpatterns = [path("", views.figures_page_view, name="index")]
