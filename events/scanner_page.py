"""The scanner page that gates, stands and rooms share: one page, one script
(`static/js/scanner.js`), told by its `mode` what it scans for and where to send scans.

The page holds nothing of its own: everything it shows comes through the token of the device
it is paired to, which stays on the device.
"""

import datetime

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events.choices import BADGE_CATEGORY_CODES, ScanResult
from events.fair_clock import edition_zone, utc_offsets
from events.models import Edition

MODES = ("gate", "stand", "room")


def scanner_render(
    request,
    *,
    mode: str,
    title: str,
    urls: dict[str, str],
    results: dict[str, str] | None = None,
    extra_config: dict | None = None,
    service_worker: str = "",
):
    """The scanner page in `mode`. `urls` gives "scan", "sync", "pair" and "status" (a GET
    with the device's token answering {"post": {"name": ...}}); the keys URL is added here.
    `results` names the mode's own results beside the gate's."""
    if mode not in MODES:
        raise ValueError(f"Unknown scanner mode {mode!r}")
    edition = Edition.objects.current()
    zone, now = edition_zone(edition), timezone.now()
    last_day = edition.ends_on if edition else now.date()
    until = max(now, datetime.datetime.combine(last_day, datetime.time.max, tzinfo=zone))
    until += datetime.timedelta(days=7)
    config = {
        "mode": mode,
        "urls": {**urls, "keys": reverse("checkin:keys")},
        "edition": edition.pk if edition else None,
        # Times and "today" on the fair's clock, whatever zone the device is set to, for as
        # long as the page may stay open offline.
        "utc_offsets": utc_offsets(zone, now - datetime.timedelta(days=1), until),
        "categories": [
            {"code": index, "value": category.value, "label": str(category.label)}
            for index, category in enumerate(BADGE_CATEGORY_CODES)
        ],
        "results": {
            **{value: str(label) for value, label in ScanResult.choices},
            "queued": _("Recorded"),
            **(results or {}),
        },
        "messages": {
            "online": _("Online"),
            "offline": _("Offline: scans are kept and sent when the network returns."),
            "queued": _("waiting to be sent"),
            "no_token": _("Pair this device first."),
            "camera_error": _("The camera cannot be opened."),
            "pairing": _("Pairing…"),
            "paired": _("This device is paired."),
            "pairing_failed": _("Pairing failed. Check the network and try again."),
            "rehearsal": _("Rehearsal"),
            "seats": _("Seats taken: %(taken)s of %(places)s"),
            "note_saved": _("Note saved."),
            "note_failed": _("The note could not be saved. Try again."),
            "offline_recorded": _("Recorded on this device; sent when the network returns."),
        },
        **(extra_config or {}),
    }
    return render(
        request,
        "events/scanner.html",
        {"config": config, "edition": edition, "mode": mode, "title": title, "sw": service_worker},
    )
