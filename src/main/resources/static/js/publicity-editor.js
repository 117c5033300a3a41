// The publicity editor on a phone: a toolbar that puts headings, paragraphs, lists and quotes around the selected
// text of the HTML body; a picture chosen is uploaded at once and its figure put into the body where the cursor
// was (after the text when it was never placed); a cover chosen is shown before it is uploaded. Without this script the page still works: tags are typed by
// hand, and the upload buttons send the form (a picture then lands at the end of the body).
(function () {
  var body = document.getElementById("item-body");
  if (!body) {
    return;
  }
  var form = document.getElementById("item-form");
  // Until the writer puts the cursor somewhere, new things go after what is written, not before it.
  var placed = false;
  ["focus", "click", "keyup", "select"].forEach(function (type) {
    body.addEventListener(type, function () { placed = true; });
  });

  function insert(text, selectFrom, selectTo) {
    if (!placed) {
      body.setSelectionRange(body.value.length, body.value.length);
      placed = true;
    }
    var start = body.selectionStart, end = body.selectionEnd;
    body.value = body.value.slice(0, start) + text + body.value.slice(end);
    body.focus();
    body.setSelectionRange(start + (selectFrom === undefined ? text.length : selectFrom),
      start + (selectTo === undefined ? text.length : selectTo));
    body.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function wrap(tag) {
    var selected = body.value.slice(body.selectionStart, body.selectionEnd);
    if (tag === "ul") {
      var lines = selected.split("\n").filter(function (l) { return l.trim() !== ""; });
      var items = (lines.length ? lines : [""]).map(function (l) { return "  <li>" + l.trim() + "</li>"; });
      var list = "<ul>\n" + items.join("\n") + "\n</ul>\n";
      insert(list, lines.length ? list.length : "<ul>\n  <li>".length, lines.length ? list.length : "<ul>\n  <li>".length);
      return;
    }
    var open = "<" + tag + ">", close = "</" + tag + ">";
    var text = open + selected + close + "\n";
    if (selected) {
      insert(text);
    } else {
      insert(text, open.length, open.length);
    }
  }

  var tools = document.getElementById("body-tools");
  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", function (e) {
      var b = e.target.closest("[data-tag]");
      if (b) {
        wrap(b.dataset.tag);
      }
    });
  }

  function figure(url) {
    return "<figure><img src=\"" + url + "\" alt=\"\"></figure>\n";
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-insert]");
    if (b) {
      insert(figure(b.dataset.insert));
    }
  });
  document.querySelectorAll("[data-insert]").forEach(function (b) { b.hidden = false; });

  var picture = document.getElementById("picture-file");
  var status = document.getElementById("picture-status");
  var uploadButton = document.getElementById("picture-upload");
  if (form && picture && form.dataset.picturesUrl && window.fetch && window.FormData) {
    if (uploadButton) {
      uploadButton.hidden = true;
    }
    picture.addEventListener("change", function () {
      if (!picture.files.length) {
        return;
      }
      var data = new FormData();
      data.append("picture", picture.files[0]);
      var headers = {"Accept": "application/json"};
      var token = document.querySelector("meta[name='_csrf']");
      var header = document.querySelector("meta[name='_csrf_header']");
      if (token && header) {
        headers[header.content] = token.content;
      }
      status.className = "small text-muted";
      status.textContent = form.dataset.uploading || "…";
      picture.disabled = true;
      fetch(form.dataset.picturesUrl, {method: "POST", body: data, headers: headers, credentials: "same-origin"})
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (answer) { return {ok: r.ok, answer: answer}; });
        })
        .then(function (result) {
          if (!result.ok || !result.answer.url) {
            throw new Error(result.answer.error || form.dataset.uploadFailed || "");
          }
          insert(figure(result.answer.url));
          status.textContent = form.dataset.inserted || "";
          var list = document.getElementById("picture-list");
          if (list) {
            var li = document.createElement("li");
            li.className = "text-center";
            li.id = "picture-" + result.answer.id;
            var img = document.createElement("img");
            img.className = "tx-thumb d-block mb-1";
            img.alt = "";
            img.src = result.answer.url.replace(/\/image$/, "/thumb");
            var button = document.createElement("button");
            button.type = "button";
            button.className = "btn btn-sm btn-outline-danger";
            button.dataset.insert = result.answer.url;
            button.textContent = form.dataset.insertLabel || "+";
            li.appendChild(img);
            li.appendChild(button);
            list.appendChild(li);
          }
        })
        .catch(function (err) {
          status.className = "small text-danger";
          status.textContent = err.message || form.dataset.uploadFailed || "";
        })
        .finally(function () {
          picture.disabled = false;
          picture.value = "";
        });
    });
  }

  var cover = document.getElementById("cover-file");
  var preview = document.getElementById("cover-preview");
  if (cover && preview && window.URL && URL.createObjectURL) {
    cover.addEventListener("change", function () {
      if (cover.files.length) {
        preview.src = URL.createObjectURL(cover.files[0]);
        preview.hidden = false;
        var none = document.getElementById("no-cover");
        if (none) {
          none.hidden = true;
        }
      }
    });
  }
})();
