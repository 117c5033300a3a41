// The live and replay player. iOS Safari and WeChat on iPhone play HLS themselves; every other browser (Android
// Chrome, desktop) gets hls.js, loaded from /js/vendor only when needed. Before the stream starts the page polls
// the live playlist and starts the video as soon as it is there. Watch time is reported every 15 s: only the time
// the video really advanced while the page was visible and not paused, measured from currentTime between
// timeupdate events and never more than the wall-clock time that passed; the last part is sent when the page is
// hidden or left (only for people logged in: a public session's anonymous viewers are not counted). The
// heartbeat's answer carries the number of people watching.
(function () {
  "use strict";
  var stage = document.getElementById("live-stage");
  var video = document.getElementById("live-video");
  if (!stage || !video) {
    return;
  }
  var data = stage.dataset;
  var replay = data.mode === "replay";
  var src = data.src;
  var waiting = document.getElementById("live-waiting");
  var waitingText = document.getElementById("live-waiting-text");
  var countdown = document.getElementById("live-countdown");
  var unmute = document.getElementById("live-unmute");
  var viewers = document.getElementById("live-viewers");
  var tokenMeta = document.querySelector("meta[name='_csrf']");
  var headerMeta = document.querySelector("meta[name='_csrf_header']");
  var BEAT_MS = 15000;
  var POLL_MS = 4000;
  var hls = null;
  var started = false;
  var pollTimer = null;
  var soundOn = false;    // the person asked for sound: a restart keeps it
  var played = false;     // the video has played at least once: heartbeats start then

  function format(message, values) {
    return message.replace(/\{(\d)}/g, function (all, i) { return values[+i]; });
  }

  // ---- before the stream: a countdown, and the playlist polled until it is there ----

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function tick() {
    if (!countdown || started) {
      return;
    }
    var left = Math.floor((+data.startsAt - Date.now()) / 1000);
    if (left <= 0) {
      countdown.textContent = data.tSoon;
      return;
    }
    var days = Math.floor(left / 86400);
    var clock = two(Math.floor(left % 86400 / 3600)) + ":" + two(Math.floor(left % 3600 / 60)) + ":" + two(left % 60);
    countdown.textContent = format(data.tCountdown, [(days > 0 ? format(data.tDays, [days]) + " " : "") + clock]);
  }

  // Every few seconds from ten minutes before the start (a presenter may begin early), every half minute before.
  function pollDelay() {
    return +data.startsAt - Date.now() > 600000 ? 30000 : POLL_MS;
  }

  function poll() {
    fetch(src, {cache: "no-store", credentials: "same-origin"}).then(function (r) {
      return r.ok ? r.text() : "";
    }).then(function (text) {
      if (text.indexOf("#EXTINF") >= 0) {
        start();
      } else {
        pollTimer = setTimeout(poll, pollDelay());
      }
    }).catch(function () {
      pollTimer = setTimeout(poll, pollDelay());
    });
  }

  // ---- playing ----

  function apple() {
    var ua = navigator.userAgent;
    return /iP(hone|ad|od)/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)
        || (/Safari/.test(ua) && !/Chrome|Chromium|CriOS|Android|Edg/.test(ua));
  }

  function loadHlsJs(then) {
    if (window.Hls) {
      then();
      return;
    }
    var script = document.createElement("script");
    script.src = data.hls;
    script.onload = then;
    script.onerror = then;
    document.head.appendChild(script);
  }

  function start() {
    if (started) {
      return;
    }
    started = true;
    if (pollTimer) {
      clearTimeout(pollTimer);
    }
    video.hidden = false;
    var native = video.canPlayType("application/vnd.apple.mpegurl");
    if (native && apple()) {
      playNatively();
      return;
    }
    loadHlsJs(function () {
      if (window.Hls && window.Hls.isSupported()) {
        playWithHlsJs();
      } else if (native) {
        playNatively();
      } else {
        waitingText.textContent = data.tUnsupported;
      }
    });
  }

  function playNatively() {
    video.setAttribute("data-player", "native");
    video.src = src;
    video.addEventListener("loadedmetadata", attempt, {once: true});
    video.load();
  }

  function playWithHlsJs() {
    video.setAttribute("data-player", "hls.js");
    hls = new window.Hls({liveDurationInfinity: true, backBufferLength: 30});
    var mediaErrors = 0;
    hls.on(window.Hls.Events.MANIFEST_PARSED, attempt);
    hls.on(window.Hls.Events.ERROR, function (event, error) {
      if (!error.fatal) {
        return;
      }
      if (error.type === window.Hls.ErrorTypes.MEDIA_ERROR && mediaErrors++ < 3) {
        hls.recoverMediaError();
      } else {
        stalled();
      }
    });
    hls.loadSource(src);
    hls.attachMedia(video);
  }

  // Muted autoplay is allowed everywhere; the sound comes with a tap.
  function attempt() {
    if (!soundOn) {
      video.muted = true;
    }
    var played = video.play();
    if (played && played.catch) {
      played.catch(function () { /* the controls are there to tap play */ });
    }
    if (waiting) {
      waiting.hidden = true;
    }
    unmute.hidden = false;
  }

  unmute.addEventListener("click", function () {
    soundOn = true;
    video.muted = false;
    video.volume = 1;
    unmute.hidden = true;
    video.play();
  });
  video.addEventListener("volumechange", function () {
    unmute.hidden = !video.muted;
  });
  video.addEventListener("playing", function () {
    if (waiting) {
      waiting.hidden = true;
    }
  });

  // The stream stopped or the session ended: the playlist is asked for again. Gone (404): the session is over and
  // the page reloads to show it with the replay's link. Finished by the encoder (#EXT-X-ENDLIST) while the session
  // is still on: the page waits for the presenter to come back. Otherwise the player starts again.
  var checking = false;

  function restart() {
    if (hls) {
      hls.loadSource(src);
      hls.startLoad();
    } else {
      video.src = src;
      video.load();
      attempt();
    }
  }

  function stalled() {
    if (replay || checking || !started) {
      return;
    }
    checking = true;
    if (waiting) {
      waiting.hidden = false;
      waitingText.textContent = data.tReconnecting;
    }
    fetch(src, {cache: "no-store", credentials: "same-origin"}).then(function (r) {
      if (r.status === 404) {
        location.reload();
        return null;
      }
      return r.text();
    }).then(function (text) {
      if (text === null) {
        return;
      }
      var finished = text.indexOf("#EXT-X-ENDLIST") >= 0;
      if (finished && waiting) {
        waitingText.textContent = data.tWaiting;
      }
      setTimeout(function () {
        checking = false;
        if (finished) {
          stalled();
        } else {
          restart();
        }
      }, POLL_MS);
    }).catch(function () {
      setTimeout(function () { checking = false; stalled(); }, POLL_MS);
    });
  }

  video.addEventListener("ended", function () {
    if (!replay) {
      stalled();
    }
  });

  // ---- watch time ----

  var playedMs = 0;       // counted since the last beat
  var lastMedia = null;   // currentTime at the previous timeupdate (null: start measuring afresh)
  var lastWall = 0;
  var lastBeat = Date.now();
  var firstBeatSent = false;

  function counting() {
    return document.visibilityState === "visible" && !video.paused && !video.ended && !video.seeking;
  }

  video.addEventListener("timeupdate", function () {
    var now = performance.now();
    var t = video.currentTime;
    if (lastMedia !== null && counting()) {
      var media = (t - lastMedia) * 1000;
      var wall = now - lastWall;
      // Forward only, and a jump (a seek, the live edge catching up) is not watching.
      if (media > 0 && media < 5000) {
        playedMs += Math.min(media, wall + 250);
      }
    }
    lastMedia = counting() ? t : null;
    lastWall = now;
  });
  ["pause", "seeking", "waiting", "emptied"].forEach(function (name) {
    video.addEventListener(name, function () { lastMedia = null; });
  });

  function claim() {
    var since = Date.now() - lastBeat;
    var ms = Math.round(Math.min(playedMs, since + 1000));
    playedMs = 0;
    lastBeat = Date.now();
    return ms;
  }

  function body(ms) {
    var params = new URLSearchParams();
    params.set("playedMs", String(ms));
    params.set("replay", String(replay));
    return params;
  }

  function beat() {
    if (data.counted !== "true" || !played) {
      return;
    }
    var ms = claim();
    if (ms <= 0 && firstBeatSent) {
      return;
    }
    firstBeatSent = true;
    var headers = {"Accept": "application/json"};
    if (tokenMeta && headerMeta) {
      headers[headerMeta.content] = tokenMeta.content;
    }
    fetch(data.heartbeat, {method: "POST", headers: headers, body: body(ms), credentials: "same-origin"})
      .then(function (r) {
        if (!r.ok) {
          if (r.status === 422 || r.status === 404) {
            stalled();
          }
          return null;
        }
        return r.json();
      })
      .then(function (answer) {
        if (answer && viewers && typeof answer.viewers === "number") {
          viewers.textContent = answer.viewers;
          document.getElementById("live-audience").hidden = false;
        }
      })
      .catch(function () { /* the next beat claims the time again */ });
  }

  // The last part, as the page goes to the background or away: a beacon survives the page being closed.
  function flush() {
    if (data.counted !== "true") {
      return;
    }
    var ms = claim();
    lastMedia = null;
    if (ms <= 0) {
      return;
    }
    var params = body(ms);
    if (tokenMeta) {
      params.set("_csrf", tokenMeta.content);
    }
    if (navigator.sendBeacon && navigator.sendBeacon(data.heartbeat, params)) {
      return;
    }
    fetch(data.heartbeat, {method: "POST", body: params, keepalive: true, credentials: "same-origin"});
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      flush();
    } else {
      lastBeat = Date.now();
    }
  });
  window.addEventListener("pagehide", flush);
  video.addEventListener("playing", function () {
    played = true;
    if (!firstBeatSent) {
      beat();
    }
  });
  setInterval(function () {
    if (document.visibilityState === "visible") {
      beat();
    }
  }, BEAT_MS);

  // ---- go ----

  if (replay || data.state === "LIVE") {
    if (replay) {
      start();
    } else {
      poll();
    }
  } else {
    tick();
    setInterval(tick, 1000);
    poll();
  }
})();
