// Sortable tables: each column header of a table[data-sortable] gets a button that sorts
// the rows by that column (numbers as numbers); pressing it again reverses the order.
// Cells without a value ("no data") always stay at the end. Without JavaScript the table
// is complete, in the order the build gave it.
"use strict";

(() => {
  const valueOf = (row, column) => {
    const cell = row.cells[column];
    return cell ? (cell.dataset.sort ?? cell.textContent.trim()) : "";
  };

  const sortRows = (table, column, type, descending) => {
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const filled = rows.filter((row) => valueOf(row, column) !== "");
    const empty = rows.filter((row) => valueOf(row, column) === "");
    filled.sort((a, b) => {
      const x = valueOf(a, column);
      const y = valueOf(b, column);
      const order = type === "number" ? Number(x) - Number(y) : x.localeCompare(y);
      return descending ? -order : order;
    });
    for (const row of [...filled, ...empty]) body.appendChild(row);
  };

  for (const table of document.querySelectorAll("table[data-sortable]")) {
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((header, column) => {
      const type = header.dataset.sortType;
      if (!type) return;
      const label = header.textContent.trim().replace(/\s+/g, " ");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.setAttribute("aria-label", `Sort by ${label}`);
      button.textContent = "⇅";
      button.addEventListener("click", () => {
        const descending = header.getAttribute("aria-sort") === "ascending"
          || (header.getAttribute("aria-sort") === null && type === "number");
        for (const other of headers) other.removeAttribute("aria-sort");
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sortRows(table, column, type, descending);
      });
      header.appendChild(button);
    });
  }
})();
