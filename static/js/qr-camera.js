/* Reading QR codes with the device's camera, for every page that scans (the scanner page of
   gates, stands and rooms; the desk's blank badges): the browser's BarcodeDetector where it
   has one, jsQR (vendor/js/jsQR.js, loaded before this file) on the video's frames elsewhere.

   const camera = window.qrCamera(video);
   await camera.start((code) => ...)   // false if the camera cannot be opened
   camera.stop();
   The same code read again is handed over once every three seconds, not on every frame. */
(() => {
  "use strict";

  window.qrCamera = (video) => {
    let running = false;

    function stop() {
      running = false;
      if (video.srcObject) video.srcObject.getTracks().forEach((track) => track.stop());
      video.hidden = true;
    }

    async function start(onCode) {
      try {
        video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      } catch (error) {
        return false;
      }
      video.hidden = false;
      await video.play();
      running = true;
      const detector = "BarcodeDetector" in window ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
      const canvas = document.createElement("canvas");
      let lastCode = "";
      let lastTime = 0;
      const frame = async () => {
        if (!running) return;
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
          onCode(code);
        }
        if (running) setTimeout(frame, 200);
      };
      frame();
      return true;
    }

    return { start, stop, get running() { return running; } };
  };
})();
