// The search page (/tim-kiem): a changed sort or filter runs the search again, from its first page.
(function () {
    "use strict";
    var form = document.getElementById("search-form");
    if (!form) { return; }
    form.querySelectorAll("select.auto-submit").forEach(function (select) {
        select.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });
})();
