from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("visit/", views.visitor_register_view, name="visitor_register"),
    path("visit/verify/", views.visitor_phone_verify, name="visitor_phone_verify"),
    path("visit/badge-link/", views.visitor_badge_link_request, name="visitor_badge_link"),
    path("visit/badge/<str:token>/", views.visitor_badge, name="visitor_badge"),
    path("visit/badge/<str:token>/badge.pdf", views.visitor_badge_pdf, name="visitor_badge_pdf"),
    path("visit/badge/<str:token>/choices/", views.visitor_consent, name="visitor_consent"),
    path("gate/", views.gate_page, name="gate"),
    path("gate/sw.js", views.gate_service_worker, name="gate_sw"),
    path("gate/manifest.webmanifest", views.gate_manifest, name="gate_manifest"),
]
