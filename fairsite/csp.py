"""Content-Security-Policy on every answer, with the Wagtail admin's looser policy under /admin/.

django-csp writes CONTENT_SECURITY_POLICY (the public site, the portal, the gate page); the
admin's own scripts and widgets need inline code, so paths under CONTENT_SECURITY_POLICY_ADMIN's
prefix get that policy instead. An answer that already carries a policy (a private file's
`sandbox`, a Wagtail document's `default-src 'none'`) keeps it: django-csp never overwrites one.
(Media in an object store: the settings add its address to both policies' img-src.)
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if getattr(request, "is_dummy", False):
            # Wagtail renders a preview through the middleware with a made-up request for the
            # page's own address: no policy there (it would be the site's, frame-ancestors
            # 'none', and stick); the admin request that frames it sets the admin's.
            parts.config = {}
            return parts
        admin = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        # A view's own @csp(...) decorator still wins over the admin's policy.
        if admin and parts.config is None and request.path_info.startswith(admin["PREFIX"]):
            parts.config = admin["DIRECTIVES"]
        return parts
