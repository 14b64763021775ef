// Filters and sorts the treaty index in place, by kind, status, obligation, region, decade and party, keeping the
// choice in the address's fragment (#kind=defence-pact&sort=date) so that it can be shared. Optional: without
// scripts the facet pages (treaties/kind/defence-pact/, …) list the same agreements. The data comes from
// treaties/facets.js, a script rather than JSON, so that the page works opened from disk too.
(function () {
  var data = window.ENTENTE_TREATIES;
  var form = document.querySelector("form.facet-filter");
  var body = document.querySelector("table.treaty-list tbody");
  if (!data || !form || !body) return;
  var root = form.getAttribute("data-root") || "";
  var first = body.querySelector("a");
  var suffix = first && /index\.html$/.test(first.getAttribute("href")) ? "index.html" : "";
  var original = body.innerHTML;
  var selects = form.querySelector(".facet-selects");
  var facets = ["kind", "status", "obligation", "region", "decade"];
  var controls = {};

  function option(select, value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }
  function addSelect(name, title, values) {
    var label = document.createElement("label");
    label.textContent = title + " ";
    var select = document.createElement("select");
    select.name = name;
    option(select, "", "any");
    values.forEach(function (v) { option(select, v[0], v[1]); });
    label.appendChild(select);
    selects.appendChild(label);
    selects.appendChild(document.createTextNode(" "));
    controls[name] = select;
  }
  facets.forEach(function (facet) {
    var labels = data.facets[facet] || {};
    var keys = Object.keys(labels);
    if (!keys.length) return;
    // The static list's order: the facet links of the page.
    var order = Array.prototype.map.call(document.querySelectorAll('.facet[data-facet="' + facet + '"] [data-value], .facet[data-facet="' + facet + '"] [aria-current]'),
      function (a) { return a.getAttribute("data-value"); });
    keys.sort(function (a, b) { return (order.indexOf(a) - order.indexOf(b)) || (a < b ? -1 : 1); });
    addSelect(facet, data.titles[facet], keys.map(function (k) { return [k, labels[k]]; }));
  });
  var partyIDs = data.parties.map(function (p) { return p.u.replace(/^actors\//, "").replace(/\/$/, ""); });
  var used = {};
  data.rows.forEach(function (row) { row.p.forEach(function (i) { used[i] = true; }); });
  var parties = Object.keys(used).map(Number).sort(function (a, b) { return data.parties[a].n.localeCompare(data.parties[b].n); });
  addSelect("party", "Party", parties.map(function (i) { return [partyIDs[i], data.parties[i].n]; }));
  var sort = form.querySelector('select[name="sort"]');

  function state() {
    var s = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv[0]) s[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || "");
    });
    return s;
  }
  function matches(row, chosen) {
    for (var i = 0; i < facets.length; i++) {
      var want = chosen[facets[i]];
      if (want && (row.f[facets[i]] || []).indexOf(want) < 0) return false;
    }
    if (chosen.party && row.p.map(function (i) { return partyIDs[i]; }).indexOf(chosen.party) < 0) return false;
    return true;
  }
  function cell(tag, child) {
    var c = document.createElement(tag);
    if (child) c.appendChild(child);
    return c;
  }
  function link(path, text) {
    var a = document.createElement("a");
    a.href = root + path + suffix;
    a.textContent = text;
    return a;
  }
  function render(rows) {
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) {
      var tr = document.createElement("tr");
      var name = cell("th", link(row.u, row.n));
      name.scope = "row";
      if (row.h) {
        var short = document.createElement("span");
        short.className = "muted";
        short.textContent = "(" + row.h + ")";
        name.appendChild(document.createTextNode(" "));
        name.appendChild(short);
      }
      tr.appendChild(name);
      tr.appendChild(cell("td", document.createTextNode(row.k || "")));
      var status = document.createElement("span");
      status.className = row.sk ? "status status-" + row.sk : "muted";
      status.textContent = row.s || "not recorded";
      tr.appendChild(cell("td", status));
      var date = cell("td");
      if (row.d) {
        var time = document.createElement("time");
        time.setAttribute("datetime", row.d);
        time.textContent = row.dd;
        date.appendChild(time);
      }
      tr.appendChild(date);
      var partiesCell = cell("td");
      row.p.forEach(function (i, n) {
        if (n) partiesCell.appendChild(document.createTextNode(", "));
        partiesCell.appendChild(link(data.parties[i].u, data.parties[i].n));
      });
      tr.appendChild(partiesCell);
      fragment.appendChild(tr);
    });
    body.textContent = "";
    body.appendChild(fragment);
  }
  function apply() {
    var chosen = state();
    Object.keys(controls).forEach(function (name) { controls[name].value = chosen[name] || ""; });
    sort.value = chosen.sort || "name";
    var active = Object.keys(controls).some(function (name) { return chosen[name]; }) || (chosen.sort && chosen.sort !== "name");
    var navs = document.querySelectorAll("nav.pagination");
    var output = form.querySelector(".facet-count");
    if (!active) {
      body.innerHTML = original;
      Array.prototype.forEach.call(navs, function (nav) { nav.hidden = false; });
      output.textContent = "";
      return;
    }
    var rows = data.rows.filter(function (row) { return matches(row, chosen); });
    var by = chosen.sort || "name";
    rows.sort(function (a, b) {
      if (by === "date") return (a.d || "9999") < (b.d || "9999") ? -1 : (a.d || "9999") > (b.d || "9999") ? 1 : a.n.localeCompare(b.n);
      if (by === "parties") return (b.p.length - a.p.length) || a.n.localeCompare(b.n);
      return a.n.localeCompare(b.n);
    });
    render(rows);
    Array.prototype.forEach.call(navs, function (nav) { nav.hidden = true; });
    output.textContent = rows.length + (rows.length === 1 ? " agreement" : " agreements");
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
