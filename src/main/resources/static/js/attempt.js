// The exam page: saves each answer the moment it is given, retries while offline, counts down from the server's
// deadline and confirms the submit naming the questions left unanswered. Without this file the page still works:
// each question has its own save button and the submit carries every answer.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var data = form.dataset;
  var tokenMeta = document.querySelector("meta[name='_csrf']");
  var headerMeta = document.querySelector("meta[name='_csrf_header']");
  var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-position]"));
  var latest = {};   // position -> number of the newest save sent
  var retries = {};  // position -> pending retry timer
  var failures = {}; // position -> failed sends in a row
  var answered = {}; // position -> the server holds an answer
  var submitting = false;

  function format(message, values) {
    return message.replace(/\{(\d)}/g, function (all, i) { return values[+i]; });
  }

  function field(position) {
    return form.querySelectorAll("[name='q-" + position + "']");
  }

  function values(position) {
    var out = [];
    Array.prototype.forEach.call(field(position), function (input) {
      if ((input.type !== "radio" && input.type !== "checkbox") || input.checked) {
        out.push(input.value);
      }
    });
    return out;
  }

  function given(position) {
    return values(position).some(function (v) { return v.trim() !== ""; });
  }

  function mark(position, text, css) {
    var el = document.getElementById("saved-" + position);
    if (el) {
      el.textContent = text;
      el.className = "small " + (css || "");
    }
  }

  function count() {
    var n = questions.filter(function (q) { return answered[q.dataset.position]; }).length;
    var el = document.getElementById("answered-count");
    el.textContent = format(data.msgAnswered, [n, el.dataset.total]);
    var left = document.getElementById("unanswered");
    if (left) {
      left.hidden = true;
    }
  }

  function save(position) {
    clearTimeout(retries[position]);
    var n = (latest[position] || 0) + 1;
    latest[position] = n;
    var body = new URLSearchParams();
    values(position).forEach(function (v) { body.append("q-" + position, v); });
    var headers = {"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"};
    if (tokenMeta && headerMeta) {
      headers[headerMeta.content] = tokenMeta.content;
    }
    mark(position, data.msgSaving, "text-muted");
    fetch(data.answerUrl + position, {method: "POST", headers: headers, body: body, credentials: "same-origin"})
      .then(function (response) {
        if (latest[position] !== n) {
          return; // a newer answer to this question is on its way
        }
        if (response.ok) {
          failures[position] = 0;
          answered[position] = true;
          mark(position, data.msgSaved, "text-success");
          count();
          return;
        }
        if (response.status === 409) {
          return response.json().then(function (refusal) {
            mark(position, refusal.message, "text-danger");
            if (refusal.error === "training.error.timeUp") {
              window.location.reload();
            }
          });
        }
        if (response.status >= 500) {
          retry(position);
          return;
        }
        // 403 or 404: the session ended or the page is stale; the saved answers are safe, reloading shows them.
        mark(position, data.msgFailed, "text-danger");
      })
      .catch(function () {
        if (latest[position] === n) {
          retry(position);
        }
      });
  }

  /** Offline or the server busy: try again, waiting longer each time (at most 30 s), and at once when back online. */
  function retry(position) {
    failures[position] = (failures[position] || 0) + 1;
    mark(position, data.msgRetry, "text-warning");
    var wait = Math.min(30000, 1000 * Math.pow(2, failures[position] - 1));
    retries[position] = setTimeout(function () { save(position); }, wait);
  }

  window.addEventListener("online", function () {
    Object.keys(retries).forEach(function (position) {
      if (failures[position] > 0) {
        save(position);
      }
    });
  });

  questions.forEach(function (q) {
    var position = q.dataset.position;
    answered[position] = document.getElementById("saved-" + position).textContent.trim() !== "";
    var typing;
    q.addEventListener("change", function () {
      clearTimeout(typing);
      save(position);
    });
    q.addEventListener("input", function (event) {
      if (event.target.type === "text") {
        clearTimeout(typing);
        typing = setTimeout(function () { save(position); }, 800);
      }
    });
    var button = q.querySelector(".tx-save");
    if (button) {
      button.hidden = true;
    }
  });

  form.addEventListener("submit", function (event) {
    if (submitting) {
      return;
    }
    var left = questions.filter(function (q) { return !given(q.dataset.position); })
      .map(function (q) { return q.dataset.position; });
    var question = left.length ? format(data.msgConfirmUnanswered, [left.join("、")]) : data.msgConfirm;
    if (!window.confirm(question)) {
      event.preventDefault();
      return;
    }
    submitting = true;
  });

  // The clock: the server's seconds left, counted down here; reloading the page asks the server again.
  var clock = document.getElementById("countdown");
  var end = Date.now() + 1000 * parseInt(clock.dataset.secondsLeft, 10);
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
    clock.textContent = format(data.msgLeft, [(h ? h + ":" + two(m) : m) + ":" + two(s)]);
    clock.classList.toggle("text-danger", left <= 60);
    if (left === 0) {
      clock.textContent = data.msgTimeUp;
      if (!submitting) {
        submitting = true;
        form.submit(); // carries every answer on the page; the server counts those sent within its grace
      }
      return;
    }
    setTimeout(tick, 500);
  }
  tick();
})();
