/* A screen at the fair keeps itself up to date without reloading.

   Every 30 seconds it asks the server for the day's sessions (signage/now.json, revalidated
   with its ETag) and draws what is on now and next; between answers, and while the network
   is down, it keeps the last answer and moves on from one session to the next by itself,
   on the fair's clock (the server's Date header corrects a screen whose own clock is off).
   The markup is the one the server draws (programme/signage*.html). */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("signage-screen").textContent);
  var languages = config.languages;
  var labels = config.labels;
  var board = document.querySelector("[data-signage-board]");
  var clock = document.querySelector(".signage-clock");
  var dateLine = document.querySelector(".signage-date");
  var staleLine = document.querySelector("[data-signage-stale]");
  var skew = 0; // the server's clock less this screen's, in milliseconds
  var data = null;
  var fetchedAt = 0;
  var drawn = "";
  var offset = config.offset; // the fair's clock, in minutes ahead of UTC (from the server)

  // On the fair's clock by the server's offset, not the browser's zone rules, which may be
  // out of date.
  function fairDate(date) { return new Date(date.getTime() + offset * 60000); }
  function pad(number) { return (number < 10 ? "0" : "") + number; }
  var timeFormat = { format: function (date) {
    var fair = fairDate(date);
    return pad(fair.getUTCHours()) + ":" + pad(fair.getUTCMinutes());
  } };
  var dayFormat = { format: function (date) { return fairDate(date).toISOString().slice(0, 10); } };

  function now() { return new Date(Date.now() + skew); }

  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // A text in the screen's two languages, the second left out when it reads the same.
  function bilingual(texts) {
    var shown = [];
    var spans = [];
    languages.forEach(function (code) {
      var text = texts && texts[code];
      if (!text || shown.indexOf(text) !== -1) return;
      shown.push(text);
      var span = el("span", "bi bi--" + shown.length, [text]);
      span.lang = code;
      span.dir = code === "ar" ? "rtl" : "ltr";
      spans.push(span);
    });
    return spans;
  }

  function fill(node, texts) {
    bilingual(texts).forEach(function (span) { node.appendChild(span); });
    return node;
  }

  function each(template, values) {
    var texts = {};
    languages.forEach(function (code) {
      texts[code] = labels[template][code].replace(/%\((\w+)\)s/g, function (_, name) {
        var value = values[name];
        return typeof value === "object" ? value[code] : value;
      });
    });
    return texts;
  }

  function session(item, full) {
    var node = el("div", "signage-session" + (item.cancelled ? " signage-session--cancelled" : ""));
    if (item.colour) node.style.setProperty("--track-colour", item.colour);
    var time = el("p", "signage-session__time", [item.time]);
    time.dir = "ltr";
    node.appendChild(time);
    node.appendChild(fill(el("p", "signage-session__title"), item.title));
    if (item.cancelled) {
      node.appendChild(fill(el("p", "signage-flag signage-flag--cancelled"), labels.cancelled));
    }
    if (item.moved && item.moved.time) {
      node.appendChild(fill(el("p", "signage-flag signage-flag--moved"), each("moved_time", { time: item.moved.time })));
    }
    if (item.moved && item.moved.room) {
      node.appendChild(fill(el("p", "signage-flag signage-flag--moved"), each("moved_room", { room: item.moved.room })));
    }
    if (full && item.speakers) node.appendChild(el("p", "signage-session__speakers", [item.speakers]));
    return node;
  }

  // The same rule as the server's (programme.signage_views.signage_boards).
  function nowAndNext(room, at) {
    var running = [], held = [], upcoming = [];
    room.sessions.forEach(function (item) {
      var starts = Date.parse(item.starts), ends = Date.parse(item.ends);
      if (ends <= at) return;
      if (starts <= at) {
        running.push(item);
        if (!item.cancelled) held.push(item);
      } else {
        upcoming.push(item);
      }
    });
    var current = held.length ? held[held.length - 1] : running.length ? running[running.length - 1] : null;
    return { now: current, next: upcoming[0] || null, later: upcoming.slice(1, 4) };
  }

  function slot(tag, className, label, item, emptyLabel, full, headingId) {
    var node = el(tag === "section" ? "section" : "div", "signage-slot " + className);
    var heading = fill(el(headingId ? "h2" : "p", "signage-slot__label"), labels[label]);
    if (headingId) {
      heading.id = headingId;
      node.setAttribute("aria-labelledby", headingId);
    }
    node.appendChild(heading);
    node.appendChild(item ? session(item, full) : fill(el("p", "signage-slot__empty"), labels[emptyLabel]));
    return node;
  }

  function draw() {
    if (!data) return;
    var at = now().getTime();
    var boards = data.rooms.map(function (room) {
      var found = nowAndNext(room, at);
      found.room = room;
      return found;
    });
    var nodes = [];
    var done = !boards.some(function (found) { return found.now || found.next; });
    if (done || dayFormat.format(now()) !== data.day) {
      nodes.push(fill(el("p", "signage-done"), labels.done));
    } else if (config.room) {
      var found = boards[0];
      nodes.push(slot("section", "signage-slot--now", "now", found.now, "free", true, "signage-now"));
      nodes.push(slot("section", "signage-slot--next", "next", found.next, "done", true, "signage-next"));
      if (found.later.length) {
        var later = el("section", "signage-slot signage-slot--later");
        later.setAttribute("aria-labelledby", "signage-later");
        var heading = fill(el("h2", "signage-slot__label"), labels.later);
        heading.id = "signage-later";
        later.appendChild(heading);
        later.appendChild(el("ol", "signage-later", found.later.map(function (item) {
          return el("li", "", [session(item, false)]);
        })));
        nodes.push(later);
      }
    } else {
      boards.forEach(function (found) {
        var section = el("section", "signage-room");
        var id = "signage-room-" + found.room.id;
        section.setAttribute("aria-labelledby", id);
        var name = fill(el("h2", "signage-room__name"), found.room.name);
        name.id = id;
        section.appendChild(name);
        section.appendChild(slot("div", "signage-slot--now", "now", found.now, "free", false));
        section.appendChild(slot("div", "signage-slot--next", "next", found.next, "done", false));
        nodes.push(section);
      });
    }
    var wrapper = el("div", "", nodes);
    // Redrawn only when something shown changed: no flicker, no lost text selection.
    if (wrapper.innerHTML !== drawn) {
      drawn = wrapper.innerHTML;
      board.replaceChildren.apply(board, nodes);
      board.style.setProperty("--rows", String(Math.max(data.rooms.length, 1)));
    }
    if (dateLine && data.date) dateLine.replaceChildren.apply(dateLine, bilingual(data.date));
  }

  function tick() {
    if (clock) clock.textContent = timeFormat.format(now());
    if (staleLine) {
      // A minute and a half without an answer: say since when the screen has not heard.
      var stale = fetchedAt && Date.now() - fetchedAt > 3 * config.poll * 1000;
      staleLine.hidden = !stale;
      if (stale) {
        var since = timeFormat.format(new Date(fetchedAt + skew));
        staleLine.replaceChildren.apply(staleLine, bilingual(each("stale", { time: since })));
      }
    }
    draw();
  }

  function poll() {
    fetch(config.source, { cache: "no-cache", headers: { Accept: "application/json" } })
      .then(function (response) {
        var date = Date.parse(response.headers.get("Date") || "");
        if (!isNaN(date)) skew = date - Date.now();
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (answer) {
        data = answer;
        if (typeof answer.offset === "number") offset = answer.offset;
        fetchedAt = Date.now();
        tick();
      })
      .catch(function () { /* offline: the last answer stays on the screen */ });
  }

  fetchedAt = Date.now();
  poll();
  setInterval(poll, config.poll * 1000);
  setInterval(tick, 1000);
  // Back on the network, or the screen woken: ask at once rather than at the next turn.
  window.addEventListener("online", poll);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) poll();
  });
})();
