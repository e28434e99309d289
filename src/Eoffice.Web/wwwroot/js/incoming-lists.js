// Văn bản đến: the list page. Filters that are drop-downs apply at once; the tab counts refresh every minute, and the
// list and its tab counts reload as soon as a notification about an incoming document arrives (notifications.js).
(function () {
    'use strict';
    var form = document.getElementById('incoming-filters');
    if (form) {
        form.querySelectorAll('select.auto-submit').forEach(function (select) {
            select.addEventListener('change', function () { form.submit(); });
        });
    }

    var tabs = document.getElementById('incoming-tabs');
    if (!tabs || !window.fetch) {
        return;
    }

    var names = { 'cho-xu-ly': 'pending', 'dang-xu-ly': 'inProgress', 'nhan-de-biet': 'forInformation', 'qua-han': 'overdue', 'theo-doi': 'tracking', 'so-van-ban': 'awaitingPresentation' };
    function refresh() {
        fetch(tabs.getAttribute('data-counts-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (counts) {
                if (!counts) {
                    return;
                }
                tabs.querySelectorAll('[data-count]').forEach(function (badge) {
                    var value = counts[names[badge.getAttribute('data-count')]];
                    if (typeof value === 'number') {
                        var suffix = badge.getAttribute('data-count-suffix');
                        badge.textContent = (value >= counts.cap ? (counts.cap - 1) + '+' : String(value)) + (suffix ? ' ' + suffix : '');
                    }
                });
            })
            .catch(function () { /* keep the counts shown */ });
    }
    window.setInterval(refresh, 60000);

    // The page as the server renders it now: its tabs and its list replace the ones shown. Several notifications at
    // once (a forward to many) reload once.
    var pending = null;
    function reload() {
        pending = null;
        fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (!html) {
                    return;
                }
                var fresh = new DOMParser().parseFromString(html, 'text/html');
                ['incoming-tabs', 'incoming-results'].forEach(function (id) {
                    var now = document.getElementById(id);
                    var next = fresh.getElementById(id);
                    if (now && next) {
                        now.replaceWith(document.adoptNode(next));
                    }
                });
                tabs = document.getElementById('incoming-tabs');
            })
            .catch(function () { /* keep the list shown */ });
    }
    document.addEventListener('eoffice:notification', function (e) {
        var category = e.detail && e.detail.category;
        if (typeof category === 'string' && category.indexOf('documents.incoming') === 0 && pending === null) {
            pending = window.setTimeout(reload, 300);
        }
    });
})();
