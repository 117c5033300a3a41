// htmx requests carry the CSRF token from the page's meta tags; pages work without this file.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name='_csrf']");
  var header = document.querySelector("meta[name='_csrf_header']");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// The page's Content-Security-Policy runs no inline handlers: a select marked data-autosubmit sends its form when
// changed, a button marked data-print-page prints the page.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.matches && field.matches("select[data-autosubmit]") && field.form) {
    field.form.submit();
  }
});
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-print-page]") : null;
  if (button) {
    window.print();
  }
});
