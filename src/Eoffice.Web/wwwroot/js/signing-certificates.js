// The certificate administration page: the register form shows the fields of the chosen use and key location (all
// fields stay in the page without scripts), and the image form previews the chosen PNG before it is uploaded.
(function () {
    "use strict";
    const form = document.getElementById("register-certificate-form");
    if (form) {
        const location = form.querySelector("#Input_Location");
        const refresh = function () {
            const use = (form.querySelector("input[name='Input.Use']:checked") || {}).value;
            form.querySelectorAll("[data-for-use]").forEach(function (el) {
                el.classList.toggle("d-none", el.getAttribute("data-for-use") !== use);
            });
            form.querySelectorAll("[data-for-location]").forEach(function (el) {
                el.classList.toggle("d-none", el.getAttribute("data-for-location").split(" ").indexOf(location.value) < 0);
            });
        };
        form.addEventListener("change", refresh);
        refresh();
    }

    const picker = document.getElementById("Image_File");
    const preview = document.getElementById("image-preview");
    if (picker && preview) {
        picker.addEventListener("change", function () {
            if (preview.src) { URL.revokeObjectURL(preview.src); }
            const file = picker.files && picker.files[0];
            preview.classList.toggle("d-none", !file);
            if (file) { preview.src = URL.createObjectURL(file); } else { preview.removeAttribute("src"); }
        });
    }
})();
