from wagtail import hooks

from events.viewsets import FairViewSetGroup


@hooks.register("register_admin_viewset")
def register_fair_viewsets():
    return FairViewSetGroup()
