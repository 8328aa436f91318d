/* opcompare report: sorting and filtering of the overview, in the browser, without a server.
   Reads only the page itself (data-sort attributes and text); the page works without it. */
(function () {
  "use strict";
  // The script is on every page, and other pages use the id "overview" for other things (the help
  // page's heading): only the overview's own table, with its header row, is sorted and filtered.
  var table = document.querySelector("table#overview");
  if (!table || !table.tHead) {
    return;
  }
  // Each case is one tbody (its numbers and its sentence): sorting and filtering move whole tbodies.
  var groups = function () { return Array.prototype.slice.call(table.tBodies); };
  var filter = document.getElementById("filter");
  var show = document.getElementById("show");
  var shown = document.getElementById("shown");

  function key(group, col) {
    var cell = group.rows[0].children[col];
    if (!cell) {
      return "";
    }
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }

  function sortBy(th) {
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute("data-type") === "number";
    var descending = th.getAttribute("aria-sort") === "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var rows = groups();
    rows.sort(function (a, b) {
      var x = key(a, col);
      var y = key(b, col);
      var d;
      if (numeric) {
        x = parseFloat(x);
        y = parseFloat(y);
        d = (isNaN(x) ? -Infinity : x) - (isNaN(y) ? -Infinity : y);
        if (isNaN(d)) {
          d = 0; // Infinity against Infinity
        }
      } else {
        d = x.localeCompare(y);
      }
      return descending ? -d : d;
    });
    rows.forEach(function (r) { table.appendChild(r); });
  }

  function apply() {
    var text = (filter && filter.value || "").toLowerCase();
    var mode = show ? show.value : "all";
    var visible = 0;
    var all = groups();
    all.forEach(function (row) {
      var ok = !text || row.textContent.toLowerCase().indexOf(text) >= 0;
      if (ok && mode === "inexact") {
        ok = row.getAttribute("data-grade") !== "exact";
      } else if (ok && mode === "disagree") {
        ok = parseFloat(row.getAttribute("data-agree")) < 1;
      }
      row.hidden = !ok;
      if (ok) {
        visible++;
      }
    });
    if (shown) {
      shown.textContent = visible + " of " + all.length + " cases";
    }
  }

  Array.prototype.forEach.call(table.tHead.querySelectorAll("th.sort"), function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        sortBy(th);
      }
    });
  });
  if (filter) {
    filter.addEventListener("input", apply);
  }
  if (show) {
    show.addEventListener("change", apply);
  }
  apply();
})();
