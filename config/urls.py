from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from b2b.feeds import b2b_feed
from fairsite.choosers import admin_urlpatterns_guard

urlpatterns = [
    # One way in for everyone: allauth's log-in, with its rate limits and two-factor step,
    # instead of Wagtail's own form, which would bypass both.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login",
    ),
    path("admin/", include(admin_urlpatterns_guard(wagtailadmin_urls.urlpatterns))),
    path("documents/", include(wagtaildocs_urls)),
    path("api/checkin/", include("events.api_urls")),
    path("api/rooms/", include("programme.api_urls")),
    path("api/v1/", include("api.urls")),
    path("ical/b2b/<slug:secret>.ics", b2b_feed, name="b2b_feed"),
    path("ical/", include("programme.ical_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("portal/export-support/", include("exportsupport.urls")),
    path("portal/", include("exhibitors.urls")),
    path("meetings/", include("b2b.urls")),
    path("privacy/", include("privacy.urls")),
    path("proposals/", include("proposals.urls")),
    path("feedback/", include("feedback.urls")),
    path("desk/", include("events.desk_urls")),
    path("", include("programme.urls")),
    path("", include("events.urls")),
    # Wagtail's catch-all page route comes last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
