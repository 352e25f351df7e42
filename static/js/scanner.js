/* The scanner page of gates, stands and rooms (config.mode: "gate", "stand", "room").
   A device is paired once, by scanning the pairing QR an organiser (or, for a stand, the
   exhibitor) shows it, or typing its code; the token it gets back stays on the device.
   Scans go to the server when it answers; when it does not, the page verifies the badge's
   Ed25519 signature itself with the published keys, remembers whom it admitted (gates),
   queues the scan and sends the queue (POST sync) when the network returns. */
(() => {
  "use strict";

  const config = JSON.parse(document.getElementById("gate-config").textContent);
  const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const EPOCH = Date.UTC(2020, 0, 1);
  const CODE_BYTES = 76;
  const PAYLOAD_BYTES = 12;
  /* 24-hour times with Latin digits, as they are written in Morocco, on the fair's clock:
     the server's table of the zone's UTC offsets, not the device's zone or its zone data. */
  const language = document.documentElement.lang;
  const utcClock = new Intl.DateTimeFormat(language === "ar" ? "ar-MA" : language, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  });
  function onFairClock(date) {
    let minutes = config.utc_offsets[0][1];
    for (const [since, offset] of config.utc_offsets) if (since <= date.getTime()) minutes = offset;
    return new Date(date.getTime() + minutes * 60000);
  }
  const clock = { format: (date) => utcClock.format(onFairClock(date)) };
  const REFUSED = new Set(["revoked", "invalid", "wrong_edition", "not_valid_today", "rehearsal_over", "full", "refused"]);
  const mode = config.mode || "gate";
  const PAIRING_PREFIX = "PAIR:";

  const $ = (id) => document.getElementById(id);
  const setupForm = $("gate-setup");
  const scanForm = $("gate-scan");
  const codeInput = $("gate-code");
  const resultBox = $("gate-result");
  const network = $("gate-network");
  const last = $("gate-last");
  const gateName = $("gate-name");
  const setupError = $("gate-setup-error");
  const noteForm = $("scanner-note");
  const unknownGate = gateName.textContent;

  const store = {
    get(key, fallback) {
      try {
        const value = localStorage.getItem(mode + "." + key);
        return value === null ? fallback : JSON.parse(value);
      } catch (error) {
        return fallback;
      }
    },
    set(key, value) {
      localStorage.setItem(mode + "." + key, JSON.stringify(value));
    },
  };

  let token = store.get("token", "");
  let keys = store.get("keys", null);
  let revoked = new Set(store.get("revoked", []));
  let revokedUntil = store.get("revokedUntil", "");
  let admitted = store.get("admitted", {});
  let queue = store.get("queue", []);
  let gate = store.get("gate", null);
  let syncing = false;

  /* The header names the gate the token belongs to, as the server last told it in the page's
     language; "Gate" until then. */
  function showGate() {
    gateName.textContent = gate && gate.language === language ? gate.name : unknownGate;
  }

  function setGate(value) {
    gate = value;
    store.set("gate", gate);
    showGate();
  }

  function today() {
    return Math.floor((onFairClock(new Date()).getTime() - EPOCH) / 86400000);
  }

  function base32(text) {
    let bits = 0;
    let value = 0;
    const bytes = [];
    for (const character of text) {
      const index = ALPHABET.indexOf(character);
      if (index < 0) return null;
      value = ((value << 5) | index) & 0xffff;
      bits += 5;
      if (bits >= 8) {
        bytes.push((value >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return new Uint8Array(bytes);
  }

  function headers() {
    return {
      "Content-Type": "application/json",
      "Accept-Language": document.documentElement.lang,
      Authorization: "Bearer " + token,
    };
  }

  async function fetchJson(url, options = {}, timeout = 2500) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
      const response = await fetch(url, { ...options, signal: controller.signal, credentials: "omit" });
      if (response.status === 401) {
        setGate(null);
        showSetup();
        throw new Error("unauthorised");
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  }

  /* The keys and rules for judging badges offline, then what the device is paired to (and,
     at a gate, the badges revoked since last asked). */
  async function refreshKeys() {
    try {
      keys = await fetchJson(config.urls.keys);
      store.set("keys", keys);
      const since = revokedUntil ? "?since=" + encodeURIComponent(revokedUntil) : "";
      const status = await fetchJson(config.urls.status + since, { headers: headers() });
      if (status.post) setGate({ name: status.post.name, language });
      if (status.revoked) {
        status.revoked.forEach((id) => revoked.add(id));
        revokedUntil = status.until;
        store.set("revoked", [...revoked]);
        store.set("revokedUntil", revokedUntil);
      }
    } catch (error) {
      /* Offline: the copies kept on this device are used. */
    }
  }

  /* Trade a pairing code (scanned "PAIR:…" or typed) for this device's token. A long text
     that is no pairing code is taken as a token given by hand (manage.py gate_token). */
  async function pair(text) {
    const cleaned = text.trim().toUpperCase().replace(PAIRING_PREFIX, "").replace(/[^A-Z0-9]/g, "");
    setupError.textContent = "";
    if (!text.toUpperCase().startsWith(PAIRING_PREFIX) && text.trim().length > 20) {
      return paired(text.trim(), null);
    }
    network.textContent = config.messages.pairing;
    try {
      const response = await fetch(config.urls.pair, {
        method: "POST",
        credentials: "omit",
        headers: { "Content-Type": "application/json", "Accept-Language": language },
        body: JSON.stringify({ code: cleaned }),
      });
      const answer = await response.json();
      if (!response.ok) {
        stopCamera(); /* not the same refused code again every few seconds */
        setupError.textContent = answer.error || config.messages.pairing_failed;
        updateNetwork();
        return;
      }
      paired(answer.token, answer.post);
    } catch (error) {
      setupError.textContent = config.messages.pairing_failed;
      updateNetwork();
    }
  }

  function paired(newToken, post) {
    token = newToken;
    store.set("token", token);
    setGate(post ? { name: post.name, language } : null);
    stopCamera();
    setupForm.hidden = true;
    scanForm.hidden = false;
    $("gate-token").value = "";
    network.textContent = config.messages.paired;
    codeInput.focus();
    refreshKeys().then(sync);
  }

  async function verifyOffline(code, direction) {
    const raw = base32(code);
    if (!raw || raw.length !== CODE_BYTES || !keys) return { result: "invalid" };
    const payload = raw.slice(0, PAYLOAD_BYTES);
    const view = new DataView(payload.buffer);
    const keyId = payload[1];
    const badgeId = view.getUint32(2);
    const editionId = view.getUint16(6);
    const category = payload[8];
    const firstDay = view.getUint16(9);
    const days = payload[11];
    const published = keys.keys.find((key) => key.id === keyId);
    if (payload[0] !== keys.version || !published) return { result: "invalid" };
    let genuine = false;
    try {
      const publicKey = await crypto.subtle.importKey(
        "raw",
        Uint8Array.from(atob(published.public_key), (c) => c.charCodeAt(0)),
        { name: "Ed25519" },
        false,
        ["verify"],
      );
      genuine = await crypto.subtle.verify("Ed25519", publicKey, raw.slice(PAYLOAD_BYTES), payload);
    } catch (error) {
      genuine = false;
    }
    const edition = keys.edition || {};
    const test = category === edition.test_category;
    const badge = { id: badgeId, category_label: (config.categories[category] || {}).label || "" };
    if (!genuine) return { result: "invalid" };
    if (editionId !== config.edition) return { result: "wrong_edition", badge };
    if (revoked.has(badgeId)) return { result: "revoked", badge };
    const day = today();
    if (test) {
      /* A test badge passes on any day while the gates are rehearsed, never otherwise. */
      if (!edition.rehearsal) return { result: "rehearsal_over", badge };
      badge.rehearsal = true;
    } else if (day < firstDay || day > firstDay + days - 1) {
      return { result: "not_valid_today", badge };
    }
    if (mode !== "gate") {
      /* A stand or a room decides with the server: the scan is kept and sent later. */
      return { result: "queued", badge, rehearsal: test, message: config.messages.offline_recorded };
    }
    const unlimited = edition.unlimited_entry || [];
    if (direction === "in" && !unlimited.includes(category) && admitted[badgeId] === day) {
      return { result: "already_in", badge, rehearsal: test };
    }
    return { result: "ok", badge, rehearsal: test };
  }

  function remember(answer, direction) {
    if (!answer.badge || answer.result !== "ok") return;
    if (direction === "in") admitted[answer.badge.id] = today();
    else delete admitted[answer.badge.id];
    store.set("admitted", admitted);
  }

  async function scan(code, direction) {
    const scanId = (crypto.randomUUID && crypto.randomUUID()) || String(Date.now()) + Math.random();
    const scannedAt = new Date().toISOString();
    let answer;
    let offline = false;
    try {
      answer = await fetchJson(config.urls.scan, {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({ code, direction, scan_id: scanId, scanned_at: scannedAt }),
      });
    } catch (error) {
      if (error.message === "unauthorised") return;
      offline = true;
      answer = await verifyOffline(code, direction);
      queue.push({ code, direction, scan_id: scanId, scanned_at: scannedAt, admitted: answer.result === "ok" || answer.result === "queued" });
      store.set("queue", queue);
    }
    remember(answer, direction);
    show(answer, offline);
    updateNetwork();
  }

  async function sync() {
    if (syncing || !queue.length || !token) return;
    syncing = true;
    const batch = queue.slice(0, 200);
    try {
      await fetchJson(config.urls.sync, { method: "POST", headers: headers(), body: JSON.stringify({ scans: batch }) }, 10000);
      const sent = new Set(batch.map((scan) => scan.scan_id));
      queue = queue.filter((scan) => !sent.has(scan.scan_id));
      store.set("queue", queue);
    } catch (error) {
      /* Still offline: try again later. */
    } finally {
      syncing = false;
      updateNetwork();
    }
  }

  function kind(answer) {
    if (answer.tone) return answer.tone;
    if (answer.result === "ok") return "ok";
    return REFUSED.has(answer.result) ? "refused" : "warning";
  }

  function show(answer, offline) {
    const verdict = config.results[answer.result] || answer.result;
    const badge = answer.badge || {};
    /* A test badge admitted during a rehearsal shows in orange, not in green. */
    const tone = answer.rehearsal && kind(answer) === "ok" ? "rehearsal" : kind(answer);
    resultBox.hidden = false;
    resultBox.className = "gate__result gate__result--" + tone;
    resultBox.querySelector(".gate__verdict").textContent = verdict;
    resultBox.querySelector(".gate__name").textContent = badge.name || "";
    const note = answer.message || (answer.rehearsal ? config.messages.rehearsal : "");
    const details = [badge.organisation, badge.category_label, note];
    if (answer.seats) {
      details.push(config.messages.seats.replace("%(taken)s", answer.seats.taken).replace("%(places)s", answer.seats.places));
    }
    if (answer.already_in) {
      details.push(clock.format(new Date(answer.already_in.at)) + " · " + answer.already_in.gate);
    }
    if (offline) details.push(config.messages.offline);
    resultBox.querySelector(".gate__detail").textContent = details.filter(Boolean).join(" · ");
    const item = document.createElement("li");
    item.className = tone;
    item.textContent = [clock.format(new Date()), verdict, badge.name || ""].filter(Boolean).join(" · ");
    last.prepend(item);
    while (last.children.length > 10) last.lastChild.remove();
    beep(tone === "ok" || tone === "rehearsal");
    showNote(answer.lead);
  }

  /* At a stand: a note and a rating for the lead just scanned, sent to the lead's address. */
  let lead = null;
  function showNote(value) {
    if (!noteForm) return;
    lead = value || null;
    noteForm.hidden = !lead;
    if (!lead) return;
    noteForm.elements.note.value = lead.note || "";
    for (const radio of noteForm.elements.rating) radio.checked = Number(radio.value) === lead.rating;
    $("scanner-note-status").textContent = "";
  }
  if (noteForm) {
    noteForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!lead) return;
      const rating = noteForm.elements.rating.value;
      try {
        await fetchJson(lead.url, {
          method: "POST",
          headers: headers(),
          body: JSON.stringify({ note: noteForm.elements.note.value, rating: rating ? Number(rating) : null }),
        });
        $("scanner-note-status").textContent = config.messages.note_saved;
      } catch (error) {
        $("scanner-note-status").textContent = config.messages.note_failed;
      }
      codeInput.focus();
    });
  }

  function beep(good) {
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const oscillator = audio.createOscillator();
      oscillator.frequency.value = good ? 880 : 220;
      oscillator.connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + (good ? 0.12 : 0.4));
    } catch (error) {
      /* No sound on this device. */
    }
  }

  function updateNetwork() {
    const waiting = queue.length ? " · " + queue.length + " " + config.messages.queued : "";
    network.textContent = (navigator.onLine ? config.messages.online : config.messages.offline) + waiting;
  }

  function showSetup() {
    setupForm.hidden = false;
    scanForm.hidden = true;
    if (noteForm) noteForm.hidden = true;
    $("gate-token").focus();
  }

  setupForm.addEventListener("submit", (event) => {
    event.preventDefault();
    pair($("gate-token").value);
  });

  $("gate-change-token").addEventListener("click", showSetup);

  scanForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const code = codeInput.value.trim().toUpperCase();
    codeInput.value = "";
    if (!token) return showSetup();
    if (code) scan(code, scanForm.elements.direction.value);
  });

  /* A keyboard-wedge scanner types into whatever has focus: keep it on the code field. */
  document.addEventListener("click", (event) => {
    if (!scanForm.hidden && !event.target.closest("input, button, label, select, textarea")) codeInput.focus();
  });

  const camera = window.qrCamera($("gate-video"));
  const stopCamera = () => camera.stop();

  /* What the camera read: a pairing code while the device is not paired, a badge after. */
  function scanned(code) {
    if (!setupForm.hidden) {
      if (code.toUpperCase().startsWith(PAIRING_PREFIX)) pair(code);
      return;
    }
    scan(code.trim().toUpperCase(), scanForm.elements.direction.value);
  }

  async function startCamera() {
    if (camera.running) return stopCamera();
    if (await camera.start(scanned)) return;
    if (!setupForm.hidden) setupError.textContent = config.messages.camera_error;
    else show({ result: "invalid", message: config.messages.camera_error }, false);
  }

  $("gate-pair-camera").addEventListener("click", startCamera);
  $("gate-camera").addEventListener("click", startCamera);

  window.addEventListener("online", () => {
    updateNetwork();
    sync();
    refreshKeys();
  });
  window.addEventListener("offline", updateNetwork);
  setInterval(sync, 15000);
  setInterval(refreshKeys, 60000);

  if ("serviceWorker" in navigator && document.body.dataset.sw) {
    navigator.serviceWorker.register(document.body.dataset.sw).catch(() => {});
  }

  showGate();
  if (!token) showSetup();
  else refreshKeys().then(sync);
  updateNetwork();
})();
