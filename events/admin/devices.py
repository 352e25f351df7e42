"""The admin's screens for the devices paired to a post (a gate, a room): the list on the
post's inspect page, the pairing QR, and unpairing. One set of views for every kind of post,
made for its device model, its permission and its viewset's URL names."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from events.models import ScannerDevice
from events.services.devices import (
    PAIRING_MINUTES,
    device_pairing_start,
    device_unpair,
    devices_of,
    pairing_code_display,
    pairing_qr_svg,
)


def devices_context(model: type[ScannerDevice], post, *, namespace: str) -> dict:
    """What `events/includes/scanner_devices.html` shows on the post's inspect page."""
    return {
        "pair_url": reverse(f"{namespace}:pair", args=[post.pk]),
        "devices": [
            (device, reverse(f"{namespace}:unpair", args=[post.pk, device.pk]))
            for device in devices_of(model, post)
        ],
    }


def device_views(model: type[ScannerDevice], *, permission: str, namespace: str):
    """The pair and unpair views for `model`'s posts, for those holding `permission`."""
    post_model = model._meta.get_field(model.post_field).related_model

    @require_POST
    @permission_required(permission, raise_exception=True)
    def pair(request, pk):
        """A one-time pairing QR for a new device of the post."""
        post = get_object_or_404(post_model, pk=pk)
        device, code = device_pairing_start(
            model=model, post=post, by=request.user, name=request.POST.get("name", "")
        )
        return TemplateResponse(
            request,
            "events/admin/device_pairing.html",
            {
                "post": post,
                "device": device,
                "qr_svg": pairing_qr_svg(code),
                "code": pairing_code_display(code),
                "minutes": PAIRING_MINUTES,
                "done_url": reverse(f"{namespace}:inspect", args=[post.pk]),
            },
        )

    @require_POST
    @permission_required(permission, raise_exception=True)
    def unpair(request, pk, device_pk):
        device = get_object_or_404(model, **{f"{model.post_field}_id": pk}, pk=device_pk)
        device_unpair(device=device, by=request.user)
        messages.success(request, _("The device is unpaired: its scans are refused from now on."))
        return redirect(f"{namespace}:inspect", pk)

    return pair, unpair
