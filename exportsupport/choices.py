from django.db import models
from django.utils.translation import gettext_lazy as _


class Service(models.TextChoices):
    PACKAGING_DESIGN = "packaging_design", _("Packaging design")
    LABELLING = "labelling", _("Labelling to a target market's rules")
    SANITARY_APPROVAL = "sanitary_approval", _("Sanitary approval file (ONSSA)")
    CERTIFICATION = "certification", _("Certification")
    EXPORT_DOCUMENTS = "export_documents", _("Export documents")
    TRANSPORT = "transport", _("Transport to a port")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for the cooperative")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")

    @classmethod
    def closed(cls) -> set[str]:
        return {cls.DONE, cls.DECLINED}
