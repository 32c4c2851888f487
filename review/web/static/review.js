// The review page's one piece of script: a selection in the document text becomes the
// start and end offsets (Python string offsets: code points, not UTF-16 units) of a finding
// the officer adds. Every piece of the text carries its start offset in data-start.
(function () {
  "use strict";
  function pieceOf(node) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    while (el && !el.hasAttribute("data-start")) { el = el.parentElement; }
    return el;
  }
  function offset(node, unitOffset) {
    var piece = pieceOf(node);
    if (!piece || !document.getElementById("doctext").contains(piece)) { return null; }
    var before = node.nodeType === Node.TEXT_NODE ? node.data.slice(0, unitOffset) : "";
    return parseInt(piece.getAttribute("data-start"), 10) + Array.from(before).length;
  }
  function update() {
    var form = document.getElementById("add-finding");
    if (!form) { return; }
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
    var range = sel.getRangeAt(0);
    var start = offset(range.startContainer, range.startOffset);
    var end = offset(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { return; }
    document.getElementById("add-start").value = start;
    document.getElementById("add-end").value = end;
    document.getElementById("add-text").textContent = sel.toString();
    form.hidden = false;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("doctext");
    if (text) {
      text.addEventListener("mouseup", update);
      text.addEventListener("keyup", update);
    }
    var attribute = document.getElementById("attribute-select");
    var ground = document.getElementById("ground-select");
    if (attribute && ground) {
      var filter = function () {
        Array.prototype.forEach.call(ground.options, function (o) {
          o.hidden = o.value !== "" && o.getAttribute("data-attribute") !== attribute.value;
        });
        ground.required = attribute.value === "not_public";
        if (ground.selectedOptions[0] && ground.selectedOptions[0].hidden) { ground.value = ""; }
      };
      attribute.addEventListener("change", filter);
      filter();
    }
  });
})();
