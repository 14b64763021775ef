/* Entente's static search: the index is window.ENTENTE_SEARCH (search/index.js); no network, works from disk. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root") || "";
  var pretty = script.getAttribute("data-pretty") === "true";
  var index = window.ENTENTE_SEARCH || [];
  var input = document.getElementById("search-q");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var all = document.getElementById("search-all");
  var kinds = { analysis: "Analysis", actor: "Actor", treaty: "Treaty" };

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var prepared = index.map(function (entry) {
    return { entry: entry, title: fold(entry.t), rest: fold(entry.s) };
  });

  function score(item, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      var inTitle = item.title.indexOf(word);
      if (inTitle === 0) total += 8;
      else if (inTitle > 0 && /[^a-z0-9]/.test(item.title.charAt(inTitle - 1))) total += 6;
      else if (inTitle > 0) total += 3;
      else if (item.rest.indexOf(word) >= 0) total += 1;
      else return 0;
    }
    return total;
  }

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!words.length) {
      status.textContent = index.length + " pages indexed.";
      all.hidden = false;
      return;
    }
    all.hidden = true;
    var found = [];
    for (var i = 0; i < prepared.length; i++) {
      var s = score(prepared[i], words);
      if (s > 0) found.push({ score: s, entry: prepared[i].entry });
    }
    found.sort(function (a, b) { return b.score - a.score || a.entry.t.localeCompare(b.entry.t); });
    status.textContent = found.length ? found.length + " found" + (found.length > 50 ? "; the first 50:" : ".") : "Nothing found.";
    found.slice(0, 50).forEach(function (hit) {
      var li = document.createElement("li");
      li.className = "item";
      var a = document.createElement("a");
      a.className = "item-title";
      a.href = root + hit.entry.u + (pretty ? "" : "index.html");
      a.textContent = hit.entry.t;
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = kinds[hit.entry.k] + (hit.entry.d ? " · " + hit.entry.d : "") + (hit.entry.s ? " · " + hit.entry.s : "");
      li.appendChild(a);
      li.appendChild(meta);
      results.appendChild(li);
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  show(input.value);
  input.addEventListener("input", function () {
    show(input.value);
    var url = new URL(window.location.href);
    if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  });
  document.querySelector(".search-form").addEventListener("submit", function (event) { event.preventDefault(); });
})();
