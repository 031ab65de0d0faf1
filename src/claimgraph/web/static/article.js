// The article reader: claim cards on click or by keyboard, and the "report an error" dialog.
// Keyboard: the claim passages are one Tab stop (roving tabindex); arrow keys move between
// them, Enter or Space opens the card, Esc returns to the passage. The card opens beside the
// text on a wide screen (sticky panel) and as a bottom sheet on a phone; neither moves the page.
// Offsets: every text piece is a <span data-s="N"> whose text starts at character N of the
// revision's clean text, so a DOM selection maps back to offsets the server can verify (sent
// in UTF-16 units, as JavaScript counts, with the quote; see data-u below).
// All untrusted text is inserted with textContent, never innerHTML.
(function () {
  "use strict";
  var box = document.getElementById("article-text");
  if (!box) return;
  var dialog = document.getElementById("report-dialog");
  var form = document.getElementById("report-form");
  var quote = document.getElementById("report-quote");
  var typed = document.getElementById("report-typed");
  var exactInput = document.getElementById("report-exact");
  var found = document.getElementById("report-found");
  var panel = document.getElementById("claim-panel");
  var slot = panel ? panel.parentElement : null;
  var phone = window.matchMedia("(max-width: 800px)");
  var status = document.getElementById("report-status");
  var toast = document.getElementById("report-toast");
  var send = document.getElementById("report-send");
  var fullText = box.textContent;
  var picked = null; // {start, end} of the last selection inside the article
  // data-s counts code points (as the server does); fullText and DOM offsets count UTF-16
  // units, which differ after an emoji. Each piece gets its UTF-16 start (data-u), so every
  // offset here is UTF-16; the server recognises them by the quote sent along (exact).
  (function () {
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT), node, at = 0;
    while ((node = walker.nextNode())) {
      var piece = pieceOf(node);
      if (piece && piece.dataset.u === undefined) piece.dataset.u = String(at);
      at += node.data.length;
    }
  })();
  var opener = null;

  // ---------------------------------------------------------------- selection → offsets
  function pieceOf(node) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return el && el.closest ? el.closest("[data-s]") : null;
  }

  function offsetOf(node, off) {
    if (node === box) {
      var child = box.childNodes[off];
      return child && child.dataset ? Number(child.dataset.u) : fullText.length;
    }
    var piece = pieceOf(node);
    if (!piece || !box.contains(piece)) return null;
    var base = Number(piece.dataset.u);
    if (node.nodeType === Node.TEXT_NODE) return base + off;
    return off === 0 ? base : base + piece.textContent.length;
  }

  function currentSelection() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0);
    if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) return null;
    var s = offsetOf(r.startContainer, r.startOffset);
    var e = offsetOf(r.endContainer, r.endOffset);
    if (s === null || e === null || e <= s) return null;
    // trim surrounding whitespace, as readers rarely mean to report it
    while (s < e && /\s/.test(fullText[s])) s++;
    while (e > s && /\s/.test(fullText[e - 1])) e--;
    return e > s ? { start: s, end: e } : null;
  }

  document.addEventListener("selectionchange", function () {
    if (dialog.open) return;
    var got = currentSelection();
    if (got) picked = got;
  });

  // ---------------------------------------------------------------- claim cards
  // One stop per run of adjacent pieces naming the same claims (entity marks split runs).
  var stops = [];
  box.querySelectorAll("[data-claims]").forEach(function (el) {
    var prev = el.previousSibling;
    if (prev && prev.nodeType === Node.ELEMENT_NODE && prev.dataset.claims === el.dataset.claims) return;
    stops.push(el);
  });
  function runOf(stop) {  // the stop and the pieces that continue it
    var out = [stop];
    for (var n = stop.nextSibling; n && n.nodeType === Node.ELEMENT_NODE && n.dataset.claims === stop.dataset.claims; n = n.nextSibling) out.push(n);
    return out;
  }
  stops.forEach(function (el, i) {
    el.tabIndex = i === 0 ? 0 : -1;
    el.setAttribute("role", "button");
    el.setAttribute("aria-expanded", "false");
    el.setAttribute("aria-controls", el.dataset.claims.split(" ").map(function (id) { return "claim-" + id; }).join(" "));
  });
  var lastStop = null;

  function stopOf(piece) {
    for (var n = piece; n; n = n.previousSibling) {
      if (stops.indexOf(n) >= 0) return n;
    }
    return null;
  }

  function moveTo(stop) {
    stops.forEach(function (el) { el.tabIndex = el === stop ? 0 : -1; });
    stop.focus();
  }

  function openSheet() {
    if (!phone.matches || !slot || panel.classList.contains("sheet")) return;
    slot.style.minHeight = slot.offsetHeight + "px";  // keep the page's height: no scroll jump
    panel.classList.add("sheet");
    panel.scrollTop = 0;
  }

  function closeCards() {
    if (panel && panel.classList.contains("sheet")) {
      panel.classList.remove("sheet");
      if (slot) slot.style.minHeight = "";
    }
    if (lastStop) {
      moveTo(lastStop);
    }
  }

  // Wide screens: the panel is sticky beside the text, but near the article's end the sticky
  // box runs out of room and would push the card above the screen; lengthen the two-column
  // area (below what is on screen, so nothing moves) until the card is in view. It only grows:
  // shrinking it again could clamp the scroll position.
  function fitBeside(card) {
    if (phone.matches || !slot) return;
    var hint = document.getElementById("claim-hint");
    if (hint) hint.hidden = true;
    panel.scrollTop = 0;
    var layout = slot.parentElement;
    var top = card.getBoundingClientRect().top;
    if (top < 8) layout.style.minHeight = (layout.offsetHeight + 8 - top) + "px";
  }

  function openClaims(piece) {
    var ids = piece.dataset.claims.split(" ");
    var first = null;
    document.querySelectorAll(".panel .card").forEach(function (card) {
      var on = ids.indexOf(card.id.slice(6)) >= 0;
      card.hidden = !on;
      if (on && !first) first = card;
    });
    box.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    stops.forEach(function (el) { el.setAttribute("aria-expanded", "false"); });
    box.querySelectorAll("[data-claims]").forEach(function (el) {
      if (el.dataset.claims.split(" ").some(function (id) { return ids.indexOf(id) >= 0; })) {
        el.classList.add("active");
      }
    });
    lastStop = stopOf(piece);
    if (lastStop) {
      lastStop.setAttribute("aria-expanded", "true");
      stops.forEach(function (el) { el.tabIndex = el === lastStop ? 0 : -1; });
    }
    openSheet();
    if (first) {
      fitBeside(first);
      first.focus({ preventScroll: true });
    }
    drawMiniMaps();
  }

  box.addEventListener("click", function (ev) {
    var sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the end of a drag-selection, not a click
    var piece = ev.target.closest("[data-claims]");
    if (!piece) return;
    openClaims(piece);
  });

  box.addEventListener("keydown", function (ev) {
    var piece = ev.target.closest ? ev.target.closest("[data-claims]") : null;
    var at = piece ? stops.indexOf(stopOf(piece)) : -1;
    if (at < 0 || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var to = null;
    if (ev.key === "ArrowRight" || ev.key === "ArrowDown") to = Math.min(stops.length - 1, at + 1);
    else if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") to = Math.max(0, at - 1);
    else if (ev.key === "Home") to = 0;
    else if (ev.key === "End") to = stops.length - 1;
    else if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      openClaims(stops[at]);
      return;
    }
    if (to === null) return;
    ev.preventDefault();
    moveTo(stops[to]);
  });

  if (panel) {
    panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { ev.preventDefault(); closeCards(); }
    });
    document.getElementById("sheet-close").addEventListener("click", closeCards);
  }

  // A claim card's place on a small offline map (drawn when the card is first shown).
  function drawMiniMaps() {
    if (!window.L || !window.claimgraphBaseMap) return;
    document.querySelectorAll(".panel .card:not([hidden]) .minimap:not([data-drawn])").forEach(function (el) {
      el.dataset.drawn = "1";
      var ll = [Number(el.dataset.lat), Number(el.dataset.lon)];
      var map = window.claimgraphBaseMap(el, "/static/vendor/world-atlas/countries-110m.json",
        { zoomControl: false, attributionControl: false, preferCanvas: false });
      map.invalidateSize();
      map.setView(ll, 3);
      L.circleMarker(ll, { radius: 6, color: "#fff", weight: 2, fillColor: "#c01c28", fillOpacity: 1 })
        .addTo(map);
    });
  }

  // /articles/N#claim-ID (links from the map, timeline and clusters) opens that claim's card.
  function openFromHash() {
    var m = /^#claim-([0-9a-f]+)$/.exec(window.location.hash);
    if (!m) return;
    var piece = box.querySelector("[data-claims~='" + m[1] + "']");
    if (piece) {
      piece.scrollIntoView({ block: "center" });
      openClaims(piece);
    } else {
      followReplaced(m[1]);
    }
  }

  // An id a correction or a newer extraction replaced: the API answers with its successor
  // (a redirect, followed here) or says that nothing took its place (410).
  function followReplaced(id) {
    fetch("/api/claims/" + id, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) { return { status: r.status, body: body }; });
    }).then(function (res) {
      var hint = document.getElementById("claim-hint");
      if (res.status === 200 && res.body.id !== id) {
        var target = "#claim-" + res.body.id;
        if (String(res.body.article_id) === box.dataset.article) {
          history.replaceState(null, "", target);
          openFromHash();
        } else {
          window.location.href = "/articles/" + res.body.article_id + target;
        }
      } else if (res.status === 410 && hint) {
        hint.hidden = false;
        hint.textContent = res.body.detail + ".";
      }
    }).catch(function () { /* offline or gone: the page stays as it is */ });
  }
  window.addEventListener("hashchange", openFromHash);
  window.addEventListener("load", openFromHash);

  // ---------------------------------------------------------------- the dialog
  function showQuote(range) {
    quote.textContent = "";
    if (!range) return;
    var before = fullText.slice(Math.max(0, range.start - 80), range.start);
    var after = fullText.slice(range.end, range.end + 80);
    var mark = document.createElement("mark");
    mark.textContent = fullText.slice(range.start, range.end);
    quote.append((range.start > 80 ? "…" : "") + before, mark, after + (range.end + 80 < fullText.length ? "…" : ""));
  }

  // Typed words → their place in the text: exactly, else with any spacing and case. The first
  // match is used; the quote shows which one, and more words pick another.
  function findTyped(words) {
    var want = words.trim();
    if (!want) return null;
    var i = fullText.indexOf(want);
    if (i >= 0) return { start: i, end: i + want.length, count: fullText.split(want).length - 1 };
    var pattern = want.split(/\s+/).map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("\\s+");
    var re = new RegExp(pattern, "gi");
    var m = re.exec(fullText);
    if (!m) return null;
    var count = 1;
    while (re.exec(fullText)) count++;
    return { start: m.index, end: m.index + m[0].length, count: count };
  }

  function showTyped() {
    var hit = findTyped(exactInput.value);
    if (!exactInput.value.trim()) { found.textContent = ""; quote.hidden = true; return null; }
    if (!hit) {
      found.textContent = "These words are not in the article text; copy them exactly as they appear.";
      quote.hidden = true;
      return null;
    }
    found.textContent = hit.count > 1
      ? "Found " + hit.count + " times; the first is shown. Add a neighbouring word to pick another."
      : "Found in the article:";
    showQuote(hit);
    quote.hidden = false;
    return { start: hit.start, end: hit.end };
  }

  var typing = false;  // no selection: the reader types the wrong words instead

  function openDialog() {
    if (dialog.open) return;
    picked = currentSelection() || picked;
    typing = !picked;
    opener = document.activeElement;
    status.textContent = "";
    found.textContent = "";
    exactInput.value = "";
    showQuote(picked);
    typed.hidden = !typing;
    quote.hidden = typing;
    send.disabled = false;
    dialog.showModal();
    document.getElementById(typing ? "report-exact" : "report-comment").focus();
  }

  exactInput.addEventListener("input", showTyped);

  function closeDialog() {
    if (dialog.open) dialog.close();
  }

  dialog.addEventListener("close", function () {
    if (opener && opener.focus) opener.focus();
  });

  function focusables() {
    return Array.prototype.filter.call(
      dialog.querySelectorAll("button, textarea, input, [href], [tabindex]"),
      function (el) { return !el.disabled && el.tabIndex >= 0 && !el.closest("[aria-hidden=true]") && el.offsetParent !== null; }
    );
  }

  dialog.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { ev.preventDefault(); closeDialog(); return; }
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); return; }
    if (ev.key !== "Tab") return;
    var els = focusables();
    if (!els.length) return;
    var first = els[0], last = els[els.length - 1];
    if (ev.shiftKey && document.activeElement === first) { ev.preventDefault(); last.focus(); }
    else if (!ev.shiftKey && document.activeElement === last) { ev.preventDefault(); first.focus(); }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !dialog.open) {
      ev.preventDefault();
      openDialog();
    }
  });
  document.getElementById("report-open").addEventListener("click", openDialog);
  document.getElementById("report-cancel").addEventListener("click", closeDialog);

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (typing) {
      picked = showTyped();
      if (!picked) {
        status.textContent = exactInput.value.trim()
          ? "Type words that appear in the article, so the editors can find them."
          : "Type the wrong words first.";
        exactInput.setAttribute("aria-invalid", "true");
        exactInput.focus();
        return;
      }
      exactInput.removeAttribute("aria-invalid");
    }
    if (!picked) return;
    send.disabled = true;
    status.textContent = "";
    var body = {
      article_id: Number(box.dataset.article),
      revision: Number(box.dataset.revision),
      start: picked.start,
      end: picked.end,
      exact: fullText.slice(picked.start, picked.end),
      comment: form.elements.comment.value || null,
      suggestion: form.elements.suggestion.value || null,
      website: form.elements.website.value
    };
    fetch("/api/corrections", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (resp) {
      send.disabled = false;
      if (resp.status === 202) {
        form.reset();
        closeDialog();
        toast.textContent = "Thank you: your report was sent to the editors.";
        return;
      }
      status.textContent = resp.status === 429
        ? "Too many reports from you just now; please try again in a minute."
        : "The report could not be sent (error " + resp.status + ").";
    }).catch(function () {
      send.disabled = false;
      status.textContent = "The report could not be sent (network error).";
    });
  });
})();
