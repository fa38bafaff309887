// Citation markers open the cited source in a dialog with the cited span highlighted.
// Built with textContent only: source text is never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nb-data").textContent);
  var dialog = document.getElementById("viewer");
  var title = document.getElementById("viewer-title");
  var meta = document.getElementById("viewer-meta");
  var body = document.getElementById("viewer-text");
  var opener = null;

  function fill(src, start, end) {
    var text = src.text;
    body.textContent = "";
    var re = /[^\n]+/g, m, first = null;
    while ((m = re.exec(text)) !== null) {
      var ps = m.index, pe = m.index + m[0].length;
      if (!m[0].trim()) continue;
      var p = document.createElement("p");
      var a = Math.max(ps, start), b = Math.min(pe, end);
      if (a < b) {
        p.appendChild(document.createTextNode(text.slice(ps, a)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(a, b);
        p.appendChild(mark);
        p.appendChild(document.createTextNode(text.slice(b, pe)));
        if (!first) { first = mark; mark.id = "viewer-mark"; }
      } else {
        p.textContent = text.slice(ps, pe);
      }
      body.appendChild(p);
    }
    return first;
  }

  function open(link) {
    var src = data.sources[Number(link.dataset.source)];
    if (!src || typeof dialog.showModal !== "function") return false;
    title.textContent = "Source " + src.n + (src.outlet ? " · " + src.outlet : "");
    meta.textContent = [src.published || "date unknown", src.title].filter(Boolean).join(" · ");
    var mark = fill(src, Number(link.dataset.start), Number(link.dataset.end));
    opener = link;
    link.classList.add("active");
    dialog.showModal();
    if (mark) mark.scrollIntoView({ block: "center" });
    body.focus({ preventScroll: true });
    return true;
  }

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.cite");
    if (link && open(link)) ev.preventDefault();
  });
  document.getElementById("viewer-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (ev) { if (ev.target === dialog) dialog.close(); });
  dialog.addEventListener("close", function () {
    if (opener) { opener.classList.remove("active"); opener.focus(); opener = null; }
  });
})();
