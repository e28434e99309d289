// Live notification badge and toasts over SignalR (/hubs/notifications). Loaded by _HeaderWidgets for signed-in users.
// Each notification that arrives is also announced on the document as the "eoffice:notification" event.
// No inline scripts or styles: the CSP allows only files from this origin, so everything is built with DOM calls.
(function () {
    "use strict";
    var badge = document.getElementById("notification-count");
    var bell = document.getElementById("notification-bell");
    var toasts = document.getElementById("notification-toasts");
    if (!badge || !bell || !window.signalR) { return; }

    function setCount(count) {
        badge.textContent = count > 99 ? "99+" : String(count);
        badge.hidden = count === 0;
        bell.setAttribute("aria-label", (bell.getAttribute("data-label") || "Thông báo") + " (" + count + " chưa đọc)");
    }

    function isLocal(link) {
        return typeof link === "string" && link.charAt(0) === "/" && link.charAt(1) !== "/" && link.charAt(1) !== "\\";
    }

    function showToast(n) {
        if (!toasts) { return; }
        var toast = document.createElement("div");
        toast.className = "toast";
        toast.setAttribute("role", "status");
        toast.setAttribute("aria-live", "polite");
        toast.setAttribute("aria-atomic", "true");

        var header = document.createElement("div");
        header.className = "toast-header";
        var strong = document.createElement("strong");
        strong.className = "me-auto";
        strong.textContent = "Thông báo mới";
        var close = document.createElement("button");
        close.type = "button";
        close.className = "btn-close";
        close.setAttribute("data-bs-dismiss", "toast");
        close.setAttribute("aria-label", "Đóng");
        header.appendChild(strong);
        header.appendChild(close);

        var body = document.createElement("div");
        body.className = "toast-body";
        // The notification's own address marks it read on the way to the object it is about.
        var title = document.createElement(isLocal(n.link) && isLocal(n.openUrl) ? "a" : "span");
        title.textContent = n.title;
        if (title.tagName === "A") { title.href = n.openUrl; }
        body.appendChild(title);
        if (n.body) {
            var text = document.createElement("div");
            text.className = "small";
            text.textContent = n.body;
            body.appendChild(text);
        }

        toast.appendChild(header);
        toast.appendChild(body);
        toasts.appendChild(toast);
        toast.addEventListener("hidden.bs.toast", function () { toast.remove(); });
        if (window.bootstrap && window.bootstrap.Toast) {
            window.bootstrap.Toast.getOrCreateInstance(toast, { delay: 8000 }).show();
        } else {
            toast.classList.add("show");
        }
    }

    // The hub's negotiate (and long-polling) requests are POSTs of the cookie session: they carry the antiforgery token.
    var headers = {};
    var antiforgery = document.querySelector('meta[name="eoffice-antiforgery"]');
    if (antiforgery) { headers[antiforgery.getAttribute("data-header")] = antiforgery.getAttribute("content"); }

    var connection = new window.signalR.HubConnectionBuilder()
        .withUrl("/hubs/notifications", { headers: headers })
        .withAutomaticReconnect()
        .configureLogging(window.signalR.LogLevel.Warning)
        .build();

    connection.on("UnreadCount", setCount);
    connection.on("Notification", function (n) {
        setCount(n.unreadCount);
        showToast(n);
        // Pages that list what a notification is about (the incoming inbox) refresh themselves on this event.
        document.dispatchEvent(new CustomEvent("eoffice:notification", { detail: n }));
    });

    connection.onreconnected(function () { bell.setAttribute("data-live", "true"); });
    connection.onreconnecting(function () { bell.removeAttribute("data-live"); });
    // data-live: the page receives notifications as they arrive (the browser tests wait for it).
    connection.start().then(function () { bell.setAttribute("data-live", "true"); }).catch(function (err) {
        // The page still works without live updates; the badge is correct as of the page load.
        console.warn("Không kết nối được kênh thông báo trực tiếp.", err);
    });
})();
