"""Uploaded files: recognised by their content, size-limited, stored under a random name;
private ones served only as downloads, by the views that check who asks."""

import uuid
import warnings
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.deconstruct import deconstructible
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from PIL import Image

from fairsite.i18n import in_language, join_list

MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# The first bytes of each accepted kind of file, and the names such a file may have.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
EXTENSIONS = {"pdf": {"pdf"}, "jpeg": {"jpg", "jpeg"}, "png": {"png"}}
KIND_NAMES = {"pdf": "PDF", "jpeg": "JPEG", "png": "PNG"}


def _upload_help(kinds, max_size: int, contents: str = ""):
    formats = [in_language(KIND_NAMES[kind], "en") for kind in kinds]
    names = formats[0]
    if len(formats) > 1:
        names = format_html(
            pgettext("the last of a choice", "{others} or {last}"),
            others=join_list(formats[:-1]),
            last=formats[-1],
        )
    megabytes = max_size // (1024 * 1024)
    if contents:
        return format_html(
            gettext("{formats}, {size} MB at most each: {contents}."),
            formats=names,
            size=megabytes,
            contents=contents,
        )
    return format_html(gettext("{formats}, {size} MB at most."), formats=names, size=megabytes)


upload_help = lazy(_upload_help, SafeString)
upload_help.__doc__ = """The help under a file field, in the reader's language: which kinds of
file (their names marked as such, so that "PDF" on an Arabic page is read as a name) and how
large, e.g. `upload_help(("pdf", "png"), MAX_UPLOAD_SIZE, _("labels, photos, analyses"))`."""


def sniff(file) -> str | None:
    """The kind of file its first bytes show ("pdf", "jpeg", "png"), or None."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    return kind_of(head)


def kind_of(head: bytes) -> str | None:
    """The kind of file that starts with the bytes `head`, or None."""
    for kind, signatures in SIGNATURES.items():
        if any(head.startswith(signature) for signature in signatures):
            return kind
    return None


@deconstructible
class FileContentValidator:
    """Accept a file only if its content is one of `kinds` and its name says the same."""

    def __init__(self, kinds=("pdf", "jpeg", "png"), max_size=MAX_UPLOAD_SIZE):
        self.kinds = tuple(kinds)
        self.max_size = max_size

    def __call__(self, file):
        if file.size == 0:
            raise ValidationError(_("The file is empty."), code="empty")
        if file.size > self.max_size:
            raise ValidationError(
                _("The file is larger than %(limit)s MB."),
                code="too_large",
                params={"limit": self.max_size // (1024 * 1024)},
            )
        kind = sniff(file)
        if kind not in self.kinds:
            raise ValidationError(
                _("Only these kinds of file are accepted: %(kinds)s."),
                code="wrong_kind",
                params={"kinds": join_list(KIND_NAMES[k] for k in self.kinds)},
            )
        extension = Path(file.name).suffix.lower().lstrip(".")
        if extension not in EXTENSIONS[kind]:
            raise ValidationError(
                _("The file is a %(kind)s but its name ends in “.%(extension)s”."),
                code="wrong_extension",
                params={"kind": KIND_NAMES[kind], "extension": extension},
            )
        if kind in ("jpeg", "png"):
            _verify_image(file)

    def __eq__(self, other):
        return (
            isinstance(other, FileContentValidator)
            and self.kinds == other.kinds
            and self.max_size == other.max_size
        )


def _verify_image(file) -> None:
    """Readable, and within settings.MAX_IMAGE_PIXELS: a file of a few kilobytes can decode
    to a hundred million pixels, and the first rendition would then take the server's
    memory. Only the header is read for the size, before anything is decoded."""
    position = file.tell()
    try:
        file.seek(0)
        with warnings.catch_warnings():
            # Pillow's warning for its own, higher limit: the size is checked here instead.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > settings.MAX_IMAGE_PIXELS:
                    raise _too_many_pixels(width, height)
                image.verify()
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:  # past twice Pillow's limit
        raise _too_many_pixels(None, None) from error
    except Exception as error:
        raise ValidationError(
            _("The image is damaged and cannot be read."), code="bad_image"
        ) from error
    finally:
        file.seek(position)


def _too_many_pixels(width: int | None, height: int | None) -> ValidationError:
    limit = settings.MAX_IMAGE_PIXELS // 1_000_000
    if width is None:
        return ValidationError(
            _("The image has too many pixels: at most %(limit)s million are accepted."),
            code="too_many_pixels",
            params={"limit": limit},
        )
    return ValidationError(
        _(
            "The image is %(width)s × %(height)s pixels: at most %(limit)s million pixels "
            "are accepted. Make it smaller and send it again."
        ),
        code="too_many_pixels",
        params={"width": width, "height": height, "limit": limit},
    )


@deconstructible
class RandomName:
    """`upload_to` that keeps the folder and extension and drops the uploader's file name."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        extension = Path(filename).suffix.lower()
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and self.folder == other.folder


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no public address: a view that checks permission serves them."""

    def url(self, name):
        raise ValueError("A private file has no public URL; serve it through a view.")


# The only kinds of private file that go out with their own type; anything else (a file
# stored before the checks existed, HTML, SVG) goes out as plain bytes.
DOWNLOAD_TYPES = {
    "pdf": ("application/pdf", ".pdf"),
    "jpeg": ("image/jpeg", ".jpg"),
    "png": ("image/png", ".png"),
}


def private_file_response(file, *, filename: str) -> HttpResponse:
    """A private file as a download, never shown by the browser whatever it holds, typed by
    its content (not by its name) and never kept by a cache.

    `filename` is the name to save it under, without extension: the content's kind gives it.
    With PRIVATE_MEDIA_ACCEL_REDIRECT set (e.g. "/_private/"), the web server sends the
    bytes (nginx's X-Accel-Redirect to an internal location) and the worker is free at once.
    A file in object storage (fairsite.storage.PrivateS3Storage) is not sent by this site at
    all: the answer redirects to a presigned URL that expires soon (S3_PRIVATE_URL_EXPIRE, a
    minute by default) and makes the object store send it as the same typed download.
    """
    storage = getattr(file, "storage", None)
    if hasattr(storage, "download_url"):
        try:
            head = storage.first_bytes(file.name, 16)
        except FileNotFoundError as error:
            raise Http404 from error
        content_type, name = _download_type(kind_of(head), filename)
        response = HttpResponseRedirect(
            storage.download_url(file.name, filename=name, content_type=content_type)
        )
    else:
        try:
            handle = file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        content_type, name = _download_type(sniff(handle), filename)
        prefix = settings.PRIVATE_MEDIA_ACCEL_REDIRECT
        if prefix:
            handle.close()
            response = HttpResponse(content_type=content_type)
            response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(file.name)
            response["Content-Disposition"] = content_disposition_header(True, name)
        else:
            response = FileResponse(
                handle, as_attachment=True, filename=name, content_type=content_type
            )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


def _download_type(kind: str | None, filename: str) -> tuple[str, str]:
    """The type to send a file of `kind` as, and the name to save it under."""
    content_type, extension = DOWNLOAD_TYPES.get(kind, ("application/octet-stream", ""))
    return content_type, f"{Path(filename).stem or 'file'}{extension}"


def private_storage():
    """Files that only their owners and organisers may read, served through a view."""
    return storages["private"]


class PrivateUpload(models.Model):
    """A file kept in private storage, with the name it was uploaded under, its size, and who
    uploaded it when. Each model names its own `file` field (its folder)."""

    original_name = models.CharField(_("original name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True
