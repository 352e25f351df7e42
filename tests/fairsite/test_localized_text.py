"""Texts kept once per language are shown in the reader's language, and a text shown in
another language carries that language and its direction."""

import types

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.template import Context, Template
from django.utils import translation

from fairsite.i18n import as_written, join_list, localized_with_language, script_language


def place(**fields):
    values = {"place_ar": "", "place_fr": "", "place_en": ""}
    values.update(fields)
    return types.SimpleNamespace(**values)


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load fairsite_tags %}" + source).render(Context(context))


def test_the_readers_language_is_shown_unmarked():
    meeting = place(place_ar="القاعة الكبرى", place_fr="Grande salle")

    assert render('{% localized meeting "place" %}', "ar", meeting=meeting) == "القاعة الكبرى"
    assert render('{% localized meeting "place" %}', "fr", meeting=meeting) == "Grande salle"


def test_a_fallback_is_marked_with_its_language_and_direction():
    only_french = place(place_fr="Salon & Grande salle")
    only_arabic = place(place_ar="القاعة الكبرى")

    assert render('{% localized m "place" %}', "ar", m=only_french) == (
        '<span lang="fr" dir="ltr">Salon &amp; Grande salle</span>'
    )
    assert render('{% localized m "place" %}', "fr", m=only_arabic) == (
        '<span lang="ar" dir="rtl">القاعة الكبرى</span>'
    )
    assert render('{% localized m "place" %}', "fr", m=place()) == ""


def test_a_block_of_text_gets_the_attributes_on_its_own_element():
    only_french = place(place_fr="Salle 1")
    source = '<p{% localized_lang m "place" %}>{{ m.place_fr }}</p>'

    assert render(source, "ar", m=only_french) == '<p lang="fr" dir="ltr">Salle 1</p>'
    assert render(source, "fr", m=only_french) == "<p>Salle 1</p>"


def test_a_fallback_is_the_language_the_reader_most_likely_reads():
    both = place(place_ar="وجدة", place_fr="Oujda")
    with translation.override("en"):  # an English reader reads French before Arabic
        assert localized_with_language(both, "place") == ("Oujda", "fr")
        assert localized_with_language(place(place_ar="وجدة"), "place") == ("وجدة", "ar")
    with translation.override("fr"):
        assert localized_with_language(place(place_ar="وجدة"), "place") == ("وجدة", "ar")


@pytest.mark.parametrize(
    "text, language",
    [
        ("Claire Martin", "fr"),
        ("تعاونية الأركان", "ar"),
        ("تعاونية Argane", "ar"),
        ("2026-05", "ar"),
    ],
)
def test_a_names_script_tells_its_language_on_an_arabic_page(text, language):
    with translation.override("ar"):
        assert script_language(text) == language


def test_names_are_marked_only_when_they_are_in_the_other_script():
    with translation.override("ar"):
        assert as_written("Claire <Martin>") == (
            '<span lang="fr" dir="ltr">Claire &lt;Martin&gt;</span>'
        )
        assert as_written("سعاد بنعلي") == "سعاد بنعلي"
    with translation.override("fr"):
        assert as_written("Claire Martin") == "Claire Martin"
        assert as_written("سعاد") == '<span lang="ar" dir="rtl">سعاد</span>'


def test_a_list_of_marked_names_escapes_the_others():
    with translation.override("ar"):
        names = join_list([as_written("Amadou Diallo"), "سعاد & نادية"])
    assert names == '<span lang="fr" dir="ltr">Amadou Diallo</span>، سعاد &amp; نادية'
    with translation.override("fr"):
        assert join_list(["a & b", "c"]) == "a & b, c"  # plain text stays plain


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_text_typed_once_moves_to_the_field_of_its_script():
    """The speakers' organisation and country, typed once before they were kept per
    language, land in the Arabic or the French field by their script, and back."""
    executor = MigrationExecutor(connection)
    before, after = (
        [("programme", "0002_from_events")],
        [("programme", "0003_speaker_organisation_country_per_language")],
    )
    executor.migrate(before)
    executor.loader.build_graph()
    old_speaker = executor.loader.project_state(before).apps.get_model("programme", "Speaker")
    old_speaker.objects.create(
        name_latin="Claire Martin", organisation="Région Occitanie", country="France"
    )
    old_speaker.objects.create(name_ar="سعاد بنعلي", organisation="جامعة محمد الأول", country="")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    new_speaker = executor.loader.project_state(after).apps.get_model("programme", "Speaker")
    assert sorted(
        new_speaker.objects.values_list("organisation_ar", "organisation_fr", "country_fr")
    ) == [("", "Région Occitanie", "France"), ("جامعة محمد الأول", "", "")]

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    executor.loader.build_graph()
    old_speaker = executor.loader.project_state(before).apps.get_model("programme", "Speaker")
    assert sorted(old_speaker.objects.values_list("organisation", flat=True)) == [
        "Région Occitanie",
        "جامعة محمد الأول",
    ]
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
