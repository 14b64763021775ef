/* Entente's search. The full-text index is split into small scripts that a query loads as it needs them:
   search/index.js lists the shards, search/terms/<key>.js holds the terms that begin with <key>, search/docs/<n>.js
   the titles of 64 pages, and each page's text.js its text, for the snippet. Each file calls ENTENTE_SEARCH_LOADED;
   loading them as script elements rather than with fetch makes search work opened from disk as from a web host.
   Words are folded as the index folds them (EntenteSearch's SearchWords): keep the two in step. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root") || "";
  var pretty = script.getAttribute("data-pretty") === "true";
  var meta = window.ENTENTE_SEARCH || { documents: 0, chunk: 64, shards: [], split: [] };
  var shards = new Set(meta.shards);
  var split = new Set(meta.split);
  var input = document.getElementById("search-q");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var all = document.getElementById("search-all");
  var more = document.getElementById("search-more");
  var kinds = { a: "Analysis", c: "Actor", t: "Treaty" };
  var stopWords = new Set(["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in",
    "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "with"]);
  var pageSize = 10;
  var snippetLength = 220;

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function terms(text) {
    var seen = new Set();
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (word) {
      if (Array.from(word).length < 2 || stopWords.has(word) || seen.has(word)) return false;
      seen.add(word);
      return true;
    });
  }
  function key(term, length) {
    return Array.from(term).slice(0, length).map(function (c) { return /[a-z0-9]/.test(c) ? c : "_"; }).join("");
  }
  function shardOf(term) {
    var short = key(term, 2);
    return split.has(short) && Array.from(term).length > 2 ? key(term, 3) : short;
  }

  // Every file calls this when it has loaded; a file that fails to load counts as empty.
  var loaded = { terms: {}, docs: {}, text: {} };
  var waiting = {};
  window.ENTENTE_SEARCH_LOADED = function (kind, name, data) {
    loaded[kind][name] = data;
    var id = kind + " " + name;
    (waiting[id] || []).forEach(function (resolve) { resolve(data); });
    delete waiting[id];
  };
  function load(kind, name, src) {
    if (Object.prototype.hasOwnProperty.call(loaded[kind], name)) return Promise.resolve(loaded[kind][name]);
    var id = kind + " " + name;
    return new Promise(function (resolve) {
      if (waiting[id]) { waiting[id].push(resolve); return; }
      waiting[id] = [resolve];
      var element = document.createElement("script");
      element.src = src;
      element.onerror = function () { window.ENTENTE_SEARCH_LOADED(kind, name, null); };
      document.head.appendChild(element);
    });
  }

  // A term's pages: "delta[:score]" in base 36, comma-separated.
  function postings(text, each) {
    var doc = 0;
    var items = text.split(",");
    for (var i = 0; i < items.length; i++) {
      var colon = items[i].indexOf(":");
      doc += parseInt(colon < 0 ? items[i] : items[i].slice(0, colon), 36);
      each(doc, colon < 0 ? 1 : parseInt(items[i].slice(colon + 1), 36));
    }
  }

  // Pages that have every word, best first. A word of three letters or more also finds the words it begins,
  // at half the score of the word itself.
  function rank(words) {
    var total = null;
    words.forEach(function (word) {
      var shard = loaded.terms[shardOf(word)] || {};
      var prefix = Array.from(word).length >= 3;
      var scores = new Map();
      Object.keys(shard).forEach(function (term) {
        var exact = term === word;
        if (!exact && !(prefix && term.indexOf(word) === 0)) return;
        postings(shard[term], function (doc, score) {
          var value = exact ? score : score / 2;
          if (!(scores.get(doc) >= value)) scores.set(doc, value);
        });
      });
      if (total === null) { total = scores; return; }
      var both = new Map();
      total.forEach(function (score, doc) { if (scores.has(doc)) both.set(doc, score + scores.get(doc)); });
      total = both;
    });
    var found = [];
    (total || new Map()).forEach(function (score, doc) { found.push([doc, score]); });
    found.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return found.map(function (pair) { return pair[0]; });
  }

  // The part of a page's text around the first match, with every match in it marked. ASCII, most of any text,
  // is folded and classified without regular expressions: a result list reads ten texts of up to 20 KB.
  var letterOrDigit = /[\p{L}\p{N}]/u;
  function isWordChar(c) {
    var code = c.charCodeAt(0);
    if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    return letterOrDigit.test(c);
  }
  function foldChar(c) {
    return c.charCodeAt(0) < 128 ? c.toLowerCase() : fold(c);
  }
  function snippet(text, words) {
    var chars = Array.from(text);
    var marks = [];
    var start = 0;
    var stop = -1;
    for (var i = 0; i < chars.length && (stop < 0 || i < stop);) {
      if (!isWordChar(chars[i])) { i++; continue; }
      var end = i;
      var word = "";
      while (end < chars.length && isWordChar(chars[end])) word += foldChar(chars[end++]);
      var hit = words.some(function (w) { return word === w || (w.length >= 3 && word.indexOf(w) === 0); });
      if (hit) {
        if (stop < 0) {
          start = Math.max(0, i - 60);
          while (start > 0 && start < i && chars[start - 1] !== " ") start++;
          stop = Math.min(chars.length, start + snippetLength);
          while (stop < chars.length && chars[stop] !== " ") stop++;
        }
        if (end <= stop) marks.push([i, end]);
      }
      i = end;
    }
    if (stop < 0) {
      stop = Math.min(chars.length, snippetLength);
      while (stop < chars.length && chars[stop] !== " ") stop++;
    }
    var paragraph = document.createElement("p");
    paragraph.className = "snippet";
    var at = start;
    if (start > 0) paragraph.appendChild(document.createTextNode("… "));
    marks.forEach(function (mark) {
      paragraph.appendChild(document.createTextNode(chars.slice(at, mark[0]).join("")));
      var element = document.createElement("mark");
      element.textContent = chars.slice(mark[0], mark[1]).join("");
      paragraph.appendChild(element);
      at = mark[1];
    });
    paragraph.appendChild(document.createTextNode(chars.slice(at, stop).join("") + (stop < chars.length ? " …" : "")));
    return paragraph;
  }

  var generation = 0;
  var current = { query: "", words: [], docs: [], shown: 0 };

  function showMore(mine) {
    var docs = current.docs.slice(current.shown, current.shown + pageSize);
    current.shown += docs.length;
    more.hidden = current.shown >= current.docs.length;
    var chunks = Array.from(new Set(docs.map(function (doc) { return Math.floor(doc / meta.chunk); })));
    return Promise.all(chunks.map(function (chunk) {
      return load("docs", String(chunk), root + "search/docs/" + chunk + ".js");
    })).then(function () {
      if (mine !== generation) return null;
      var texts = [];
      docs.forEach(function (doc) {
        var chunk = loaded.docs[String(Math.floor(doc / meta.chunk))] || [];
        var entry = chunk[doc % meta.chunk];
        if (!entry) return null;
        var li = document.createElement("li");
        li.className = "item";
        var a = document.createElement("a");
        a.className = "item-title";
        a.href = root + entry[2] + (pretty ? "" : "index.html");
        a.textContent = entry[1];
        var line = document.createElement("p");
        line.className = "meta";
        line.textContent = kinds[entry[0]] + (entry[3] ? " · " + entry[3] : "");
        li.appendChild(a);
        li.appendChild(line);
        results.appendChild(li);
        texts.push(load("text", entry[2], root + entry[2] + "text.js").then(function (text) {
          if (mine === generation && text) li.appendChild(snippet(text, current.words));
        }));
      });
      // The titles are shown; the snippets follow as each page's text arrives.
      results.dataset.listed = current.query;
      return Promise.all(texts);
    });
  }

  function show(query) {
    var mine = ++generation;
    var words = terms(query);
    results.textContent = "";
    delete results.dataset.query;
    delete results.dataset.listed;
    more.hidden = true;
    if (!words.length) {
      status.textContent = meta.documents + " pages indexed.";
      all.hidden = false;
      results.dataset.listed = results.dataset.query = query;
      return;
    }
    all.hidden = true;
    var keys = Array.from(new Set(words.map(shardOf))).filter(function (name) { return shards.has(name); });
    Promise.all(keys.map(function (name) {
      return load("terms", name, root + "search/terms/" + name + ".js");
    })).then(function () {
      if (mine !== generation) return null;
      current = { query: query, words: words, docs: rank(words), shown: 0 };
      var count = current.docs.length;
      status.textContent = count ? count + (count === 1 ? " page found." : " pages found.") : "Nothing found.";
      return showMore(mine);
    }).then(function () {
      if (mine === generation) results.dataset.query = query;
    });
  }

  more.addEventListener("click", function () {
    var mine = generation;
    showMore(mine).then(function () { if (mine === generation) results.dataset.query = current.query; });
  });
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
