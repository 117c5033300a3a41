// Suggestion form: while the title is typed, earlier suggestions with a similar title are listed (after a pause, one
// request at a time). Once a list has been looked up, the form says so ("seen"), and the server does not show the same
// list again on submitting. Without this script the server lists them after the first press of the button.
(function () {
  var input = document.getElementById("suggestion-title");
  var box = document.getElementById("similar-box");
  var list = document.getElementById("similar-list");
  var seen = document.getElementById("seen");
  if (!input || !box || !list || !window.fetch) {
    return;
  }
  var url = input.getAttribute("data-similar-url");
  var timer = null;
  var asked = null;

  function show(items) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "similar-item";
      var title = document.createElement("span");
      title.textContent = item.title;
      var status = document.createElement("span");
      status.className = "text-muted";
      status.textContent = item.status;
      li.appendChild(title);
      li.appendChild(document.createTextNode(" · "));
      li.appendChild(status);
      list.appendChild(li);
    });
    box.hidden = items.length === 0;
  }

  function lookUp() {
    var title = input.value.trim();
    if (title === asked) {
      return;
    }
    asked = title;
    if (title.length < 2) {
      show([]);
      return;
    }
    fetch(url + "?title=" + encodeURIComponent(title), {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) {
        if (input.value.trim() === title) {
          show(items);
          seen.value = "true";
        }
      })
      .catch(function () { /* the server lists them on submitting */ });
  }

  input.addEventListener("input", function () {
    seen.value = "false";
    clearTimeout(timer);
    timer = setTimeout(lookUp, 400);
  });
})();
