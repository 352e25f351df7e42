"""The pages below the partnerships page's address (see `RoutedSectionPage`)."""

from django.urls import path

from partnerships import views

urlpatterns = [
    path("", views.partnerships_index, name="index"),
    path("<slug:slug>/", views.region_view, name="region"),
]
