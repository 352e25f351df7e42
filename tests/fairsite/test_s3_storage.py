"""Media and private files in S3-compatible object storage (STORAGE_BACKEND=s3), against a
real S3 server on loopback (moto's): private files stay in a bucket nobody reads without a
signature and leave only through the views that check who asks, as short-lived downloads."""

import dataclasses
import io
import logging
import tarfile
import types
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pypdf
import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.db.models import FileField
from django.urls import reverse
from PIL import Image

from events.models import BadgePrintJob
from events.services import printing
from events.services.badges import attendee_register
from exhibitors.models import Product
from exportsupport.models import SupportAttachment
from exportsupport.services import support_request_file
from fairsite.services.backup import Manifest, backup_create, backup_restore
from fairsite.storage import MediaS3Storage, S3Options, storages_config
from fairsite.uploads import private_storage
from tests.exhibitors.files import PDF, pdf
from tests.factories import CooperativeFactory, UserFactory
from tests.fairsite import test_backup

moto_server = pytest.importorskip(
    "moto.server", reason="moto[server] is not installed: pip install -e '.[test]'"
)
boto3 = pytest.importorskip("boto3", reason="boto3 is not installed: pip install -e '.[s3]'")
pytest.importorskip(
    "storages.backends.s3", reason="django-storages is not installed: pip install -e '.[s3]'"
)

# The backup tests' folders of their own and scratch database.
file_roots = test_backup.file_roots
empty_database = test_backup.empty_database

REGION = "us-east-1"
# Straight to the loopback server, whatever proxy the environment names.
direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def s3_endpoint():
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request otherwise
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings, monkeypatch, tmp_path):
    """STORAGE_BACKEND=s3 with two new buckets; the options and a client to look inside."""
    return _s3_use(s3_endpoint, settings, monkeypatch, tmp_path)


def _s3_use(s3_endpoint, settings, monkeypatch, tmp_path):
    suffix = uuid.uuid4().hex[:8]
    options = S3Options(
        endpoint_url=s3_endpoint,
        region=REGION,
        access_key_id="fairsite-test",
        secret_access_key="fairsite-test-secret",
        media_bucket=f"media-{suffix}",
        private_bucket=f"private-{suffix}",
    )
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=options.access_key_id,
        aws_secret_access_key=options.secret_access_key,
    )
    client.create_bucket(Bucket=options.media_bucket)
    client.create_bucket(Bucket=options.private_bucket)
    # Django's setting_changed handler empties the storages' cache (and default_storage).
    settings.STORAGES = storages_config("s3", private_root=tmp_path, s3=options)
    # File fields hold the private storage they were given when the models were imported.
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, FileField)
                and getattr(field, "_storage_callable", None) is private_storage
            ):
                monkeypatch.setattr(field, "storage", storages["private"])
    return types.SimpleNamespace(
        **dataclasses.asdict(options), media_origin=options.media_origin, client=client
    )


def _keys(s3, bucket: str, prefix: str = "") -> list[str]:
    answer = s3.client.list_objects_v2(Bucket=bucket, Prefix=prefix)
    return [entry["Key"] for entry in answer.get("Contents", [])]


def _get(url: str):
    """An anonymous GET: (status, headers, body)."""
    try:
        with direct.open(url, timeout=10) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def manager(db):
    return UserFactory(language="fr")


@pytest.fixture
def support_request(s3, manager):
    cooperative = CooperativeFactory(managers=[manager], language="fr")
    product = Product.objects.create(
        cooperative=cooperative, name_ar="زيت", name_fr="Huile", category="olive_oil"
    )
    return support_request_file(
        cooperative=cooperative,
        by=manager,
        service="sanitary_approval",
        target_markets="France",
        quantities_and_timing="2 tonnes en mars",
        products=[product],
        attachments=[pdf("Analyse de la coopérative.pdf")],
    )


def _download_path(attachment: SupportAttachment) -> str:
    return reverse("exportsupport:attachment_download", args=[attachment.request_id, attachment.pk])


def test_private_upload_lands_in_the_private_bucket_unreadable_without_a_signature(
    s3, support_request
):
    attachment = support_request.attachments.get()

    assert _keys(s3, s3.private_bucket) == [attachment.file.name]
    assert _keys(s3, s3.media_bucket) == []
    stored = s3.client.head_object(Bucket=s3.private_bucket, Key=attachment.file.name)
    assert stored["ContentType"] == "application/octet-stream"
    status, _headers, body = _get(f"{s3.endpoint_url}/{s3.private_bucket}/{attachment.file.name}")
    assert status == 403 and PDF not in body


def test_private_file_leaves_through_the_view_as_a_short_presigned_download(
    client, s3, support_request, manager
):
    attachment = support_request.attachments.get()
    client.force_login(manager)

    response = client.get(_download_path(attachment))

    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = urllib.parse.urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}" == s3.endpoint_url
    assert location.path == f"/{s3.private_bucket}/{attachment.file.name}"
    query = urllib.parse.parse_qs(location.query)
    assert query["X-Amz-Expires"] == ["60"]
    status, headers, body = _get(response["Location"])
    assert (status, body) == (200, PDF)
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"].startswith("attachment;")
    assert "Analyse%20de%20la%20coop%C3%A9rative.pdf" in headers["Content-Disposition"]
    assert headers["Cache-Control"] == "private, no-store"


def test_someone_without_permission_gets_no_url(client, s3, support_request):
    attachment = support_request.attachments.get()
    client.force_login(UserFactory())

    response = client.get(_download_path(attachment))

    assert response.status_code == 404
    assert "Location" not in response
    assert s3.private_bucket not in response.content.decode(errors="replace")


def test_html_disguised_as_pdf_in_the_bucket_goes_out_as_plain_bytes(
    client, s3, support_request, manager
):
    name = "exportsupport/disguised.pdf"
    html = b"<html><script>alert(1)</script></html>"
    s3.client.put_object(Bucket=s3.private_bucket, Key=name, Body=html, ContentType="text/html")
    attachment = SupportAttachment.objects.create(
        request=support_request, file=name, original_name="report.pdf", size=len(html)
    )
    client.force_login(manager)

    response = client.get(_download_path(attachment))

    assert response.status_code == 302
    status, headers, body = _get(response["Location"])
    assert (status, body) == (200, html)
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Disposition"] == 'attachment; filename="report"'


def test_a_missing_object_is_not_found(client, s3, support_request, manager):
    attachment = support_request.attachments.get()
    s3.client.delete_object(Bucket=s3.private_bucket, Key=attachment.file.name)
    client.force_login(manager)

    response = client.get(_download_path(attachment))

    assert response.status_code == 404
    assert "Location" not in response


def test_private_storage_gives_no_url_a_template_could_leak(s3, support_request):
    attachment = support_request.attachments.get()
    storage = storages["private"]

    with pytest.raises(ValueError, match="no public URL"):
        attachment.file.url  # noqa: B018
    with pytest.raises(ValueError, match="no public URL"):
        storage.url(
            attachment.file.name,
            parameters={"ResponseContentDisposition": "inline", "ResponseContentType": "text/html"},
        )
    with pytest.raises(ValueError, match="no public URL"):
        storage.url(
            attachment.file.name,
            parameters={
                "ResponseContentDisposition": "attachment",
                "ResponseContentType": "image/svg+xml",
            },
        )
    url = storage.download_url(
        attachment.file.name, filename="a.pdf", content_type="application/pdf"
    )
    # Never longer than the configured minute, whatever a caller asks for.
    longer = storage.url(
        attachment.file.name,
        parameters={"ResponseContentDisposition": "attachment", "ResponseContentType": "image/png"},
        expire=7 * 24 * 3600,
    )
    for made in (url, longer):
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(made).query)["X-Amz-Expires"] == ["60"]


def _png(width=80, height=60) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_wagtail_image_goes_to_the_media_bucket_and_its_rendition_is_served(
    client, s3, homes, django_user_model
):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)

    response = client.post(
        "/admin/images/add/",
        {"title": "Logo", "file": ImageFile(io.BytesIO(_png()), name="logo.png")},
    )

    assert response.status_code == 302, response.content[:2000]
    image = apps.get_model("wagtailimages", "Image").objects.get(title="Logo")
    assert image.file.name in _keys(s3, s3.media_bucket, "original_images/")
    assert _keys(s3, s3.private_bucket) == []
    rendition = image.get_rendition("fill-40x30")
    url = urllib.parse.urlsplit(rendition.url)
    assert f"{url.scheme}://{url.netloc}" == s3.media_origin
    assert url.path == f"/{s3.media_bucket}/{rendition.file.name}" and not url.query
    status, headers, body = _get(rendition.url)
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(body)).size == (40, 30)


def test_a_badge_print_job_keeps_its_parts_and_its_file_in_the_private_bucket(
    client, s3, fair_today, homes, monkeypatch
):
    monkeypatch.setattr(printing, "CHUNK", 2)  # three parts of two badges
    badges = [
        attendee_register(edition=fair_today, category="visitor", full_name=f"Visiteur {n}")[1]
        for n in range(6)
    ]
    job = BadgePrintJob.objects.create(edition=fair_today, badge_ids=[b.pk for b in badges])
    parts_folder = printing._part_name(job, 0).rsplit("/", 1)[0]

    assert printing.print_job_start(job_id=job.pk) == [0, 1, 2]
    assert printing.print_part_run(job_id=job.pk, part=0) is False
    assert printing.print_part_run(job_id=job.pk, part=0) is False  # delivered twice
    printing.print_part_run(job_id=job.pk, part=2)
    assert _keys(s3, s3.private_bucket, parts_folder) == [
        f"{parts_folder}/part-0000.pdf",
        f"{parts_folder}/part-0002.pdf",
    ]
    assert printing.print_part_run(job_id=job.pk, part=1) is True
    printing.print_job_join(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.done) == ("done", 6)
    assert _keys(s3, s3.private_bucket, parts_folder) == []
    assert _keys(s3, s3.private_bucket, "print-jobs/") == [job.file.name]
    assert _keys(s3, s3.media_bucket) == []
    stored = s3.client.get_object(Bucket=s3.private_bucket, Key=job.file.name)["Body"].read()
    assert len(pypdf.PdfReader(io.BytesIO(stored)).pages) == 3  # four badges a sheet
    client.force_login(UserFactory(groups=["Organisers"]))
    response = client.get(f"/admin/badges/print/{job.pk}/badges.pdf")
    assert response.status_code == 302  # the object store sends it, on a short-lived link
    status, headers, body = _get(response["Location"])
    assert (status, body) == (200, stored)
    assert headers["Content-Type"] == "application/pdf"


def test_backup_keeps_the_database_and_names_the_buckets(s3, tmp_path, db):
    archive = tmp_path / "backup.tar.gz"
    output = io.StringIO()

    call_command("backup", str(archive), stdout=output)

    with tarfile.open(archive) as opened:
        names = opened.getnames()
        written = Manifest.from_json(opened.extractfile("manifest.json").read())
    assert not any(name.startswith(("media/", "private/")) for name in names)
    assert written.files == {"media": 0, "private": 0}
    assert written.elsewhere == {
        "media": f"s3://{s3.media_bucket}",
        "private": f"s3://{s3.private_bucket}",
    }
    assert f"private in s3://{s3.private_bucket}" in output.getvalue()
    assert "back them up there" in output.getvalue()


@test_backup.committed
def test_an_archive_made_on_disk_is_restored_into_the_buckets(
    tmp_path, file_roots, empty_database, s3_endpoint, settings, monkeypatch
):
    (file_roots["media"] / "original_images").mkdir(parents=True)
    (file_roots["media"] / "original_images" / "logo.png").write_bytes(_png())
    private_storage().save("agreements/signed.pdf", io.BytesIO(PDF))
    archive = tmp_path / "backup.tar.gz"
    backup_create(path=archive)
    s3 = _s3_use(s3_endpoint, settings, monkeypatch, tmp_path)

    manifest = backup_restore(path=archive, using=empty_database)

    assert manifest.files == {"media": 1, "private": 1}
    assert _keys(s3, s3.media_bucket) == ["original_images/logo.png"]
    assert _keys(s3, s3.private_bucket) == ["agreements/signed.pdf"]
    status, headers, body = _get(f"{s3.endpoint_url}/{s3.media_bucket}/original_images/logo.png")
    assert (status, headers["Content-Type"], body) == (200, "image/png", _png())
    assert _get(f"{s3.endpoint_url}/{s3.private_bucket}/agreements/signed.pdf")[0] == 403


def test_storages_config_on_local_disk_is_the_folders(tmp_path):
    config = storages_config("local", private_root=tmp_path, s3=S3Options())

    assert config["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert config["private"] == {
        "BACKEND": "fairsite.uploads.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(tmp_path)},
    }
    assert set(config) == {"default", "private", "staticfiles"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (S3Options(region=REGION, media_bucket="m"), "S3_PRIVATE_BUCKET"),
        (S3Options(region=REGION, media_bucket="same", private_bucket="same"), "must differ"),
        (S3Options(media_bucket="m", private_bucket="p"), "S3_REGION"),
        (
            S3Options(region=REGION, media_bucket="m", private_bucket="p", private_url_expire=0),
            "S3_PRIVATE_URL_EXPIRE",
        ),
        (
            S3Options(region=REGION, media_bucket="m", private_bucket="p", access_key_id="k"),
            "S3_SECRET_ACCESS_KEY",
        ),
    ],
)
def test_storages_config_refuses_unsafe_or_incomplete_buckets(tmp_path, options, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        storages_config("s3", private_root=tmp_path, s3=options)


def test_media_origin_is_where_amazon_s3_serves_the_media_from(tmp_path):
    options = S3Options(region="eu-west-3", media_bucket="fair-media", private_bucket="fair-p")
    config = storages_config("s3", private_root=tmp_path, s3=options)["default"]
    storage = MediaS3Storage(**config["OPTIONS"])

    url = urllib.parse.urlsplit(storage.url("original_images/logo.png"))
    assert f"{url.scheme}://{url.netloc}" == options.media_origin
    assert options.media_origin == "https://fair-media.s3.eu-west-3.amazonaws.com"
    assert S3Options(media_domain="media.salon.example.ma").media_origin == (
        "https://media.salon.example.ma"
    )
