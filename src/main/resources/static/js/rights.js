// Appeal form: where the chosen category cannot be anonymous, the anonymous choice is switched off (confidential chosen
// instead if it was picked). Without this script the server refuses such an appeal with its message.
(function () {
  var form = document.getElementById("appeal-form");
  var anonymous = document.getElementById("i-ANONYMOUS");
  var confidential = document.getElementById("i-CONFIDENTIAL");
  if (!form || !anonymous || !confidential) {
    return;
  }

  function update() {
    var chosen = form.querySelector("input[name='category']:checked");
    if (!chosen) {
      return;
    }
    var box = chosen.closest("[data-anonymous]");
    var allowed = !box || box.getAttribute("data-anonymous") === "true";
    if (!allowed && anonymous.checked) {
      confidential.checked = true;
    }
    anonymous.disabled = !allowed;
  }

  form.querySelectorAll("input[name='category']").forEach(function (input) {
    input.addEventListener("change", update);
  });
  update();
})();
