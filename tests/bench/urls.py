"""The site's URLs plus a bare view doing a scan's minimum database work, to compare with."""

import json

from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from config.urls import urlpatterns as site_urlpatterns
from events.models import Badge, CheckIn


@csrf_exempt
def bare_scan(request):
    """One indexed read and one insert: the floor under any real check-in view."""
    data = json.loads(request.body)
    badge = Badge.objects.filter(pk=data["badge"]).values("pk", "code").first()
    CheckIn.objects.create(
        badge_id=badge["pk"], gate_id=data["gate"], result="ok", scanned_at=timezone.now()
    )
    return JsonResponse({"result": "ok", "badge": badge["pk"]})


urlpatterns = [
    path("bench/bare-scan", bare_scan),
    # The same under the gates' API, where config.wsgi answers on the short middleware stack.
    path("api/checkin/bench-bare-scan", bare_scan),
    *site_urlpatterns,
]
