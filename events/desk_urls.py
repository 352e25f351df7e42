from django.urls import path

from events import desk

app_name = "desk"

urlpatterns = [
    path("", desk.desk_register_view, name="register"),
    path("badge/<str:token>/", desk.desk_badge, name="badge"),
    path("bind/", desk.blank_badge_bind_view, name="bind"),
    path("kiosk/", desk.kiosk_register_view, name="kiosk"),
    path("kiosk/verify/", desk.kiosk_phone_verify, name="kiosk_verify"),
    path("kiosk/badge/<str:token>/", desk.kiosk_badge, name="kiosk_badge"),
]
