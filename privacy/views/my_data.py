"""'My data': what the site holds about a person, to read, to download (JSON, or a page to
keep or print), and to have erased. For an account holder once signed in, and for a visitor
through their badge link; never for anyone else."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from events.services.badge_links import badge_from_link_token
from fairsite.ratelimit import allow, client_ip
from privacy.choices import DataRequestStatus
from privacy.services import (
    data_request_submit,
    personal_data_collect,
    subject_for_attendee,
    subject_for_user,
)


def _export_json(sections) -> dict:
    return {
        "exported_at": timezone.localtime().isoformat(),
        "language": get_language(),
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "records": [dict(pairs) for pairs in section.rows],
            }
            for section in sections
        ],
    }


def _my_data(request, *, subject, holder: dict, here: str, choices_url: str = ""):
    """The page, its downloads and the erasure request, for whoever `holder` names."""
    if request.method == "POST":
        if not allow(f"erasure-request:{client_ip(request)}", limit=10, period=3600):
            return render(request, "privacy/too_many.html", status=429)
        data_request_submit(language=get_language(), **holder)
        messages.success(
            request,
            _(
                "Your request has been recorded. The organisers will erase your data; from "
                "then on your account and your badge no longer work."
            ),
        )
        return redirect(here)
    sections = personal_data_collect(subject)
    download = request.GET.get("download")
    stamp = timezone.localdate().isoformat()
    if download == "json":
        response = HttpResponse(
            json.dumps(_export_json(sections), ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
        return response
    if download == "html":
        page = render_to_string(
            "privacy/my_data_export.html",
            {"sections": sections, "exported_at": timezone.now()},
            request=request,
        )
        response = HttpResponse(page, content_type="text/html; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.html"'
        return response
    (owner,) = holder.values()
    waiting = owner.data_requests.filter(status=DataRequestStatus.PENDING).first()
    return render(
        request,
        "privacy/my_data.html",
        {"sections": sections, "waiting": waiting, "here": here, "choices_url": choices_url},
    )


@never_cache
@login_required
def account_data(request):
    return _my_data(
        request,
        subject=subject_for_user(request.user),
        holder={"user": request.user},
        here=request.path,
        choices_url=reverse("privacy:account_choices"),
    )


@never_cache
def badge_data(request, token):
    badge = badge_from_link_token(token)
    if badge is None:
        return render(request, "privacy/link_refused.html", status=404)
    return _my_data(
        request,
        subject=subject_for_attendee(badge.attendee),
        holder={"attendee": badge.attendee},
        here=request.path,
        choices_url=reverse("events:visitor_badge", args=[token]) + "#choices",
    )
