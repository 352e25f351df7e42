"""The base of the fair's admin listings (Wagtail ModelViewSet), with the options they share."""

from wagtail.admin.viewsets.model import ModelViewSet


class FairModelViewSet(ModelViewSet):
    """Searched in the database (the records are few and change often: no search index to
    keep up to date), each record with its inspect page, none copied (a copy of an operational
    record is a second record of the same thing). A viewset says so where it differs."""

    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
