from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.translation import get_language_from_path

# The addresses outside the language prefix that machines read: the APIs and the calendar
# feeds. (The admin keeps Django's way: its role walk in tests/fairsite/test_role_matrix.py
# reads a redirect to the public "not found" as Wagtail's answer.)
UNPREFIXED = ("/api/", "/ical/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that an address outside the language prefix answers its own 404.

    Django turns a 404 into a redirect to the same address under a language prefix when that
    address resolves there, and Wagtail's catch-all page route resolves every address: a
    calendar app or an API client asking for what does not exist would be sent to an HTML
    page instead of being told "not found".
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


class RememberLanguageMiddleware:
    """Remember the language of the last page read in the language cookie.

    `/` then sends a returning visitor to that language, and the Wagtail admin (which has
    no language prefix) speaks the language the organiser was reading the site in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
