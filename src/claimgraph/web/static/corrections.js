// claimgraph corrections widget: lets readers of ANY page report an error to claimgraph's editors.
//
//   <script src="https://CLAIMGRAPH-HOST/static/corrections.js" data-site="SITE-KEY"></script>
//
// Select text, press Ctrl+Enter (Cmd+Enter on a Mac): a dialog shows the selection in its
// context, takes an optional comment and suggested correction, and posts them as JSON to
// POST {script origin}/api/corrections/widget?site=KEY (CORS; no cookies are sent).
// Plain script, no build step, nothing loaded from elsewhere. The UI lives in a shadow root with
// its own styles so the host page's CSS cannot reach it; page text is only ever inserted as
// text nodes (textContent / createTextNode), never as HTML.
(function () {
  "use strict";
  var me = document.currentScript ||
    document.querySelector('script[data-site][src*="corrections.js"]');
  if (!me || !me.src || window.__claimgraphCorrections) return;
  window.__claimgraphCorrections = true;

  var KEY = me.getAttribute("data-site") || "";
  var ENDPOINT = new URL(me.src, location.href).origin +
    "/api/corrections/widget?site=" + encodeURIComponent(KEY);
  var CONTEXT = 48; // characters of prefix/suffix sent with the quote (server keeps 64)
  var SHOWN = 80; // characters of context shown around the quote in the dialog
  var MAX_QUOTE = 2000;

  var CSS = [
    ":host{all:initial}",
    ".cgw-backdrop{position:fixed;inset:0;z-index:2147483646;background:rgba(0,0,0,.45);",
    "display:flex;align-items:center;justify-content:center;padding:1rem;box-sizing:border-box}",
    ".cgw-backdrop[hidden],.cgw-toast[hidden],.cgw-hp{display:none!important}",
    ".cgw-dialog{box-sizing:border-box;width:100%;max-width:36rem;max-height:calc(100vh - 2rem);",
    "overflow:auto;background:#fff;color:#1a1a1a;border-radius:8px;padding:1.25rem 1.5rem;",
    "font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;text-align:left;",
    "box-shadow:0 10px 40px rgba(0,0,0,.35)}",
    ".cgw-dialog *{box-sizing:border-box;font:inherit;color:inherit;letter-spacing:normal}",
    ".cgw-title{font-size:1.2rem;font-weight:700;margin:0 0 .5rem}",
    ".cgw-desc{margin:0 0 .4rem}",
    ".cgw-quote{margin:0 0 1rem;padding:.6rem .8rem;border-left:4px solid #1f5fbf;",
    "background:#f3f5f9;white-space:pre-wrap;word-break:break-word;max-height:10rem;overflow:auto}",
    ".cgw-quote mark{background:#ffe066;color:#000;padding:0 .1em}",
    ".cgw-label{display:block;font-weight:600;margin:.6rem 0 .2rem}",
    ".cgw-field{display:block;width:100%;min-height:3.2rem;padding:.4rem .5rem;border:1px solid #767676;",
    "border-radius:4px;background:#fff;resize:vertical}",
    ".cgw-field:focus,.cgw-btn:focus{outline:3px solid #1f5fbf;outline-offset:2px}",
    ".cgw-status{min-height:1.4em;margin:.6rem 0 0;color:#a00000}",
    ".cgw-acts{display:flex;gap:.6rem;justify-content:flex-end;margin-top:1rem}",
    ".cgw-btn{cursor:pointer;padding:.45rem 1rem;border-radius:4px;border:1px solid #1f5fbf;",
    "background:#fff;color:#1f5fbf;font-weight:600}",
    ".cgw-btn.cgw-primary{background:#1f5fbf;color:#fff}",
    ".cgw-btn[disabled]{opacity:.55;cursor:not-allowed}",
    ".cgw-toast{position:fixed;right:1rem;bottom:1rem;z-index:2147483647;max-width:24rem;",
    "background:#1a1a1a;color:#fff;padding:.75rem 1rem;border-radius:6px;",
    "font:15px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}"
  ].join("");

  // ---------------------------------------------------------------- the UI, built once
  // a custom element (not a div, which page CSS often targets) with inline !important styles,
  // the only author styles that beat the page's own !important rules
  var host = document.createElement("claimgraph-corrections");
  host.setAttribute("style", "all:initial!important;display:block!important;position:static!important");
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var uid = "cgw-" + Math.random().toString(36).slice(2, 8);

  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text) n.textContent = text;
    return n;
  }

  var style = el("style");
  style.textContent = CSS;
  var backdrop = el("div", { "class": "cgw-backdrop", hidden: "" });
  var dialog = el("div", {
    "class": "cgw-dialog", role: "dialog", "aria-modal": "true",
    "aria-labelledby": uid + "-title", "aria-describedby": uid + "-desc"
  });
  var title = el("h2", { "class": "cgw-title", id: uid + "-title" }, "Report an error");
  var desc = el("p", { "class": "cgw-desc", id: uid + "-desc" },
    "The following text will be sent to the editors:");
  var quote = el("blockquote", { "class": "cgw-quote", "data-role": "quote" });
  var form = el("form", { "class": "cgw-form", novalidate: "" });
  var comment = el("textarea", { "class": "cgw-field", id: uid + "-comment", name: "comment", rows: "2", maxlength: "5000" });
  var suggestion = el("textarea", { "class": "cgw-field", id: uid + "-suggestion", name: "suggestion", rows: "2", maxlength: "2000" });
  var hp = el("div", { "class": "cgw-hp", "aria-hidden": "true" });
  var hpInput = el("input", { type: "text", id: uid + "-website", name: "website", tabindex: "-1", autocomplete: "off" });
  hp.append(el("label", { "for": uid + "-website" }, "Leave this empty"), hpInput);
  var status = el("p", { "class": "cgw-status", role: "status", "aria-live": "polite" });
  var cancel = el("button", { type: "button", "class": "cgw-btn" }, "Cancel");
  var send = el("button", { type: "submit", "class": "cgw-btn cgw-primary" }, "Send to the editors");
  var acts = el("div", { "class": "cgw-acts" });
  acts.append(cancel, send);
  form.append(
    el("label", { "class": "cgw-label", "for": comment.id }, "Comment (optional)"), comment,
    el("label", { "class": "cgw-label", "for": suggestion.id }, "Suggested correction (optional)"), suggestion,
    hp, status, acts
  );
  dialog.append(title, desc, quote, form);
  backdrop.append(dialog);
  var toast = el("div", { "class": "cgw-toast", role: "status", "aria-live": "polite", hidden: "" });
  root.append(style, backdrop, toast);

  function mount() {
    if (!host.isConnected) (document.body || document.documentElement).appendChild(host);
  }

  // ---------------------------------------------------------------- selection and context
  function accept(n) {
    var p = n.parentElement;
    if (!p || host.contains(p) || (p.closest && p.closest("script,style,noscript,template,textarea,select"))) {
      return NodeFilter.FILTER_REJECT;
    }
    return NodeFilter.FILTER_ACCEPT;
  }

  function walker() {
    return document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT, { acceptNode: accept });
  }

  function squash(s) { return s.replace(/\s+/g, " "); }

  function textBefore(range, want) {
    var w = walker(), node = range.startContainer, out = "";
    if (node.nodeType === Node.TEXT_NODE) {
      if (accept(node) === NodeFilter.FILTER_ACCEPT) out = node.data.slice(0, range.startOffset);
      w.currentNode = node;
    } else {
      w.currentNode = node.childNodes[range.startOffset] || node;
    }
    for (var t = w.previousNode(); t && squash(out).length < want; t = w.previousNode()) out = t.data + out;
    return squash(out).slice(-want);
  }

  function textAfter(range, want) {
    var w = walker(), node = range.endContainer, out = "";
    if (node.nodeType === Node.TEXT_NODE) {
      if (accept(node) === NodeFilter.FILTER_ACCEPT) out = node.data.slice(range.endOffset);
      w.currentNode = node;
    } else {
      var next = node.childNodes[range.endOffset];
      if (next) {
        w.currentNode = next;
        if (next.nodeType === Node.TEXT_NODE && accept(next) === NodeFilter.FILTER_ACCEPT) out = next.data;
      } else {
        w.currentNode = node;
        while (w.currentNode.lastChild) w.currentNode = w.currentNode.lastChild;
      }
    }
    for (var t = w.nextNode(); t && squash(out).length < want; t = w.nextNode()) out += t.data;
    return squash(out).slice(0, want);
  }

  function currentSelection() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (host.contains(range.commonAncestorContainer)) return null;
    var raw = range.toString();
    var exact = raw.trim();
    if (!exact) return null;
    var lead = raw.length - raw.replace(/^\s+/, "").length;
    var trail = raw.length - raw.replace(/\s+$/, "").length;
    return {
      exact: exact,
      prefix: (textBefore(range, CONTEXT + lead) + squash(raw.slice(0, lead))).slice(-CONTEXT),
      suffix: (squash(raw.slice(raw.length - trail)) + textAfter(range, CONTEXT + trail)).slice(0, CONTEXT),
      before: textBefore(range, SHOWN),
      after: textAfter(range, SHOWN)
    };
  }

  // ---------------------------------------------------------------- the dialog
  var picked = null;
  var opener = null;
  var toastTimer = null;

  function isOpen() { return !backdrop.hidden; }

  function showQuote(p) {
    quote.textContent = "";
    var mark = document.createElement("mark");
    mark.textContent = p.exact;
    quote.append(document.createTextNode((p.before ? "…" : "") + p.before), mark,
      document.createTextNode(p.after + (p.after ? "…" : "")));
  }

  function open() {
    var p = currentSelection();
    if (!p || isOpen()) return false;
    mount();
    picked = p;
    opener = document.activeElement;
    status.textContent = "";
    showQuote(p);
    send.disabled = p.exact.length > MAX_QUOTE;
    if (send.disabled) status.textContent = "The selection is too long (at most " + MAX_QUOTE + " characters).";
    backdrop.hidden = false;
    comment.focus();
    return true;
  }

  function close() {
    if (!isOpen()) return;
    backdrop.hidden = true;
    if (opener && opener.focus && opener.isConnected) opener.focus();
  }

  function focusables() {
    return Array.prototype.filter.call(
      dialog.querySelectorAll("button, textarea, input, [href], [tabindex]"),
      function (n) { return !n.disabled && n.tabIndex >= 0 && !n.closest("[aria-hidden=true]"); }
    );
  }

  function active() { return root.activeElement || document.activeElement; }

  dialog.addEventListener("keydown", function (ev) {
    ev.stopPropagation(); // the host page's shortcuts do not see keys typed in the dialog
    if (ev.key === "Escape") { ev.preventDefault(); close(); return; }
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); submit(); return; }
    if (ev.key !== "Tab") return;
    var els = focusables();
    if (!els.length) return;
    var first = els[0], last = els[els.length - 1], now = active();
    if (ev.shiftKey && (now === first || !dialog.contains(now))) { ev.preventDefault(); last.focus(); }
    else if (!ev.shiftKey && (now === last || !dialog.contains(now))) { ev.preventDefault(); first.focus(); }
  });
  // focus that wanders out (a click on the backdrop, a host-page script) is brought back
  backdrop.addEventListener("mousedown", function (ev) { if (ev.target === backdrop) ev.preventDefault(); });
  document.addEventListener("focusin", function (ev) {
    if (isOpen() && ev.target !== host) comment.focus();
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !isOpen()) {
      if (open()) ev.preventDefault();
    }
  });
  cancel.addEventListener("click", close);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); submit(); });

  function say(text) {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.hidden = true; }, 8000);
  }

  function errorText(resp, data) {
    var d = data && data.detail;
    if (typeof d === "string") return d.charAt(0).toUpperCase() + d.slice(1) + ".";
    if (Array.isArray(d) && d.length) {
      return d.map(function (e) {
        var where = e.loc && e.loc.length ? e.loc[e.loc.length - 1] : "report";
        return where + ": " + e.msg;
      }).join("; ");
    }
    return "The report could not be sent (error " + resp.status + ").";
  }

  function submit() {
    if (!picked || send.disabled) return;
    send.disabled = true;
    status.textContent = "Sending…";
    var body = {
      page_url: location.href,
      exact: picked.exact,
      prefix: picked.prefix,
      suffix: picked.suffix,
      comment: comment.value.trim() || null,
      suggestion: suggestion.value.trim() || null,
      website: hpInput.value
    };
    fetch(ENDPOINT, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (resp) {
      return resp.json().catch(function () { return null; }).then(function (data) {
        send.disabled = false;
        if (resp.status === 202) {
          form.reset();
          picked = null;
          close();
          say("Thank you: your report was sent to the editors.");
          return;
        }
        status.textContent = errorText(resp, data);
      });
    }).catch(function () {
      send.disabled = false;
      status.textContent = "The report could not be sent (network error, or this page is not allowed to send reports).";
    });
  }
})();
