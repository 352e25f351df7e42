"""Screens at the fair: what is on now and next in each room, for the whole venue or for one
room's door, in Arabic and French together, legible from across a hall.

The page is drawn by the server and then kept up to date by `static/js/signage.js`, which
asks `signage/now.json` every 30 seconds: every session of the room (or of the venue) that
has not ended today, so that the screen can move on from one session to the next by itself,
on the fair's clock, even while the network is down.
"""

import dataclasses
import datetime
import hashlib
import json
from collections import defaultdict

from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from events.models import Edition
from fairsite.i18n import RTL_LANGUAGES, active_language, as_written, join_list, localized_value
from programme.models import Room, Session, SessionChange, Speaker
from programme.selectors import day_bounds, programme_rooms, programme_version

# Arabic and French on every screen: the page's language first, the other one under it.
SCREEN_LANGUAGES = {"ar": ("ar", "fr"), "fr": ("fr", "ar"), "en": ("en", "ar")}
POLL_SECONDS = 30
# What a screen shows changes at whole minutes (sessions start and end on them): one answer
# per minute and version of the programme, shared by every screen.
DATA_CACHE_SECONDS = 60
LATER_COUNT = 3


@dataclasses.dataclass
class RoomBoard:
    room: Room
    sessions: list[Session]  # still to end today, in time order
    current: Session | None
    next: Session | None


def signage_sessions(
    *, edition: Edition, at: datetime.datetime, rooms: list[Room]
) -> list[Session]:
    """The edition's public sessions in these rooms that have not ended at `at` and start
    before that day ends at the fair, in time order, with their track and speakers, and
    `last_move` (their latest change of time or room, None if they never moved). Three
    queries."""
    day = at.astimezone(edition.zone).date()
    _starts, day_ends = day_bounds(day, edition.time_zone)
    sessions = list(
        Session.objects.published()
        .filter(edition=edition, room__in=rooms, ends_at__gt=at, starts_at__lt=day_ends)
        .select_related("track")
        .prefetch_related(
            Prefetch("speakers", queryset=Speaker.objects.order_by("name_latin", "name_ar"))
        )
        .order_by("starts_at", "pk")
    )
    moves = (
        SessionChange.objects.filter(session__in=sessions, kind=SessionChange.Kind.MOVED)
        .select_related("previous_room")
        .order_by("session_id", "-sequence")
    )
    latest = {}
    for change in moves:
        latest.setdefault(change.session_id, change)
    for session in sessions:
        session.last_move = latest.get(session.pk)
    return sessions


def signage_boards(
    *, edition: Edition, at: datetime.datetime, rooms: list[Room]
) -> list[RoomBoard]:
    """Each room's sessions still to end today, the one on now and the next one, at `at`.

    Now is a session that has started and not ended (one that is held rather than a
    cancelled one in the same hours); next is the first that starts later, cancelled or not:
    people coming for it must learn that it is off.
    """
    by_room = defaultdict(list)
    for session in signage_sessions(edition=edition, at=at, rooms=rooms):
        session.room = next(room for room in rooms if room.pk == session.room_id)
        by_room[session.room_id].append(session)
    boards = []
    for room in rooms:
        sessions = by_room[room.pk]
        running = [session for session in sessions if session.starts_at <= at]
        held = [session for session in running if not session.is_cancelled]
        upcoming = [session for session in sessions if session.starts_at > at]
        boards.append(
            RoomBoard(
                room=room,
                sessions=sessions,
                current=(held or running or [None])[-1],
                next=upcoming[0] if upcoming else None,
            )
        )
    return boards


def _texts(obj, field: str) -> dict[str, str]:
    """A field in each language of the screens (the nearest one where it is missing)."""
    return {code: localized_value(obj, field, code) for code in ("ar", "fr", "en")}


def _session_data(session: Session, zone) -> dict:
    starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    move = session.last_move
    moved = None
    if move is not None:
        was = move.previous_starts_at.astimezone(zone)
        moved = {
            "time": f"{was:%H:%M}" if was != starts else None,
            "room": _texts(move.previous_room, "name")
            if move.previous_room_id and move.previous_room_id != session.room_id
            else None,
        }
        if not (moved["time"] or moved["room"]):
            moved = None
    return {
        "id": str(session.uid),
        "starts": session.starts_at.astimezone(datetime.UTC).isoformat(),
        "ends": session.ends_at.astimezone(datetime.UTC).isoformat(),
        "time": f"{starts:%H:%M}–{ends:%H:%M}",
        "title": _texts(session, "title"),
        "speakers": join_list(
            speaker.name_latin or speaker.name_ar for speaker in session.speakers.all()
        ),
        "cancelled": session.is_cancelled,
        "moved": moved,
        "colour": session.track.colour if session.track_id else None,
    }


def signage_payload(*, edition: Edition, at: datetime.datetime, rooms: list[Room]) -> dict:
    """What a screen needs, in every language at once: the day, and for each room its
    sessions still to end today with the one on now and the next one at `at`."""
    zone = edition.zone
    day = at.astimezone(zone).date()
    dates = {}
    for code in ("ar", "fr", "en"):
        with translation.override(code):
            dates[code] = date_format(day, "l j F")
    return {
        "day": day.isoformat(),
        "date": dates,
        "zone": edition.time_zone,
        # The fair's clock as minutes ahead of UTC: the screen's browser may not know the
        # zone's latest rules (Morocco's changes around Ramadan).
        "offset": int(at.astimezone(zone).utcoffset().total_seconds() // 60),
        "rooms": [
            {
                "id": board.room.pk,
                "name": _texts(board.room, "name"),
                "now": str(board.current.uid) if board.current else None,
                "next": str(board.next.uid) if board.next else None,
                "sessions": [_session_data(session, zone) for session in board.sessions],
            }
            for board in signage_boards(edition=edition, at=at, rooms=rooms)
        ],
    }


def _edition_or_404() -> Edition:
    edition = Edition.objects.current()
    if edition is None:
        raise Http404
    return edition


def _venue_rooms(edition: Edition) -> list[Room]:
    """The rooms of the programme, in their order."""
    return list(programme_rooms(edition=edition).order_by("order", "name_fr", "pk"))


def _room_or_404(edition: Edition, room_id: int) -> Room:
    room = Room.objects.filter(pk=room_id, venue_id=edition.venue_id).first()
    if room is None:
        raise Http404
    return room


def _rooms(request, edition: Edition) -> list[Room]:
    room_id = request.GET.get("room", "")
    if room_id:
        if not room_id.isdigit():
            raise Http404
        return [_room_or_404(edition, int(room_id))]
    return _venue_rooms(edition)


@require_GET
def signage_data(request):
    """The screens' JSON (see `signage_payload`), for the venue or `?room=<id>`: public,
    kept a minute by the server, revalidated by the screens with its ETag."""
    edition = _edition_or_404()
    rooms = _rooms(request, edition)
    at = timezone.now()
    key = (
        "signage:"
        + hashlib.sha256(
            f"{[room.pk for room in rooms]}|{programme_version(edition=edition, seats=False)}|"
            f"{at:%Y%m%d%H%M}".encode()
        ).hexdigest()
    )
    body = cache.get(key)
    if body is None:
        payload = signage_payload(edition=edition, at=at, rooms=rooms)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        cache.set(key, body, DATA_CACHE_SECONDS)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=POLL_SECONDS // 2)
    return response


def _bilingual(texts: dict[str, str], languages: tuple[str, str]) -> list[dict]:
    """A text in the screen's two languages, the second left out when it reads the same."""
    shown = []
    for code in languages:
        text = texts.get(code, "")
        if text and text not in (item["text"] for item in shown):
            shown.append(
                {"lang": code, "dir": "rtl" if code in RTL_LANGUAGES else "ltr", "text": text}
            )
    return shown


def _labels(languages: tuple[str, str]) -> dict[str, dict[str, str]]:
    """The screens' words in both of their languages."""
    words = {}
    for code in languages:
        with translation.override(code):
            for name, text in {
                "programme": _("Programme"),
                "now": pgettext("on a screen at the fair", "Now"),
                "next": pgettext("on a screen at the fair", "Next"),
                "later": _("Later today"),
                "cancelled": _("Cancelled"),
                "moved_time": _("New time (was %(time)s)"),
                "moved_room": _("Moved from %(room)s"),
                "free": _("Nothing on"),
                "done": _("Nothing more today"),
                "stale": _("Not updated since %(time)s"),
            }.items():
                words.setdefault(name, {})[code] = text
    return words


def _screen(request, *, edition: Edition, rooms: list[Room], room: Room | None):
    languages = SCREEN_LANGUAGES.get(active_language(), ("ar", "fr"))
    at = timezone.now()
    payload = signage_payload(edition=edition, at=at, rooms=rooms)
    labels = _labels(languages)
    boards = []
    for data in payload["rooms"]:
        sessions = {item["id"]: item for item in data["sessions"]}
        current, upcoming = sessions.get(data["now"]), sessions.get(data["next"])
        order = [item["id"] for item in data["sessions"]]
        later = data["sessions"][order.index(data["next"]) + 1 :] if upcoming else []
        boards.append(
            {
                "id": data["id"],
                "name": _bilingual(data["name"], languages),
                "now": _for_page(current, languages, labels),
                "next": _for_page(upcoming, languages, labels),
                "later": [_for_page(item, languages, labels) for item in later[:LATER_COUNT]],
            }
        )
    source = reverse("attendance:signage_data")
    return render(
        request,
        "programme/signage_room.html" if room else "programme/signage.html",
        {
            "edition": edition,
            "languages": languages,
            "labels": {name: _bilingual(texts, languages) for name, texts in labels.items()},
            "screen": {
                "languages": languages,
                "labels": labels,
                "zone": edition.time_zone,
                "offset": payload["offset"],
                "source": source + (f"?room={room.pk}" if room else ""),
                "poll": POLL_SECONDS,
                "room": room.pk if room else None,
            },
            "payload": payload,
            "boards": boards,
            "board": boards[0] if room else None,
            "room_name": _bilingual(_texts(room, "name"), languages) if room else None,
            "date": _bilingual(payload["date"], languages),
            "clock": f"{at.astimezone(edition.zone):%H:%M}",
            "done": not any(board["now"] or board["next"] for board in boards),
        },
    )


def _for_page(item: dict | None, languages, labels) -> dict | None:
    """A session of the payload as the page's template draws it."""
    if item is None:
        return None
    notes = []
    if item["moved"]:
        if item["moved"]["time"]:
            notes.append(
                {
                    code: labels["moved_time"][code] % {"time": item["moved"]["time"]}
                    for code in languages
                }
            )
        if item["moved"]["room"]:
            notes.append(
                {
                    code: labels["moved_room"][code] % {"room": item["moved"]["room"][code]}
                    for code in languages
                }
            )
    return {
        **item,
        "title": _bilingual(item["title"], languages),
        "speakers": as_written(item["speakers"]),
        "notes": [_bilingual(note, languages) for note in notes],
    }


@require_GET
def signage_venue(request):
    """The whole venue's screen: each room, what is on now and next."""
    edition = _edition_or_404()
    return _screen(request, edition=edition, rooms=_venue_rooms(edition), room=None)


@require_GET
def signage_room(request, room_id: int):
    """A room's screen, at its door: what is on now, next, and later today."""
    edition = _edition_or_404()
    room = _room_or_404(edition, room_id)
    return _screen(request, edition=edition, rooms=[room], room=room)
