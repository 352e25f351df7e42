"""The programme's models, moved from the events app: the same tables (`db_table`), taken
into this app's state. State only: no table is made or touched."""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import programme.models.sessions
import uuid
import wagtail.contrib.routable_page.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('events', '0011_programme_leaves'),
        ('fairsite', '0005_role_matrix'),
        ('partnerships', '0005_public_flags'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ProgrammePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'programme',
                        'db_table': 'events_programmepage',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='Room',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name_ar', models.CharField(max_length=100, verbose_name='name (Arabic)')),
                        ('name_fr', models.CharField(max_length=100, verbose_name='name (French)')),
                        ('name_en', models.CharField(blank=True, max_length=100, verbose_name='name (English)')),
                        ('capacity', models.PositiveIntegerField(help_text='Seats in the room.', verbose_name='capacity')),
                        ('order', models.PositiveSmallIntegerField(default=0, help_text='Rooms are shown in this order, smallest first.', verbose_name='order')),
                        ('venue', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rooms', to='events.venue', verbose_name='venue')),
                    ],
                    options={
                        'verbose_name': 'room',
                        'verbose_name_plural': 'rooms',
                        'db_table': 'events_room',
                        'ordering': ['order', 'name_fr'],
                    },
                ),
                migrations.CreateModel(
                    name='Session',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('uid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ('title_ar', models.CharField(max_length=250, verbose_name='title (Arabic)')),
                        ('title_fr', models.CharField(max_length=250, verbose_name='title (French)')),
                        ('title_en', models.CharField(blank=True, max_length=250, verbose_name='title (English)')),
                        ('description_ar', models.TextField(blank=True, verbose_name='description (Arabic)')),
                        ('description_fr', models.TextField(blank=True, verbose_name='description (French)')),
                        ('description_en', models.TextField(blank=True, verbose_name='description (English)')),
                        ('type', models.CharField(choices=[('talk', 'Talk'), ('panel', 'Panel'), ('workshop', 'Workshop'), ('ceremony', 'Ceremony'), ('partnership_meeting', 'Partnership meeting'), ('b2b_block', 'B2B meetings')], default='talk', max_length=24, verbose_name='type')),
                        ('language', models.CharField(choices=[('ar', 'Arabic'), ('ary', 'Moroccan Arabic (Darija)'), ('zgh', 'Amazigh'), ('fr', 'French'), ('en', 'English'), ('es', 'Spanish'), ('mul', 'Several languages, with interpreting')], default='ar', max_length=8, verbose_name='language spoken')),
                        ('starts_at', models.DateTimeField(verbose_name='starts at')),
                        ('ends_at', models.DateTimeField(verbose_name='ends at')),
                        ('capacity', models.PositiveIntegerField(blank=True, help_text="Leave empty for the room's capacity.", null=True, verbose_name='places')),
                        ('signup_required', models.BooleanField(default=False, help_text='Visitors sign up for a place; when it is full they join a waiting list.', verbose_name='sign-up required')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published'), ('cancelled', 'Cancelled')], default='draft', max_length=12, verbose_name='status')),
                        ('sequence', models.PositiveIntegerField(default=0, editable=False, verbose_name='revision')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last modified')),
                        ('published_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='published at')),
                        ('edition', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sessions', to='events.edition', verbose_name='edition')),
                        ('room', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='sessions', to='programme.room', verbose_name='room')),
                    ],
                    options={
                        'verbose_name': 'session',
                        'verbose_name_plural': 'sessions',
                        'db_table': 'events_session',
                        'ordering': ['starts_at', 'room__order', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Agenda',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('secret', models.CharField(default=programme.models.sessions.agenda_secret, editable=False, max_length=64, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='agenda', to=settings.AUTH_USER_MODEL, verbose_name='account')),
                        ('sessions', models.ManyToManyField(blank=True, related_name='agendas', to='programme.session')),
                    ],
                    options={
                        'verbose_name': 'agenda',
                        'verbose_name_plural': 'agendas',
                        'db_table': 'events_agenda',
                    },
                ),
                migrations.CreateModel(
                    name='Speaker',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name_ar', models.CharField(blank=True, max_length=150, verbose_name='name in Arabic script')),
                        ('name_latin', models.CharField(blank=True, max_length=150, verbose_name='name in Latin script')),
                        ('organisation', models.CharField(blank=True, max_length=200, verbose_name='organisation')),
                        ('country', models.CharField(blank=True, max_length=100, verbose_name='country')),
                        ('bio_ar', models.TextField(blank=True, verbose_name='biography (Arabic)')),
                        ('bio_fr', models.TextField(blank=True, verbose_name='biography (French)')),
                        ('bio_en', models.TextField(blank=True, verbose_name='biography (English)')),
                        ('languages', models.JSONField(blank=True, default=list, verbose_name='languages spoken')),
                        ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='photo')),
                    ],
                    options={
                        'verbose_name': 'speaker',
                        'verbose_name_plural': 'speakers',
                        'db_table': 'events_speaker',
                        'ordering': ['name_latin', 'name_ar'],
                    },
                ),
                migrations.AddField(
                    model_name='session',
                    name='speakers',
                    field=models.ManyToManyField(blank=True, related_name='sessions', to='programme.speaker', verbose_name='speakers'),
                ),
                migrations.CreateModel(
                    name='Track',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slug', models.SlugField(help_text="In the track's calendar address.", verbose_name='slug')),
                        ('name_ar', models.CharField(max_length=150, verbose_name='name (Arabic)')),
                        ('name_fr', models.CharField(max_length=150, verbose_name='name (French)')),
                        ('name_en', models.CharField(blank=True, max_length=150, verbose_name='name (English)')),
                        ('colour', models.CharField(default='#1b5e20', max_length=7, validators=[django.core.validators.RegexValidator('^#[0-9a-fA-F]{6}$', 'A colour like #1b5e20.')], verbose_name='colour')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tracks', to='events.edition', verbose_name='edition')),
                    ],
                    options={
                        'verbose_name': 'track',
                        'verbose_name_plural': 'tracks',
                        'db_table': 'events_track',
                        'ordering': ['order', 'name_fr'],
                    },
                ),
                migrations.AddField(
                    model_name='session',
                    name='track',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='sessions', to='programme.track', verbose_name='track'),
                ),
                migrations.CreateModel(
                    name='RoomAvailability',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('starts_at', models.DateTimeField(verbose_name='from')),
                        ('ends_at', models.DateTimeField(verbose_name='until')),
                        ('room', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='availability', to='programme.room')),
                    ],
                    options={
                        'verbose_name': 'availability window',
                        'verbose_name_plural': 'availability windows',
                        'db_table': 'events_roomavailability',
                        'ordering': ['starts_at'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='events_roomavailability_ends_after_start', violation_error_message='A window must end after it starts.')],
                    },
                ),
                migrations.CreateModel(
                    name='SessionChange',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('moved', 'New time or room'), ('cancelled', 'Cancelled')], max_length=12, verbose_name='change')),
                        ('sequence', models.PositiveIntegerField(verbose_name='revision')),
                        ('previous_starts_at', models.DateTimeField(verbose_name='was at')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='changed at')),
                        ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='people told at')),
                        ('previous_room', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='programme.room', verbose_name='was in')),
                        ('session', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='changes', to='programme.session', verbose_name='session')),
                    ],
                    options={
                        'verbose_name': 'programme change',
                        'verbose_name_plural': 'programme changes',
                        'db_table': 'events_sessionchange',
                        'ordering': ['-created_at', '-pk'],
                        'constraints': [models.UniqueConstraint(fields=('session', 'sequence'), name='events_sessionchange_one_per_revision')],
                    },
                ),
                migrations.CreateModel(
                    name='SessionSignup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('confirmed', 'Confirmed'), ('waiting', 'On the waiting list'), ('cancelled', 'Cancelled')], max_length=12, verbose_name='status')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='signed up at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('attendee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='session_signups', to='events.attendee', verbose_name='attendee')),
                        ('session', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='signups', to='programme.session', verbose_name='session')),
                    ],
                    options={
                        'verbose_name': 'sign-up',
                        'verbose_name_plural': 'sign-ups',
                        'db_table': 'events_sessionsignup',
                        'ordering': ['created_at', 'pk'],
                        'indexes': [models.Index(fields=['session', 'status', 'created_at'], name='events_signup_queue')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'cancelled'), _negated=True), fields=('session', 'attendee'), name='events_sessionsignup_once')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='speaker',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('name_ar', ''), _negated=True), models.Q(('name_latin', ''), _negated=True), _connector='OR'), name='events_speaker_has_a_name', violation_error_message="Give the speaker's name in at least one script."),
                ),
                migrations.AddConstraint(
                    model_name='track',
                    constraint=models.UniqueConstraint(fields=('edition', 'slug'), name='events_track_unique_slug'),
                ),
                migrations.AddIndex(
                    model_name='session',
                    index=models.Index(fields=['edition', 'status', 'starts_at'], name='events_session_programme'),
                ),
                migrations.AddIndex(
                    model_name='session',
                    index=models.Index(fields=['room', 'starts_at'], name='events_session_room_time'),
                ),
                migrations.AddConstraint(
                    model_name='session',
                    constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='events_session_ends_after_start', violation_error_message='A session must end after it starts.'),
                ),
            ],
        )
    ]
