"""The call for proposals under /<lang>/proposals/."""

from django.urls import path

from proposals import views

app_name = "proposals"

urlpatterns = [
    path("", views.call_detail, name="call_detail"),
    path("mine/", views.proposal_list, name="proposal_list"),
    path("new/", views.proposal_create, name="proposal_create"),
    path("<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("<int:pk>/submit/", views.proposal_submit, name="proposal_submit"),
    path("<int:pk>/withdraw/", views.proposal_withdraw, name="proposal_withdraw"),
    path("<int:pk>/speakers/", views.speaker_invite, name="speaker_invite"),
    path(
        "<int:pk>/speakers/<int:speaker_pk>/remove/",
        views.speaker_remove,
        name="speaker_remove",
    ),
    path("speaker/<str:token>/", views.speaker_confirm, name="speaker_confirm"),
]
