// Saves the attempt form in the background; the form still works without this script.
// "Save my answers" and "Submit the attempt" post the whole form, which the server stores
// whatever the version: once one is pressed, no background save starts any more.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form || !form.dataset.autosaveUrl || !window.fetch || !window.FormData) { return; }
  var statusEl = document.getElementById("autosave-status");
  var versionInput = form.querySelector("input[name=version]");
  var timer = null;
  var inFlight = false;
  var pending = false;
  var leaving = false;

  function show(text, isError) {
    statusEl.textContent = text;
    statusEl.classList.toggle("autosave-status--error", !!isError);
  }

  function save() {
    if (leaving) { return; }
    if (inFlight) { pending = true; return; }
    inFlight = true;
    show(form.dataset.saving, false);
    var body = new FormData(form);
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (leaving) { return; }
      if (result.ok && result.data.saved) {
        versionInput.value = result.data.version;
        show(result.data.message, false);
      } else {
        show(result.data.message || form.dataset.failed, true);
      }
    }).catch(function () {
      if (!leaving) { show(form.dataset.failed, true); }
    }).then(function () {
      inFlight = false;
      if (pending) { pending = false; save(); }
    });
  }

  function schedule() {
    if (leaving) { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 800);
  }

  form.addEventListener("change", schedule);
  form.addEventListener("input", function (event) {
    if (event.target.matches("input[type=text], textarea")) { schedule(); }
  });
  form.addEventListener("submit", function () {
    leaving = true;
    pending = false;
    window.clearTimeout(timer);
  });
  // Back to the page from the browser's cache: the form is live again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { leaving = false; }
  });
})();
