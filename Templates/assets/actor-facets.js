// Filters the actor index in place by kind and region, and sorts each kind's actors by name or by number of
// agreements, keeping the choice in the address's fragment (#region=east-asia&sort=agreements) so that it can be
// shared. Optional: without scripts the facet pages (actors/kind/state/, actors/region/east-asia/) list the same
// actors. Every actor is on the index already: the script reads them from the page.
(function () {
  var form = document.querySelector("form.actor-filter");
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.actor-group"));
  if (!form || !groups.length) return;
  var controls = { kind: form.querySelector('select[name="kind"]'), region: form.querySelector('select[name="region"]') };
  var sort = form.querySelector('select[name="sort"]');
  var output = form.querySelector(".facet-count");

  // The choices are the facet links of the page, in their order, labelled without their counts.
  Object.keys(controls).forEach(function (facet) {
    var links = document.querySelectorAll('.facet[data-facet="' + facet + '"] [data-value]');
    Array.prototype.forEach.call(links, function (link) {
      var option = document.createElement("option");
      option.value = link.getAttribute("data-value");
      option.textContent = link.firstChild ? link.firstChild.textContent.trim() : option.value;
      controls[facet].appendChild(option);
    });
  });
  // Each kind's actors in the page's order (by name), to come back to.
  var original = groups.map(function (group) {
    return Array.prototype.slice.call(group.querySelectorAll("ul > li"));
  });

  function state() {
    var chosen = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv[0]) chosen[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || "");
    });
    return chosen;
  }
  function apply() {
    var chosen = state();
    Object.keys(controls).forEach(function (name) { controls[name].value = chosen[name] || ""; });
    sort.value = chosen.sort === "agreements" ? "agreements" : "name";
    var active = chosen.kind || chosen.region || sort.value !== "name";
    var shown = 0;
    groups.forEach(function (group, index) {
      var items = original[index].filter(function (li) {
        return (!chosen.kind || group.getAttribute("data-kind") === chosen.kind)
          && (!chosen.region || li.getAttribute("data-region") === chosen.region);
      });
      if (sort.value === "agreements") {
        items = items.slice().sort(function (a, b) {
          return (Number(b.getAttribute("data-agreements")) - Number(a.getAttribute("data-agreements")))
            || (original[index].indexOf(a) - original[index].indexOf(b));
        });
      }
      var list = group.querySelector("ul");
      original[index].forEach(function (li) { li.hidden = items.indexOf(li) < 0; });
      items.forEach(function (li) { list.appendChild(li); });
      group.hidden = items.length === 0;
      group.querySelector(".group-count").textContent = items.length;
      shown += items.length;
    });
    output.textContent = active ? shown + (shown === 1 ? " actor" : " actors") : "";
  }
  form.addEventListener("change", function () {
    var parts = [];
    Object.keys(controls).forEach(function (name) {
      if (controls[name].value) parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(controls[name].value));
    });
    if (sort.value !== "name") parts.push("sort=" + sort.value);
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    apply();
  });
  window.addEventListener("hashchange", apply);
  form.hidden = false;
  apply();
})();
