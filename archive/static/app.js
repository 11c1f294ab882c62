/* Progressive enhancement only: every control works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Sort menus submit as soon as a choice is made (the "Sort" button covers no-JS use).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) { select.form.submit(); }
    });
  });

  // "Copy citation" buttons: shown only when the clipboard can be used.
  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    var status = button.parentElement.querySelector(".copy-status");
    if (!target || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () {
        if (status) { status.textContent = "Citation copied."; }
      }, function () {
        target.select();
        if (status) { status.textContent = "Select the text above and copy it."; }
      });
    });
  });

  // Clicking into the citation selects all of it, ready to copy.
  document.querySelectorAll("textarea[readonly]").forEach(function (area) {
    area.addEventListener("focus", function () { area.select(); });
  });
})();
