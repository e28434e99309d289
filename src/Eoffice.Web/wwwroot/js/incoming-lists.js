// Văn bản đến: the list page. Filters that are drop-downs apply at once; the tab counts refresh every minute.
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
})();
