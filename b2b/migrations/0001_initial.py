"""The B2B models, moved from the partnerships app: the same tables (`db_table`), taken
into this app's state. State only: no table is made or touched."""

import b2b.models
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('events', '0012_programme_left'),
        ('exhibitors', '0005_staff_badges'),
        ('partnerships', '0007_b2b_leaves'),
        ('programme', '0002_from_events'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='B2BBlock',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('starts_at', models.DateTimeField(verbose_name='starts at')),
                        ('ends_at', models.DateTimeField(verbose_name='ends at')),
                        ('slot_minutes', models.PositiveSmallIntegerField(default=20, verbose_name='minutes a meeting')),
                        ('tables', models.PositiveSmallIntegerField(default=10, verbose_name='tables')),
                        ('place', models.CharField(blank=True, max_length=150, verbose_name='place')),
                        ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='b2b_blocks', to='events.edition', verbose_name='edition')),
                    ],
                    options={
                        'verbose_name': 'meeting block',
                        'verbose_name_plural': 'meeting blocks',
                        'db_table': 'partnerships_b2bblock',
                        'ordering': ['starts_at'],
                    },
                ),
                migrations.CreateModel(
                    name='B2BMeeting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('starts_at', models.DateTimeField(verbose_name='starts at')),
                        ('ends_at', models.DateTimeField(verbose_name='ends at')),
                        ('table', models.PositiveSmallIntegerField(verbose_name='table')),
                        ('confirmed', models.BooleanField(default=False, help_text='A confirmed meeting stays where it is when the meetings are placed again.', verbose_name='confirmed')),
                        ('sequence', models.PositiveIntegerField(default=0, editable=False)),
                        ('cancelled_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='cancelled at')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('block', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meetings', to='b2b.b2bblock', verbose_name='block')),
                    ],
                    options={
                        'verbose_name': 'B2B meeting',
                        'verbose_name_plural': 'B2B meetings',
                        'db_table': 'partnerships_b2bmeeting',
                        'ordering': ['starts_at', 'table'],
                    },
                ),
                migrations.CreateModel(
                    name='B2BParticipant',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('exhibitor', 'Exhibitor'), ('delegation', 'Delegation member'), ('buyer', 'Buyer'), ('partner', 'Partner')], max_length=12, verbose_name='taking part as')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('organisation', models.CharField(blank=True, max_length=200, verbose_name='organisation')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                        ('language', models.CharField(choices=[('ar', 'العربية'), ('fr', 'Français'), ('en', 'English')], default='ar', max_length=8, verbose_name='language')),
                        ('offers', models.TextField(blank=True, verbose_name='what we offer')),
                        ('seeks', models.TextField(blank=True, verbose_name='what we look for')),
                        ('secret', models.CharField(default=b2b.models.participant_secret, editable=False, max_length=64, unique=True)),
                        ('is_active', models.BooleanField(default=True, verbose_name='active')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='registered at')),
                        ('attendee', models.ForeignKey(blank=True, help_text='The sessions they signed up for are kept free of meetings.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='b2b_participations', to='events.attendee', verbose_name='badge holder')),
                        ('cooperative', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='b2b_participations', to='exhibitors.cooperative', verbose_name='cooperative')),
                        ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='b2b_participants', to='events.edition', verbose_name='edition')),
                        ('partner_region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='b2b_participants', to='partnerships.partnerregion', verbose_name='delegation of')),
                        ('speaker', models.ForeignKey(blank=True, help_text='The sessions where they speak are kept free of meetings.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='b2b_participations', to='programme.speaker', verbose_name='speaker')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='b2b_participations', to=settings.AUTH_USER_MODEL, verbose_name='account')),
                    ],
                    options={
                        'verbose_name': 'B2B participant',
                        'verbose_name_plural': 'B2B participants',
                        'db_table': 'partnerships_b2bparticipant',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='B2BSeat',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('starts_at', models.DateTimeField()),
                        ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='seats', to='b2b.b2bmeeting')),
                        ('participant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='seats', to='b2b.b2bparticipant')),
                    ],
                    options={
                        'db_table': 'partnerships_b2bseat',
                    },
                ),
                migrations.CreateModel(
                    name='MeetingRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.TextField(blank=True, verbose_name='message')),
                        ('status', models.CharField(choices=[('pending', 'Waiting for an answer'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('expired', 'Expired'), ('cancelled', 'Cancelled')], default='pending', max_length=12, verbose_name='status')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='asked at')),
                        ('answered_at', models.DateTimeField(blank=True, null=True, verbose_name='answered at')),
                        ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='b2b_requests', to='events.edition', verbose_name='edition')),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='requests_received', to='b2b.b2bparticipant', verbose_name='asked to')),
                        ('requester', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='requests_made', to='b2b.b2bparticipant', verbose_name='asked by')),
                    ],
                    options={
                        'verbose_name': 'meeting request',
                        'verbose_name_plural': 'meeting requests',
                        'db_table': 'partnerships_meetingrequest',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.AddField(
                    model_name='b2bmeeting',
                    name='request',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='meeting', to='b2b.meetingrequest', verbose_name='request'),
                ),
                migrations.AddConstraint(
                    model_name='b2bblock',
                    constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='partnerships_block_ends_after_start', violation_error_message='A block must end after it starts.'),
                ),
                migrations.AddConstraint(
                    model_name='b2bblock',
                    constraint=models.CheckConstraint(condition=models.Q(('slot_minutes__gte', 5), ('tables__gte', 1)), name='partnerships_block_slots_and_tables', violation_error_message='Meetings last five minutes or more, at one table or more.'),
                ),
                migrations.AddConstraint(
                    model_name='b2bparticipant',
                    constraint=models.UniqueConstraint(condition=models.Q(('user__isnull', False)), fields=('edition', 'user'), name='partnerships_participant_once_per_edition'),
                ),
                migrations.AddConstraint(
                    model_name='b2bseat',
                    constraint=models.UniqueConstraint(fields=('participant', 'starts_at'), name='partnerships_one_meeting_at_a_time'),
                ),
                migrations.AddIndex(
                    model_name='meetingrequest',
                    index=models.Index(fields=['edition', 'status'], name='partnerships_request_state'),
                ),
                migrations.AddConstraint(
                    model_name='meetingrequest',
                    constraint=models.CheckConstraint(condition=models.Q(('requester', models.F('recipient')), _negated=True), name='partnerships_request_not_to_oneself'),
                ),
                migrations.AddConstraint(
                    model_name='meetingrequest',
                    constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['pending', 'accepted'])), fields=('requester', 'recipient'), name='partnerships_request_once'),
                ),
                migrations.AddConstraint(
                    model_name='b2bmeeting',
                    constraint=models.UniqueConstraint(condition=models.Q(('cancelled_at__isnull', True)), fields=('block', 'starts_at', 'table'), name='partnerships_one_meeting_a_table'),
                ),
            ],
        )
    ]
