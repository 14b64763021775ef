// Filters and sorts the treaty index and the actor index in place, keeping the choice in the address's fragment
// (#kind=defence-pact&sort=date, #region=east-asia&sort=agreements) so that it can be shared. Optional: without
// scripts the facet pages (treaties/kind/defence-pact/, actors/region/east-asia/, …) list the same rows.
// The treaty index's data comes from treaties/facets.js, a script rather than JSON, so that the page works opened
// from disk too; every actor is on the actor index already, so that script reads them from the page.
(function () {
  // The choice, as the address's fragment holds it.
  function state() {
    var chosen = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv[0]) chosen[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || "");
    });
    return chosen;
  }
  // Keeps the form's choice in the fragment (a sort by name, the default, is left out) and applies it on every
  // change, of the form or of the address; shows the form, which the page hides for readers without scripts.
  function follow(form, controls, sort, apply) {
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
  }

  // The treaty index: every agreement from treaties/facets.js, the table rendered afresh.
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
    follow(form, controls, sort, apply);
  })();

  // The actor index: each kind's actors, filtered and reordered where they are.
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
    follow(form, controls, sort, apply);
  })();
})();
