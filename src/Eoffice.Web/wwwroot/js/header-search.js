// The header's search box: suggestions while typing (an ARIA combobox over a listbox), from
// /api/v1/search/suggestions?q=, debounced; every text is set with textContent. Enter without a chosen suggestion
// submits the form (/tim-kiem?q=); arrows choose, Enter opens the chosen one, Escape closes the list.
(function () {
    "use strict";
    var input = document.getElementById("header-search-input");
    var list = document.getElementById("header-search-list");
    var status = document.getElementById("header-search-status");
    if (!input || !list) { return; }
    var url = input.getAttribute("data-suggest-url");
    var timer = null;
    var controller = null;
    var items = [];
    var active = -1;
    var last = "";

    function close() {
        list.hidden = true;
        list.replaceChildren();
        items = [];
        active = -1;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
        if (active >= 0 && items[active]) { items[active].classList.remove("active"); items[active].setAttribute("aria-selected", "false"); }
        active = index;
        if (active >= 0 && items[active]) {
            items[active].classList.add("active");
            items[active].setAttribute("aria-selected", "true");
            input.setAttribute("aria-activedescendant", items[active].id);
            items[active].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function render(suggestions) {
        close();
        if (!suggestions.length) { return; }
        suggestions.forEach(function (s, i) {
            var li = document.createElement("li");
            li.id = "header-search-option-" + i;
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", "false");
            li.className = "header-search-option";
            li.dataset.url = s.url || "";
            var code = s.code || "";
            if (code) {
                var strong = document.createElement("span");
                strong.className = "header-search-code";
                strong.textContent = code;
                li.appendChild(strong);
            }
            var title = document.createElement("span");
            title.className = "header-search-title";
            title.textContent = s.title || "";
            li.appendChild(title);
            var kind = document.createElement("span");
            kind.className = "header-search-kind";
            kind.textContent = s.kindName || "";
            li.appendChild(kind);
            li.addEventListener("mousedown", function (e) { e.preventDefault(); });
            li.addEventListener("click", function () { open(i); });
            list.appendChild(li);
            items.push(li);
        });
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        if (status) { status.textContent = suggestions.length + " gợi ý. Dùng phím mũi tên để chọn."; }
    }

    function open(index) {
        var target = items[index] && items[index].dataset.url;
        // Only a link inside this site is followed.
        if (target && target.charAt(0) === "/" && target.charAt(1) !== "/") { window.location.assign(target); }
    }

    function fetchSuggestions() {
        var q = input.value.trim();
        if (q === last) { return; }
        last = q;
        if (controller) { controller.abort(); }
        if (q.length < 2) { close(); return; }
        controller = new AbortController();
        fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" }, credentials: "same-origin", signal: controller.signal })
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(function (data) {
                if (input.value.trim() !== q) { return; }
                var found = Array.isArray(data) ? data : (data && data.items) || [];
                if (!found.length && status) { status.textContent = "Không có gợi ý."; }
                render(found);
            })
            .catch(function (e) { if (e.name !== "AbortError") { close(); } });
    }

    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(fetchSuggestions, 200);
    });
    input.addEventListener("keydown", function (e) {
        if (e.key === "ArrowDown" && items.length) {
            e.preventDefault();
            choose(active + 1 >= items.length ? 0 : active + 1);
        } else if (e.key === "ArrowUp" && items.length) {
            e.preventDefault();
            choose(active <= 0 ? items.length - 1 : active - 1);
        } else if (e.key === "Enter" && active >= 0) {
            e.preventDefault();
            open(active);
        } else if (e.key === "Escape") {
            if (!list.hidden) { e.preventDefault(); }
            close();
        }
    });
    input.addEventListener("blur", function () { last = ""; setTimeout(close, 150); });
    input.form.addEventListener("submit", function (e) {
        clearTimeout(timer);
        if (!input.value.trim()) { e.preventDefault(); input.focus(); }
    });
})();
