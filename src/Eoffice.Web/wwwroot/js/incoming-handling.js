// Incoming-document handling pages: fill a suggested reason; the forward form's recipient picker. No inline handlers (strict CSP).
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

    var picker = document.getElementById('recipient-picker');
    if (!picker) {
        return;
    }

    // The picker: type to filter people and units (with or without Vietnamese marks), choose a role per recipient; the
    // deadline fields show for the roles that have one, with the deadline the agency proposes:
    // - chủ trì, chỉ đạo: the deadline of the part being forwarded, else the agency's default number of working days;
    //   none when passing the document up to a leader;
    // - phối hợp: the lead's (of this form, else of the lead already at work), followed as the lead's changes;
    // - nhận để biết: none (the fields are disabled, so nothing is sent).
    var search = document.getElementById('recipient-filter');
    var summary = document.getElementById('recipient-chosen');
    var none = document.getElementById('recipient-none');
    var groups = Array.prototype.slice.call(picker.querySelectorAll('.recipient-group'));
    var rows = Array.prototype.slice.call(picker.querySelectorAll('.recipient-row'));
    var defaultDays = picker.getAttribute('data-default-days') || '';
    var ownDue = picker.getAttribute('data-own-due') || '';
    var activeLeadDue = picker.getAttribute('data-lead-due') || '';
    var withDeadline = { lead: true, support: true, direct: true };

    function fold(text) {
        return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
    }

    function parts(row) {
        return {
            role: row.querySelector('.recipient-role'),
            days: row.querySelector('.recipient-days'),
            date: row.querySelector('.recipient-date'),
            name: row.querySelector('.recipient-name').textContent
        };
    }

    function leadRow() {
        return rows.filter(function (row) { return parts(row).role.value === 'lead'; })[0] || null;
    }

    // The deadline a role proposes for the row (days or date), or nothing.
    function proposed(row, role) {
        if (role === 'support') {
            var lead = leadRow();
            if (lead) {
                var l = parts(lead);
                return { days: l.days.value, date: l.date.value };
            }
            if (activeLeadDue) {
                return { days: '', date: activeLeadDue };
            }
        }
        if (row.getAttribute('data-leads-sender') === 'true') {
            return { days: '', date: '' };
        }
        return ownDue ? { days: '', date: ownDue } : { days: defaultDays, date: '' };
    }

    function show(row, keepValues) {
        var p = parts(row);
        var role = p.role.value;
        var hasDeadline = withDeadline[role] === true;
        row.classList.toggle('recipient-chosen', role !== '');
        row.classList.toggle('recipient-has-deadline', hasDeadline);
        p.days.disabled = !hasDeadline;
        p.date.disabled = !hasDeadline;
        if (!hasDeadline) {
            p.days.value = '';
            p.date.value = '';
        } else if (!keepValues) {
            var d = proposed(row, role);
            p.days.value = d.days;
            p.date.value = d.date;
        }
    }

    // Supports whose deadline nobody typed follow the lead's.
    function followLead() {
        rows.forEach(function (row) {
            if (parts(row).role.value === 'support' && !row.hasAttribute('data-typed')) {
                show(row, false);
            }
        });
    }

    function describe() {
        var chosen = rows.filter(function (row) { return parts(row).role.value !== ''; }).map(function (row) {
            var p = parts(row);
            var text = p.name + ' — ' + p.role.options[p.role.selectedIndex].text;
            if (p.date.value) {
                text += ', hạn ' + p.date.value.split('-').reverse().join('/');
            } else if (p.days.value) {
                text += ', ' + p.days.value + ' ngày làm việc';
            }
            return text;
        });
        summary.textContent = chosen.length === 0 ? 'Chưa chọn người, đơn vị nhận.' : 'Đã chọn (' + chosen.length + '): ' + chosen.join('; ');
    }

    function wordsOf(text) {
        return fold(text).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
    }

    // Every word typed begins a word of the name or its position and unit: "nguyen van an" finds Nguyễn Văn An, not
    // Nguyễn Thị Kim Oanh of Phòng Quản lý vận tải.
    var names = new Map(rows.map(function (row) { return [row, wordsOf(row.getAttribute('data-name'))]; }));

    function filter() {
        var words = wordsOf(search.value);
        var found = 0;
        groups.forEach(function (group) {
            var visible = 0;
            group.querySelectorAll('.recipient-row').forEach(function (row) {
                var name = names.get(row);
                var match = words.every(function (w) { return name.some(function (n) { return n.indexOf(w) === 0; }); });
                var keep = match || row.classList.contains('recipient-chosen');
                row.hidden = !keep;
                if (match) {
                    found++;
                }
                if (keep) {
                    visible++;
                }
            });
            group.hidden = visible === 0;
            // Searching opens the groups with matches; clearing the search folds them again unless something is chosen there.
            group.open = words.length > 0 ? visible > 0
                : group.getAttribute('data-folded') !== 'true' || group.querySelector('.recipient-chosen') !== null || group.hasAttribute('data-opened');
        });
        none.hidden = words.length === 0 || found > 0;
    }

    picker.classList.add('recipient-picker-ready');
    rows.forEach(function (row) {
        var p = parts(row);
        // A form shown again (a warning to confirm) keeps what was chosen and typed.
        if (p.role.value !== '' && (p.days.value || p.date.value)) {
            row.setAttribute('data-typed', 'true');
        }
        show(row, true);
        p.role.addEventListener('change', function () {
            row.removeAttribute('data-typed');
            show(row, false);
            followLead();
            describe();
        });
        [p.days, p.date].forEach(function (input) {
            input.addEventListener('input', function () {
                row.setAttribute('data-typed', 'true');
                // One deadline per recipient: a date replaces a number of days and the other way round.
                (input === p.days ? p.date : p.days).value = '';
                if (p.role.value === 'lead') {
                    followLead();
                }
                describe();
            });
        });
    });
    groups.forEach(function (group) {
        group.querySelector('summary').addEventListener('click', function () {
            if (search.value === '') {
                group.toggleAttribute('data-opened', !group.open);
            }
        });
    });

    search.addEventListener('input', filter);
    search.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === 'ArrowDown') {
            // Enter would send the form: go to the first recipient found instead.
            e.preventDefault();
            var first = rows.filter(function (row) { return !row.hidden && !row.closest('.recipient-group').hidden; })[0];
            if (first) {
                parts(first).role.focus();
            }
        } else if (e.key === 'Escape' && search.value !== '') {
            e.preventDefault();
            search.value = '';
            filter();
        }
    });
    describe();
    filter();
})();
