"""Where uploaded files live: this machine's disk (or a folder every host mounts), or two
buckets of an S3-compatible object store when one machine is not enough.

The settings read the environment and call `storages_config()`; this module reads nothing
itself. With object storage, public media (Wagtail images and documents) go to one bucket,
served from it directly, and private uploads (application documents, export-support files,
signed agreements, badge batches) to another that is never public: a private file leaves only
through a view that checks who asks, which answers with a redirect to a presigned URL that
expires soon (a minute by default) and forces a download (`fairsite.uploads.private_file_response`).

The S3 classes need the "s3" extra (`pip install -e '.[s3]'`, django-storages with boto3);
without it this module still imports, and asking for S3 says what to install.
"""

import dataclasses
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header

try:
    from storages.backends.s3 import S3Storage
    from storages.utils import clean_name
except ImportError:  # installed without the "s3" extra: storages_config() refuses "s3"
    S3Storage = object

BACKENDS = ("local", "s3")
ADDRESSING_STYLES = ("path", "virtual")
# A presigned URL is followed by the browser at once; longer only widens the window in
# which a copied link still works.
MAX_PRIVATE_URL_EXPIRE = 15 * 60


@dataclasses.dataclass(frozen=True)
class S3Options:
    """The object store's address, credentials and buckets, as the environment gives them."""

    # Empty for Amazon S3 itself; e.g. https://s3.fr-par.scw.cloud or a MinIO server.
    endpoint_url: str = ""
    region: str = ""
    # Empty: boto3 finds credentials itself (an instance role, AWS_* variables).
    access_key_id: str = ""
    secret_access_key: str = dataclasses.field(default="", repr=False)
    # "path" (endpoint/bucket/key) or "virtual" (bucket.endpoint/key); empty: path with
    # an endpoint_url (MinIO needs it), virtual on Amazon S3 (which requires it).
    addressing_style: str = ""
    media_bucket: str = ""
    # A domain (a CDN, or a DNS name on the bucket) that serves the media bucket.
    media_domain: str = ""
    # The canned ACL given to public media; empty when a bucket policy makes them public.
    media_acl: str = "public-read"
    private_bucket: str = ""
    private_url_expire: int = 60

    @property
    def style(self) -> str:
        return self.addressing_style or ("path" if self.endpoint_url else "virtual")

    @property
    def media_origin(self) -> str:
        """The origin public media are served from (for the Content-Security-Policy)."""
        if self.media_domain:
            return f"https://{self.media_domain}"
        if self.endpoint_url:
            parts = urlsplit(self.endpoint_url)
            host = parts.netloc
            if self.style == "virtual":
                host = f"{self.media_bucket}.{host}"
            return f"{parts.scheme}://{host}"
        return f"https://{self.media_bucket}.s3.{self.region}.amazonaws.com"

    def check(self) -> None:
        """Raise ImproperlyConfigured unless these options make a safe pair of buckets."""
        missing = [
            name
            for name, value in (
                ("S3_MEDIA_BUCKET", self.media_bucket),
                ("S3_PRIVATE_BUCKET", self.private_bucket),
            )
            if not value
        ]
        if not self.endpoint_url and not self.region:
            missing.append("S3_REGION")
        if missing:
            raise ImproperlyConfigured(f"STORAGE_BACKEND=s3 needs {', '.join(missing)}.")
        if self.media_bucket == self.private_bucket:
            raise ImproperlyConfigured(
                "S3_PRIVATE_BUCKET must differ from S3_MEDIA_BUCKET: media are public, and a "
                "bucket made readable for them would make the private files readable too."
            )
        if self.style not in ADDRESSING_STYLES:
            raise ImproperlyConfigured(
                f"S3_ADDRESSING_STYLE is {self.addressing_style!r}; use path or virtual."
            )
        if not 0 < self.private_url_expire <= MAX_PRIVATE_URL_EXPIRE:
            raise ImproperlyConfigured(
                f"S3_PRIVATE_URL_EXPIRE must be 1 to {MAX_PRIVATE_URL_EXPIRE} seconds."
            )
        if bool(self.access_key_id) != bool(self.secret_access_key):
            raise ImproperlyConfigured(
                "Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither."
            )

    def connection(self) -> dict:
        """The options both buckets share, as django-storages names them."""
        return {
            "endpoint_url": self.endpoint_url or None,
            "region_name": self.region or None,
            "access_key": self.access_key_id or None,
            "secret_key": self.secret_access_key or None,
            "addressing_style": self.style,
            "signature_version": "s3v4",
        }


def storages_config(backend: str, *, private_root, s3: S3Options) -> dict:
    """The STORAGES setting: uploads on local disk ("local") or in object storage ("s3").

    Static files stay on each web host either way (collectstatic, served by nginx).
    """
    staticfiles = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    if backend == "local":
        return {
            # MEDIA_ROOT, read when the storage is first used.
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            # Application documents and signed agreements: no public URL, served by views
            # that check who asks.
            "private": {
                "BACKEND": "fairsite.uploads.PrivateFileSystemStorage",
                "OPTIONS": {"location": str(private_root)},
            },
            "staticfiles": staticfiles,
        }
    if backend != "s3":
        raise ImproperlyConfigured(
            f"STORAGE_BACKEND is {backend!r}; use one of {', '.join(BACKENDS)}."
        )
    if S3Storage is object:
        raise ImproperlyConfigured(
            "STORAGE_BACKEND=s3 needs django-storages and boto3: pip install -e '.[s3]'."
        )
    s3.check()
    return {
        "default": {
            "BACKEND": "fairsite.storage.MediaS3Storage",
            "OPTIONS": {
                **s3.connection(),
                "bucket_name": s3.media_bucket,
                "custom_domain": s3.media_domain or None,
                "default_acl": s3.media_acl or None,
            },
        },
        "private": {
            "BACKEND": "fairsite.storage.PrivateS3Storage",
            "OPTIONS": {
                **s3.connection(),
                "bucket_name": s3.private_bucket,
                "querystring_expire": s3.private_url_expire,
            },
        },
        "staticfiles": staticfiles,
    }


@deconstructible
class MediaS3Storage(S3Storage):
    """Public media: plain, unsigned URLs that pages and image renditions can keep."""

    querystring_auth = False
    # Wagtail keeps the uploader's file name: a second "logo.png" must not replace the first.
    file_overwrite = False


@deconstructible
class PrivateS3Storage(S3Storage):
    """Private uploads in a bucket that is never public.

    Objects are written without an ACL (private, the bucket's default) and stored as inert
    downloads (application/octet-stream, attachment), so that even a URL made some other way
    would not render them. `url()` refuses to make a URL unless it forces a download of a
    safe type, so a template that asks for `document.file.url` fails instead of handing out
    a link: the address comes from `download_url()`, which only `private_file_response`
    calls, after the view has checked who asks. Every URL is signed and expires within
    `querystring_expire` seconds (S3_PRIVATE_URL_EXPIRE), whatever the caller asks.
    """

    def __init__(self, **options):
        super().__init__(**options)
        # Whatever the options say: a custom domain would give unsigned URLs, an ACL could
        # make an object public, and overwriting would let one upload replace another.
        self.querystring_auth = True
        self.custom_domain = None
        self.default_acl = None
        self.file_overwrite = False
        self.object_parameters = {
            **self.object_parameters,
            "ContentType": "application/octet-stream",
            "ContentDisposition": "attachment",
        }

    def url(self, name, parameters=None, expire=None, http_method=None):
        # Imported here: the settings import this module before Django is set up, and
        # fairsite.uploads needs Django's models.
        from fairsite.uploads import DOWNLOAD_TYPES

        parameters = dict(parameters or {})
        safe_types = {content_type for content_type, _extension in DOWNLOAD_TYPES.values()}
        if (
            not parameters.get("ResponseContentDisposition", "").startswith("attachment")
            or parameters.get("ResponseContentType")
            not in safe_types | {"application/octet-stream"}
            or http_method not in (None, "GET")
        ):
            raise ValueError(
                "A private file has no public URL; serve it through a view "
                "(fairsite.uploads.private_file_response)."
            )
        expire = min(expire or self.querystring_expire, self.querystring_expire)
        return super().url(name, parameters=parameters, expire=expire)

    def download_url(self, name: str, *, filename: str, content_type: str) -> str:
        """A presigned URL that downloads `name` as `filename`, typed `content_type`."""
        return self.url(
            name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, no-store",
            },
        )

    def first_bytes(self, name: str, count: int = 16) -> bytes:
        """The first `count` bytes of a file, read with one ranged request."""
        # Imported here: botocore comes with the optional "s3" extra only.
        from botocore.exceptions import ClientError

        key = self._normalize_name(clean_name(name))
        try:
            answer = self.connection.meta.client.get_object(
                Bucket=self.bucket_name, Key=key, Range=f"bytes=0-{count - 1}"
            )
        except ClientError as error:
            status = error.response["ResponseMetadata"]["HTTPStatusCode"]
            if status == 404:
                raise FileNotFoundError(name) from error
            if status == 416:  # an empty object has no first byte
                return b""
            raise
        with answer["Body"] as body:
            return body.read(count)
