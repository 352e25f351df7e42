from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("visit/", views.visitor_register_view, name="visitor_register"),
    path("visit/badge/<str:token>/", views.visitor_badge, name="visitor_badge"),
    path("visit/badge/<str:token>/badge.pdf", views.visitor_badge_pdf, name="visitor_badge_pdf"),
]
