// Board and item pages: live updates over server-sent events, form resets after htmx posts, and a
// small rich-text editor for updates. Loaded as a file: the pages allow no inline script (CSP).
(function () {
  "use strict";

  // Show error answers (400/403/404/409/413) too: the server retargets them to #notice.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "[45]..", swap: true, error: true }
  ];

  // Says politely what just happened, for screen readers (the page's #announce region).
  function announce(text) {
    var region = document.getElementById("announce");
    if (region) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  }

  var announcements = { "add-item": "Item added to the board.", "compose": "Your update is posted." };

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form instanceof HTMLFormElement && form.dataset.reset === "true") {
      form.reset();
      var editor = form.querySelector(".editor");
      if (editor) {
        editor.innerHTML = "";
      }
    }
    if (event.detail.successful && form instanceof HTMLFormElement && announcements[form.id]) {
      announce(announcements[form.id]);
    }
  });

  // An inline edit replaces its row: put the focus back on the same cell of the new row.
  var editedCell = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form instanceof HTMLFormElement && form.classList.contains("cell")) {
      var cell = form.closest("td");
      var row = form.closest("tr");
      editedCell = cell && row ? { row: row.id, column: cell.dataset.column } : null;
    }
  });
  // The swapped row may already have been replaced by a live update, so the row is looked up by its id.
  function restoreFocus() {
    if (!editedCell) {
      return;
    }
    var row = document.getElementById(editedCell.row);
    var field = row && row.querySelector('td[data-column="' + editedCell.column + '"] [name="value"]');
    editedCell = null;
    if (field) {
      field.focus();
      announce("Saved.");
    }
  }
  document.addEventListener("htmx:afterSwap", restoreFocus);
  document.addEventListener("htmx:afterRequest", function () { window.setTimeout(restoreFocus, 100); });

  function fetchHtml(url) {
    return fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; });
  }

  function firstElement(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // A row came in (typed on this page or created elsewhere): the empty-board line goes, the count grows.
  function rowAdded(rows) {
    var empty = rows.querySelector(".empty-row");
    if (empty) {
      empty.remove();
    }
    var count = document.getElementById("item-count");
    if (count) {
      count.textContent = String(Number(count.textContent) + 1);
    }
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var rows = document.getElementById("rows");
    if (rows && event.detail.target === rows) {
      var added = rows.firstElementChild;
      var twins = added && added.id ? rows.querySelectorAll('[id="' + added.id + '"]') : [];
      if (twins.length > 1) {
        // the live update was quicker and already showed (and counted) this row
        for (var i = 1; i < twins.length; i++) {
          twins[i].remove();
        }
        return;
      }
      rowAdded(rows);
    }
  });

  function connectBoard(table) {
    var rows = document.getElementById("rows");
    function load(id, insert) {
      if (editedCell && editedCell.row === "item-" + id) {
        return; // the answer to the edit in flight brings this row
      }
      fetchHtml(table.dataset.rowsUrl + id).then(function (html) {
        if (!html || (editedCell && editedCell.row === "item-" + id)) {
          return;
        }
        var row = firstElement(html);
        var existing = document.getElementById("item-" + id);
        if (existing) {
          if (existing.contains(document.activeElement)) {
            return; // do not pull the field away from someone typing in it
          }
          existing.replaceWith(row);
        } else if (insert && table.dataset.liveInsert === "true") {
          rows.prepend(row);
          rowAdded(rows);
        } else {
          return;
        }
        htmx.process(row);
      });
    }
    var source = new EventSource(table.dataset.liveUrl);
    source.addEventListener("open", function () { table.dataset.live = "connected"; });
    source.addEventListener("error", function () { table.dataset.live = "reconnecting"; });
    source.addEventListener("item-created", function (e) { load(e.data, true); });
    source.addEventListener("item-changed", function (e) { load(e.data, false); });
    source.addEventListener("update-posted", function (e) { load(e.data, false); });
    source.addEventListener("item-deleted", function (e) {
      var row = document.getElementById("item-" + e.data);
      if (row) {
        row.remove();
      }
    });
  }

  function connectItem(page) {
    var source = new EventSource(page.dataset.liveUrl);
    source.addEventListener("open", function () { page.dataset.live = "connected"; });
    source.addEventListener("update-posted", function (e) {
      if (e.data === page.dataset.itemId) {
        fetchHtml(page.dataset.feedUrl).then(function (html) {
          if (html !== null) {
            document.getElementById("feed").innerHTML = html;
          }
        });
      }
    });
  }

  function enhanceEditor(form) {
    var editor = form.querySelector(".editor");
    var toolbar = form.querySelector(".toolbar");
    var textarea = form.querySelector("textarea[name=body]");
    if (!editor || !toolbar || !textarea) {
      return;
    }
    editor.hidden = false;
    toolbar.hidden = false;
    textarea.required = false;
    form.querySelector(".plain-body").hidden = true;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-format]");
      if (!button) {
        return;
      }
      editor.focus();
      var format = button.dataset.format;
      if (format === "createLink") {
        var url = window.prompt("Link (https://…)", "https://");
        if (url) {
          document.execCommand("createLink", false, url);
        }
      } else {
        document.execCommand(format, false, null);
      }
    });
    var sync = function () { textarea.value = editor.innerHTML; };
    editor.addEventListener("input", sync);
    form.addEventListener("submit", sync, true);
    form.addEventListener("htmx:configRequest", function (event) {
      sync();
      event.detail.parameters.set ? event.detail.parameters.set("body", editor.innerHTML)
                                  : (event.detail.parameters.body = editor.innerHTML);
    });
  }

  function start() {
    var table = document.getElementById("board-table");
    if (table) {
      connectBoard(table);
    }
    var item = document.getElementById("item-page");
    if (item) {
      connectItem(item);
    }
    var compose = document.getElementById("compose");
    if (compose) {
      enhanceEditor(compose);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
