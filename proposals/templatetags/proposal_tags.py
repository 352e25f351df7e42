"""The way to the call for proposals from other pages (the programme's), while it is open."""

from django import template

from proposals.models import CallForProposals

register = template.Library()


@register.inclusion_tag("proposals/includes/open_call_link.html")
def open_call_link(edition):
    """`{% open_call_link edition %}`: a line inviting proposals while the edition's call is
    open; nothing otherwise."""
    call = CallForProposals.objects.open_at().filter(edition=edition).first() if edition else None
    return {"call": call}
