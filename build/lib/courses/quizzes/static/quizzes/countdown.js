// The time left in a timed attempt, counted down live. Without this script the page says the
// time left when it was loaded and the deadline in words; the server enforces the deadline.
// The seconds left come from the server (data-seconds-left), so a wrong clock on the phone
// changes nothing; screen readers hear the time left at 10, 5 and 1 minute and at the end,
// not every second.
(function () {
  "use strict";
  var box = document.querySelector("[data-countdown]");
  if (!box) { return; }
  var clock = box.querySelector("[data-countdown-left]");
  var announce = box.querySelector("[data-countdown-announce]");
  var total = parseInt(box.dataset.secondsLeft, 10);
  if (!clock || isNaN(total)) { return; }
  var started = (window.performance && performance.now) ? performance.now() : Date.now();
  var milestones = [600, 300, 60, 0].filter(function (at) { return at < total || at === 0; });
  var timer = null;

  function now() {
    return (window.performance && performance.now) ? performance.now() : Date.now();
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function format(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s);
  }

  function tick() {
    var left = Math.max(0, total - Math.floor((now() - started) / 1000));
    clock.textContent = format(left);
    clock.setAttribute("datetime", "PT" + left + "S");
    while (milestones.length && left <= milestones[0]) {
      var message = box.getAttribute("data-at-" + milestones.shift());
      if (message && announce) { announce.textContent = message; }
    }
    if (left === 0) {
      box.classList.add("countdown--over");
      window.clearInterval(timer);
    } else if (left <= 60) {
      box.classList.add("countdown--last-minute");
    }
  }

  box.classList.add("countdown--live");
  clock.setAttribute("role", "timer");
  tick();
  timer = window.setInterval(tick, 1000);
})();
