// The share page's buttons: count the share without leaving the page (the page works without this file: the
// buttons then post their forms and the page comes back with the hint), show how to share, copy the link.
(function () {
  var share = document.getElementById("share");
  if (!share) {
    return;
  }
  var action = share.getAttribute("data-action");
  var url = share.getAttribute("data-url");

  function count(channel) {
    var body = new URLSearchParams();
    body.append("channel", channel);
    if (navigator.sendBeacon && navigator.sendBeacon(action, body)) {
      return;
    }
    if (window.fetch) {
      fetch(action, {method: "POST", body: body, credentials: "same-origin", keepalive: true})["catch"](function () {});
    }
  }

  function hint(which) {
    var hints = share.querySelectorAll("[data-hint]");
    for (var i = 0; i < hints.length; i++) {
      hints[i].hidden = hints[i].getAttribute("data-hint") !== which;
    }
  }

  function copy() {
    var field = document.getElementById("share-url");
    function byHand() {
      field.focus();
      field.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (e) {
        done = false;
      }
      hint(done ? "COPIED" : "LINK");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { hint("COPIED"); }, byHand);
    } else {
      byHand();
    }
  }

  share.addEventListener("submit", function (event) {
    var channel = event.target.elements.channel.value;
    event.preventDefault();
    count(channel);
    if (channel === "LINK") {
      copy();
    } else {
      hint(channel);
    }
  });
  share.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-count]") : null;
    if (link) {
      count(link.getAttribute("data-count"));
    }
  });
})();
