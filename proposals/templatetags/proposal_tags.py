"""The way to the call for proposals from other pages (the programme's), while it is open."""

from django import template
from django.utils import timezone

from fairsite.kept import kept
from proposals.models import CallForProposals

register = template.Library()


@register.inclusion_tag("proposals/includes/open_call_link.html")
def open_call_link(edition):
    """`{% open_call_link edition %}`: a line inviting proposals while the edition's call is
    open; nothing otherwise."""
    if edition is None:
        return {"call": None}
    # The edition's call is kept until the content changes; whether it is open, worked out now.
    call = kept(
        ("call for proposals", edition.pk),
        lambda: CallForProposals.objects.filter(edition=edition).first(),
    )
    now = timezone.now()
    return {"call": call if call and call.opens_at <= now < call.closes_at else None}
