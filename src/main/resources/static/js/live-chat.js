// The chat of a live session: messages arrive over server-sent events (a reconnecting browser resumes from the last
// event it saw), each is drawn by its id, so a change (an upvote, answered, hidden) replaces it in place and a
// hidden one disappears (moderators see it marked hidden). Questions are listed apart, most upvoted first. Writing,
// upvoting and moderating are POSTs with the page's CSRF header; a refusal's reason (422) is shown as it came.
(function () {
  "use strict";
  var box = document.getElementById("live-chat");
  if (!box || !window.EventSource || !window.fetch) {
    return;
  }
  var data = box.dataset;
  var moderator = data.moderator === "true";
  var mayVote = data.vote === "true";
  var list = document.getElementById("chat-list");
  var questions = document.getElementById("question-list");
  var empty = document.getElementById("chat-empty");
  var questionsEmpty = document.getElementById("questions-empty");
  var questionCount = document.getElementById("question-count");
  var error = document.getElementById("chat-error");
  var form = document.getElementById("chat-form");
  var text = document.getElementById("chat-text");
  var asQuestion = document.getElementById("chat-question");
  var send = document.getElementById("chat-send");
  var tokenMeta = document.querySelector("meta[name='_csrf']");
  var headerMeta = document.querySelector("meta[name='_csrf_header']");
  var messages = {};   // id -> message as last received
  var voted = {};      // question ids this page has upvoted

  function el(tag, className, content) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (content !== undefined) {
      e.textContent = content;
    }
    return e;
  }

  function time(at) {
    var d = new Date(at);
    return isNaN(d) ? "" : ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  function post(url, params) {
    var headers = {"Accept": "application/json"};
    if (tokenMeta && headerMeta) {
      headers[headerMeta.content] = tokenMeta.content;
    }
    return fetch(url, {method: "POST", headers: headers, body: params || new URLSearchParams(),
      credentials: "same-origin"}).then(function (r) {
      if (r.ok) {
        showError("");
        return r;
      }
      return r.json().catch(function () { return {}; }).then(function (answer) {
        showError(answer && answer.error ? answer.error : data.tFailed);
        throw new Error("refused");
      });
    });
  }

  function button(label, className, action, id, confirmText) {
    var b = el("button", "btn btn-link btn-sm p-0 ms-2 " + className, label);
    b.type = "button";
    b.addEventListener("click", function () {
      if (confirmText && !window.confirm(confirmText)) {
        return;
      }
      b.disabled = true;
      post(data.action + id + "/" + action).then(function () {
        if (action === "upvote") {
          voted[id] = true;
        }
        if (action === "mute") {
          showError("");
          window.alert(data.tMuted);
        }
      }).catch(function () {
        b.disabled = false;
      });
    });
    return b;
  }

  // One message as a list item; the same drawing serves the chat and the questions list.
  function draw(m, prefix) {
    var li = el("li", "tx-chat-msg");
    li.id = prefix + m.id;
    li.setAttribute("data-id", m.id);
    if (m.hidden) {
      li.classList.add("tx-chat-hidden");
    }
    var head = el("div", "tx-chat-head");
    head.appendChild(el("span", "tx-chat-author", m.author));
    head.appendChild(el("span", "tx-chat-time", time(m.at)));
    if (m.question) {
      head.appendChild(el("span", "badge bg-warning text-dark ms-1", data.tQuestion));
    }
    if (m.answered) {
      head.appendChild(el("span", "badge bg-success ms-1 chat-answered", data.tAnswered));
    }
    if (m.hidden) {
      head.appendChild(el("span", "badge bg-secondary ms-1", data.tHidden));
    }
    li.appendChild(head);
    li.appendChild(el("div", "tx-chat-body", m.body));
    var actions = el("div", "tx-chat-actions");
    if (m.question) {
      actions.appendChild(el("span", "small text-muted chat-upvotes", "▲ " + m.upvotes));
      if (mayVote && !m.hidden && !voted[m.id]) {
        actions.appendChild(button(data.tUpvote, "chat-upvote", "upvote", m.id));
      }
    }
    if (moderator) {
      if (m.question && !m.answered && !m.hidden) {
        actions.appendChild(button(data.tAnswer, "chat-answer", "answer", m.id));
      }
      if (!m.hidden) {
        actions.appendChild(button(data.tHide, "chat-hide text-danger", "hide", m.id));
      }
      actions.appendChild(button(data.tMute, "chat-mute text-danger", "mute", m.id, data.tConfirmMute));
    }
    if (actions.childNodes.length) {
      li.appendChild(actions);
    }
    return li;
  }

  // Puts the item where its id belongs (the chat is in the order written).
  function place(into, li, id) {
    var old = document.getElementById(li.id);
    if (old) {
      into.replaceChild(li, old);
      return;
    }
    var after = null;
    for (var i = into.children.length - 1; i >= 0; i--) {
      if (+into.children[i].getAttribute("data-id") < id) {
        after = into.children[i];
        break;
      }
    }
    into.insertBefore(li, after ? after.nextSibling : into.firstChild);
  }

  function drawQuestions() {
    var open = Object.keys(messages).map(function (k) { return messages[k]; })
      .filter(function (m) { return m.question && !m.hidden; })
      .sort(function (a, b) {
        return (a.answered - b.answered) || (b.upvotes - a.upvotes) || (a.id - b.id);
      });
    questions.textContent = "";
    open.forEach(function (m) { questions.appendChild(draw(m, "question-")); });
    questionsEmpty.hidden = open.length > 0;
    questionCount.textContent = open.filter(function (m) { return !m.answered; }).length;
  }

  function receive(m) {
    var atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    if (m.hidden && m.body === undefined) {
      delete messages[m.id];
      var gone = document.getElementById("chat-msg-" + m.id);
      if (gone) {
        gone.parentNode.removeChild(gone);
      }
    } else {
      messages[m.id] = m;
      place(list, draw(m, "chat-msg-"), m.id);
    }
    empty.hidden = list.children.length > 0;
    drawQuestions();
    if (atBottom) {
      list.scrollTop = list.scrollHeight;
    }
  }

  var stream = new EventSource(data.stream);
  stream.addEventListener("message", function (event) {
    try {
      receive(JSON.parse(event.data));
    } catch (ignored) { /* a broken event is skipped */ }
  });

  // Tabs: the chat and the questions.
  Array.prototype.forEach.call(box.querySelectorAll("[data-tab]"), function (tab) {
    tab.addEventListener("click", function () {
      Array.prototype.forEach.call(box.querySelectorAll("[data-tab]"), function (t) {
        t.classList.toggle("active", t === tab);
        document.getElementById(t.getAttribute("data-tab")).hidden = t !== tab;
      });
    });
  });

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      params.set("text", text.value);
      params.set("question", String(asQuestion.checked));
      send.disabled = true;
      post(data.post, params).then(function () {
        text.value = "";
        asQuestion.checked = false;
      }).catch(function () { /* the reason is shown */ }).then(function () {
        send.disabled = false;
      });
    });
  }
})();
