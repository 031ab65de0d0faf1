// The article reader: claim cards on click, and the "report an error" dialog.
// Offsets: every text piece is a <span data-s="N"> whose text starts at character N of the
// revision's clean text, so a DOM selection maps back to offsets the server can verify.
// All untrusted text is inserted with textContent, never innerHTML.
(function () {
  "use strict";
  var box = document.getElementById("article-text");
  if (!box) return;
  var dialog = document.getElementById("report-dialog");
  var form = document.getElementById("report-form");
  var quote = document.getElementById("report-quote");
  var empty = document.getElementById("report-empty");
  var status = document.getElementById("report-status");
  var toast = document.getElementById("report-toast");
  var send = document.getElementById("report-send");
  var fullText = box.textContent;
  var picked = null; // {start, end} of the last selection inside the article
  var opener = null;

  // ---------------------------------------------------------------- selection → offsets
  function pieceOf(node) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return el && el.closest ? el.closest("[data-s]") : null;
  }

  function offsetOf(node, off) {
    if (node === box) {
      var child = box.childNodes[off];
      return child && child.dataset ? Number(child.dataset.s) : fullText.length;
    }
    var piece = pieceOf(node);
    if (!piece || !box.contains(piece)) return null;
    var base = Number(piece.dataset.s);
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
  box.addEventListener("click", function (ev) {
    var sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the end of a drag-selection, not a click
    var piece = ev.target.closest("[data-claims]");
    if (!piece) return;
    var ids = piece.dataset.claims.split(" ");
    var first = null;
    document.querySelectorAll(".panel .card").forEach(function (card) {
      var on = ids.indexOf(card.id.slice(6)) >= 0;
      card.hidden = !on;
      if (on && !first) first = card;
    });
    box.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    box.querySelectorAll("[data-claims]").forEach(function (el) {
      if (el.dataset.claims.split(" ").some(function (id) { return ids.indexOf(id) >= 0; })) {
        el.classList.add("active");
      }
    });
    if (first) first.focus({ preventScroll: false });
    drawMiniMaps();
  });

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
      piece.click();
    }
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

  function openDialog() {
    if (dialog.open) return;
    picked = currentSelection() || picked;
    opener = document.activeElement;
    status.textContent = "";
    showQuote(picked);
    empty.hidden = !!picked;
    quote.hidden = !picked;
    send.disabled = !picked;
    dialog.showModal();
    document.getElementById(picked ? "report-comment" : "report-cancel").focus();
  }

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
