// Incoming-document handling pages: fill a suggested reason, filter the recipient table. No inline handlers (strict CSP).
(function () {
    'use strict';

    document.querySelectorAll('[data-fill-target]').forEach(function (button) {
        button.addEventListener('click', function () {
            var target = document.getElementById(button.getAttribute('data-fill-target'));
            if (target) {
                target.value = button.getAttribute('data-fill-text') || '';
                target.focus();
            }
        });
    });

    document.querySelectorAll('[data-filter-rows]').forEach(function (input) {
        var rowClass = input.getAttribute('data-filter-rows');
        input.addEventListener('input', function () {
            var query = input.value.trim().toLowerCase();
            document.querySelectorAll('.' + rowClass).forEach(function (row) {
                var name = row.getAttribute('data-name') || '';
                var picked = row.querySelector('select') && row.querySelector('select').value !== '';
                row.classList.toggle('d-none', query.length > 0 && name.indexOf(query) < 0 && !picked);
            });
        });
    });
})();
