"""What people who attended say: ratings of sessions, and the surveys after the fair."""

from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("badge/<str:token>/", views.badge_overview, name="badge"),
    path("badge/<str:token>/sessions/<int:session_id>/", views.badge_session, name="badge_session"),
    path("badge/<str:token>/survey/", views.badge_survey, name="badge_survey"),
    path("mine/", views.my_overview, name="mine"),
    path("mine/sessions/<int:session_id>/", views.my_session, name="my_session"),
    path("mine/survey/<int:edition_id>/", views.my_survey, name="my_survey"),
    path("exhibitors/<int:application_id>/", views.exhibitor_survey, name="exhibitor_survey"),
]
