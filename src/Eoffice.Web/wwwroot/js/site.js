// eOffice front-end glue. No inline scripts: the CSP allows only files from this origin.
(function () {
    "use strict";
    document.querySelectorAll("[data-confirm]").forEach(function (el) {
        el.addEventListener("click", function (e) {
            if (!window.confirm(el.getAttribute("data-confirm"))) { e.preventDefault(); }
        });
    });
})();
