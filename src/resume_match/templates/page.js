"use strict";
// Sort any table marked "sortable" by the column whose header button is pressed. Cells may carry
// data-sort (numbers, or text to compare); empty numbers sort last in either direction.
(function () {
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  function key(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell ? (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim()) : "";
    if (!numeric) { return raw; }
    return raw === "" ? null : Number(raw);
  }
  function sortBy(table, th) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var index = heads.indexOf(th);
    var numeric = th.dataset.type === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    if (!th.hasAttribute("aria-sort") && th.dataset.first === "descending") { ascending = false; }
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, position) {
      return { row: row, key: key(row, index, numeric), position: position };
    });
    keyed.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) { return a.position - b.position; }
        return a.key === null ? 1 : -1;
      }
      var order = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      if (order === 0) { return a.position - b.position; }
      return ascending ? order : -order;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
    var status = document.getElementById(table.dataset.status || "");
    if (status) {
      status.textContent = "Sorted by " + th.textContent.trim() + ", " + (ascending ? "ascending" : "descending") + ".";
    }
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th button").forEach(function (button) {
      button.addEventListener("click", function () { sortBy(table, button.closest("th")); });
    });
  });
})();
