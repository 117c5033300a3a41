// Copy buttons for the stream key, the ingest address and the ffmpeg command: the clipboard where the browser
// allows it, else the text is selected for the person to copy. Forms with data-confirm ask first (end, cancel,
// a new key).
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("form[data-confirm]"), function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    button.addEventListener("click", function () {
      var source = document.querySelector(button.getAttribute("data-copy"));
      if (!source) {
        return;
      }
      var text = source.value !== undefined ? source.value : source.textContent;
      var label = button.textContent;
      function done() {
        button.textContent = "✓";
        setTimeout(function () { button.textContent = label; }, 1500);
      }
      function select() {
        if (source.select) {
          source.select();
        } else {
          var range = document.createRange();
          range.selectNodeContents(source);
          window.getSelection().removeAllRanges();
          window.getSelection().addRange(range);
        }
        try {
          if (document.execCommand("copy")) {
            done();
          }
        } catch (ignored) { /* selected for copying by hand */ }
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, select);
      } else {
        select();
      }
    });
  });
})();
