/* The gate page. Scans go to the server when it answers; when it does not, the page
   verifies the badge's Ed25519 signature itself with the published keys, remembers whom it
   admitted, queues the scan and sends the queue (POST sync) when the network returns. */
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
  const REFUSED = new Set(["revoked", "invalid", "wrong_edition", "not_valid_today"]);

  const $ = (id) => document.getElementById(id);
  const setupForm = $("gate-setup");
  const scanForm = $("gate-scan");
  const codeInput = $("gate-code");
  const resultBox = $("gate-result");
  const network = $("gate-network");
  const last = $("gate-last");
  const gateName = $("gate-name");
  const unknownGate = gateName.textContent;

  const store = {
    get(key, fallback) {
      try {
        const value = localStorage.getItem("gate." + key);
        return value === null ? fallback : JSON.parse(value);
      } catch (error) {
        return fallback;
      }
    },
    set(key, value) {
      localStorage.setItem("gate." + key, JSON.stringify(value));
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

  async function refreshKeys() {
    try {
      keys = await fetchJson(config.urls.keys);
      store.set("keys", keys);
      const since = revokedUntil ? "?since=" + encodeURIComponent(revokedUntil) : "";
      const list = await fetchJson(config.urls.revocations + since, { headers: headers() });
      if (list.gate) setGate({ name: list.gate.name, language });
      list.revoked.forEach((id) => revoked.add(id));
      revokedUntil = list.until;
      store.set("revoked", [...revoked]);
      store.set("revokedUntil", revokedUntil);
    } catch (error) {
      /* Offline: the copies kept on this device are used. */
    }
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
    const badge = { id: badgeId, category_label: (config.categories[category] || {}).label || "" };
    if (!genuine) return { result: "invalid" };
    if (editionId !== config.edition) return { result: "wrong_edition", badge };
    if (revoked.has(badgeId)) return { result: "revoked", badge };
    const day = today();
    if (day < firstDay || day > firstDay + days - 1) return { result: "not_valid_today", badge };
    const unlimited = (keys.edition && keys.edition.unlimited_entry) || [];
    if (direction === "in" && !unlimited.includes(category) && admitted[badgeId] === day) {
      return { result: "already_in", badge };
    }
    return { result: "ok", badge };
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
      queue.push({ code, direction, scan_id: scanId, scanned_at: scannedAt, admitted: answer.result === "ok" });
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

  function kind(result) {
    if (result === "ok") return "ok";
    return REFUSED.has(result) ? "refused" : "warning";
  }

  function show(answer, offline) {
    const verdict = config.results[answer.result] || answer.result;
    const badge = answer.badge || {};
    resultBox.hidden = false;
    resultBox.className = "gate__result gate__result--" + kind(answer.result);
    resultBox.querySelector(".gate__verdict").textContent = verdict;
    resultBox.querySelector(".gate__name").textContent = badge.name || "";
    const details = [badge.category_label, answer.message];
    if (answer.already_in) {
      details.push(clock.format(new Date(answer.already_in.at)) + " · " + answer.already_in.gate);
    }
    if (offline) details.push(config.messages.offline);
    resultBox.querySelector(".gate__detail").textContent = details.filter(Boolean).join(" · ");
    const item = document.createElement("li");
    item.className = kind(answer.result);
    item.textContent = [clock.format(new Date()), verdict, badge.name || ""].filter(Boolean).join(" · ");
    last.prepend(item);
    while (last.children.length > 10) last.lastChild.remove();
    beep(answer.result === "ok");
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
    $("gate-token").focus();
  }

  setupForm.addEventListener("submit", (event) => {
    event.preventDefault();
    token = $("gate-token").value.trim();
    store.set("token", token);
    setGate(null);
    setupForm.hidden = true;
    scanForm.hidden = false;
    codeInput.focus();
    refreshKeys();
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

  let cameraRunning = false;
  $("gate-camera").addEventListener("click", async () => {
    const video = $("gate-video");
    if (cameraRunning) {
      cameraRunning = false;
      video.srcObject && video.srcObject.getTracks().forEach((track) => track.stop());
      video.hidden = true;
      return;
    }
    try {
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (error) {
      show({ result: "invalid", message: config.messages.camera_error }, false);
      return;
    }
    video.hidden = false;
    await video.play();
    cameraRunning = true;
    const detector = "BarcodeDetector" in window ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
    const canvas = document.createElement("canvas");
    let lastCode = "";
    let lastTime = 0;
    const frame = async () => {
      if (!cameraRunning) return;
      let code = "";
      if (detector) {
        const found = await detector.detect(video).catch(() => []);
        code = found.length ? found[0].rawValue : "";
      } else if (window.jsQR && video.videoWidth) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const context = canvas.getContext("2d", { willReadFrequently: true });
        context.drawImage(video, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = window.jsQR(image.data, image.width, image.height);
        code = found ? found.data : "";
      }
      const now = Date.now();
      if (code && (code !== lastCode || now - lastTime > 3000)) {
        lastCode = code;
        lastTime = now;
        scan(code.trim().toUpperCase(), scanForm.elements.direction.value);
      }
      setTimeout(frame, 200);
    };
    frame();
  });

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
