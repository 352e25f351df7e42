"""The pages below the directory page's address (see `RoutedSectionPage`)."""

from django.urls import path

from exhibitors import views

urlpatterns = [
    path("", views.directory_index, name="index_route"),
    path("<int:cooperative_id>/", views.directory_profile_view, name="profile_route"),
]
