// Lesson pages report progress: the end of a text reached, and a video's position with the seconds really
// watched (seeking skips nothing into the count), every ten seconds while it plays, on pause, at the end and
// when the page is left. Without this script the "I have read it" button still works.
(function () {
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  var root = document.getElementById("lesson");
  if (!root || root.dataset.tracking !== "true") {
    return;
  }
  var url = root.dataset.progressUrl;

  function completed(answer) {
    if (answer && answer.lessonCompleted) {
      var status = document.getElementById("lesson-status");
      if (status) {
        status.hidden = false;
      }
    }
  }

  function report(fields, keepalive) {
    var headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"};
    var token = document.querySelector("meta[name='_csrf']");
    var header = document.querySelector("meta[name='_csrf_header']");
    if (token && header) {
      headers[header.content] = token.content;
    }
    return fetch(url, {method: "POST", headers: headers, body: new URLSearchParams(fields),
      credentials: "same-origin", keepalive: !!keepalive})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(completed)
      .catch(function () { return null; });
  }

  if (root.dataset.kind === "TEXT") {
    var end = document.getElementById("lesson-end");
    if (end && "IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          observer.disconnect();
          report({end: "true"});
        }
      });
      observer.observe(end);
    }
  }

  var video = document.getElementById("lesson-video");
  if (root.dataset.kind === "VIDEO" && video) {
    var resumeAt = parseInt(root.dataset.position || "0", 10);
    var watched = 0;
    var last = null;
    video.addEventListener("loadedmetadata", function () {
      if (resumeAt > 0 && (!video.duration || resumeAt < video.duration - 2)) {
        video.currentTime = resumeAt;
      }
    });
    video.addEventListener("seeking", function () { last = null; });
    video.addEventListener("playing", function () { last = video.currentTime; });
    video.addEventListener("timeupdate", function () {
      var now = video.currentTime;
      if (last !== null && !video.paused && !video.seeking) {
        var step = now - last;
        if (step > 0 && step < 2) {
          watched += step;
        }
      }
      last = now;
    });
    var flush = function (ended, keepalive) {
      if (ended && last !== null && video.duration - last > 0 && video.duration - last < 2) {
        watched += video.duration - last;
      }
      var whole = ended ? Math.round(watched) : Math.floor(watched);
      watched -= whole;
      report({positionS: Math.floor(video.currentTime), watchedS: whole, end: ended ? "true" : "false"}, keepalive);
    };
    setInterval(function () {
      if (!video.paused) {
        flush(false);
      }
    }, 10000);
    video.addEventListener("pause", function () { if (!video.ended) { flush(false); } });
    video.addEventListener("ended", function () { flush(true); });
    window.addEventListener("pagehide", function () { flush(false, true); });
  }
})();
