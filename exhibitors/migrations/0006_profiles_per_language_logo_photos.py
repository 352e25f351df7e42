"""The commune and the products' descriptions per language, the logo and a gallery of photos
as Wagtail images, and contact details the cooperative chooses to publish, apart from its own.

Existing values are kept: a commune or a description goes under Arabic when it is written in
Arabic script and under French otherwise; a logo file becomes a Wagtail image in the
"Exhibitors" collection; a cooperative that published its contact details publishes the same
e-mail and phone."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

from fairsite.migration_support import language_field


def forwards(apps, schema_editor):
    Cooperative = apps.get_model("exhibitors", "Cooperative")
    Product = apps.get_model("exhibitors", "Product")
    for cooperative in Cooperative.objects.all().iterator():
        changed = []
        if cooperative.commune:
            target = language_field("commune", cooperative.commune)
            setattr(cooperative, target, cooperative.commune)
            changed.append(target)
        if cooperative.publish_contact:
            cooperative.public_email = cooperative.email
            cooperative.public_phone = cooperative.phone
            changed += ["public_email", "public_phone"]
        if cooperative.logo_file:
            image = _wagtail_image(apps, cooperative.logo_file, title=cooperative.name)
            if image is not None:
                cooperative.logo = image
                changed.append("logo")
        if changed:
            cooperative.save(update_fields=changed)
    for product in Product.objects.exclude(description="").iterator():
        target = language_field("description", product.description)
        setattr(product, target, product.description)
        product.save(update_fields=[target])


def _wagtail_image(apps, file, *, title):
    """A Wagtail image over the stored logo file (the file stays where it is), or None when
    the file is gone or unreadable."""
    from PIL import Image as PillowImage

    Image = apps.get_model("wagtailimages", "Image")
    Collection = apps.get_model("wagtailcore", "Collection")
    try:
        with file.open("rb") as handle, PillowImage.open(handle) as picture:
            width, height = picture.size
        size = file.size
    except Exception:
        return None
    return Image.objects.create(
        title=title[:255],
        file=file.name,
        width=width,
        height=height,
        file_size=size,
        collection=_exhibitors_collection(Collection),
    )


def _exhibitors_collection(Collection):
    root = Collection.objects.get(depth=1)
    existing = Collection.objects.filter(depth=2, name="Exhibitors", path__startswith=root.path)
    if existing.exists():
        return existing.first()
    # Treebeard's path for the root's next child, as Collection.add_child would make it.
    last = Collection.objects.filter(depth=2).order_by("-path").first()
    step = int(last.path[4:8], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    code = ""
    while step:
        step, remainder = divmod(step, 36)
        code = digits[remainder] + code
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return Collection.objects.create(
        name="Exhibitors", path=root.path + code.rjust(4, "0"), depth=2, numchild=0
    )


def backwards(apps, schema_editor):
    Cooperative = apps.get_model("exhibitors", "Cooperative")
    Product = apps.get_model("exhibitors", "Product")
    for cooperative in Cooperative.objects.all().iterator():
        cooperative.commune = cooperative.commune_fr or cooperative.commune_ar
        cooperative.publish_contact = bool(cooperative.public_email or cooperative.public_phone)
        if cooperative.logo_id:
            cooperative.logo_file = cooperative.logo.file.name
        cooperative.save(update_fields=["commune", "publish_contact", "logo_file"])
    for product in Product.objects.all().iterator():
        product.description = product.description_fr or product.description_ar
        product.save(update_fields=["description"])


class Migration(migrations.Migration):
    dependencies = [
        ("exhibitors", "0005_staff_badges"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RenameField("cooperative", "logo", "logo_file"),
        migrations.AddField(
            model_name="cooperative",
            name="logo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="logo",
            ),
        ),
        migrations.AddField(
            model_name="cooperative",
            name="commune_ar",
            field=models.CharField(blank=True, max_length=100, verbose_name="commune (Arabic)"),
        ),
        migrations.AddField(
            model_name="cooperative",
            name="commune_fr",
            field=models.CharField(blank=True, max_length=100, verbose_name="commune (French)"),
        ),
        migrations.AddField(
            model_name="cooperative",
            name="commune_en",
            field=models.CharField(blank=True, max_length=100, verbose_name="commune (English)"),
        ),
        migrations.AddField(
            model_name="cooperative",
            name="public_email",
            field=models.EmailField(
                blank=True,
                help_text="Shown in the public directory. Leave it empty to show none.",
                max_length=254,
                verbose_name="public e-mail",
            ),
        ),
        migrations.AddField(
            model_name="cooperative",
            name="public_phone",
            field=models.CharField(
                blank=True,
                help_text="Shown in the public directory. Leave it empty to show none.",
                max_length=40,
                verbose_name="public phone",
            ),
        ),
        migrations.AlterField(
            model_name="cooperative",
            name="website",
            field=models.URLField(
                blank=True, help_text="Shown in the public directory.", verbose_name="website"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="description_ar",
            field=models.TextField(blank=True, verbose_name="description (Arabic)"),
        ),
        migrations.AddField(
            model_name="product",
            name="description_fr",
            field=models.TextField(blank=True, verbose_name="description (French)"),
        ),
        migrations.AddField(
            model_name="product",
            name="description_en",
            field=models.TextField(blank=True, verbose_name="description (English)"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="cooperative", name="commune"),
        migrations.RemoveField(model_name="cooperative", name="publish_contact"),
        migrations.RemoveField(model_name="cooperative", name="logo_file"),
        migrations.RemoveField(model_name="product", name="description"),
        migrations.CreateModel(
            name="CooperativePhoto",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "caption_ar",
                    models.CharField(blank=True, max_length=200, verbose_name="caption (Arabic)"),
                ),
                (
                    "caption_fr",
                    models.CharField(blank=True, max_length=200, verbose_name="caption (French)"),
                ),
                (
                    "caption_en",
                    models.CharField(blank=True, max_length=200, verbose_name="caption (English)"),
                ),
                (
                    "cooperative",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="photos",
                        to="exhibitors.cooperative",
                        verbose_name="cooperative",
                    ),
                ),
                (
                    "image",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="image",
                    ),
                ),
            ],
            options={
                "verbose_name": "photo",
                "verbose_name_plural": "photos",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
    ]
