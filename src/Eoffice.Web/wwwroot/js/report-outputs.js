// Outputs of incoming and outgoing documents (sổ và báo cáo, print views): the "In" button, and export buttons that send the
// report form to the file endpoint of the API instead of the print view.
(function () {
    'use strict';

    var printButton = document.getElementById('print-button');
    if (printButton) {
        printButton.addEventListener('click', function () {
            window.print();
        });
    }

    document.querySelectorAll('form.report-form').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            var submitter = event.submitter;
            var template = submitter && submitter.getAttribute('data-export-action');
            if (!template) {
                return;
            }

            event.preventDefault();
            var data = new FormData(form);
            var registerId = data.get('registerId') || '';
            var url = template.replace('{registerId}', encodeURIComponent(registerId));
            var query = new URLSearchParams();
            data.forEach(function (value, key) {
                if (value !== '' && !(key === 'registerId' && template.indexOf('{registerId}') >= 0)) {
                    query.append(key, value);
                }
            });
            var text = query.toString();
            // An action may name its own parameters already ("…/book?format=pdf").
            window.location.href = text ? url + (url.indexOf('?') >= 0 ? '&' : '?') + text : url;
        });
    });
})();
