from django.urls import path

from privacy.views import consents, my_data

app_name = "privacy"

urlpatterns = [
    path("my-data/", my_data.account_data, name="account_data"),
    path("badge/<str:token>/", my_data.badge_data, name="badge_data"),
    path("my-data/choices/", consents.account_choices, name="account_choices"),
    path("choices/<str:token>/", consents.choices_by_link, name="choices_by_link"),
]
