// Adds a "go to year" box to the network's list of snapshots: the reader types any year and lands on the nearest
// snapshot. Optional: without scripts, the links of the list are all there is. Reads only the page itself, so it
// works opened from disk too.
(function () {
  var nav = document.querySelector("nav.snapshots");
  if (!nav) return;
  var links = Array.prototype.slice.call(nav.querySelectorAll("[data-date]"));
  if (links.length < 2) return;
  var years = links.map(function (link) { return parseInt(link.getAttribute("data-date").slice(0, 4), 10); });
  var form = document.createElement("form");
  form.className = "snapshot-picker";
  var label = document.createElement("label");
  label.textContent = "Go to the snapshot nearest to the year ";
  var input = document.createElement("input");
  input.type = "number";
  input.min = String(years[0] - 100);
  input.max = String(years[years.length - 1] + 100);
  input.required = true;
  input.inputMode = "numeric";
  label.appendChild(input);
  var button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Go";
  form.appendChild(label);
  form.appendChild(button);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var year = parseInt(input.value, 10);
    if (isNaN(year)) return;
    var best = 0;
    for (var i = 1; i < years.length; i++) {
      if (Math.abs(years[i] - year) < Math.abs(years[best] - year)) best = i;
    }
    var target = links[best];
    if (target.href) window.location.href = target.href;
  });
  nav.appendChild(form);
})();
