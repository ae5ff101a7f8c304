// The head's digital signature through NCALayer (the national certification authority's signing application).
// 1. The portal freezes each case's result documents and gives their bytes (prepare).
// 2. NCALayer signs all of them in one call: module kz.gov.pki.knca.basics, method sign, detached CMS, only keys of the
//    head's IIN (and the office's BIN) offered, in the user's language.
// 3. Each case's signatures go back to the portal on their own (sign): one refused case does not lose the others.
// Nothing changes on a case when NCALayer is not running, the user cancels, or the portal refuses its signature.
(function () {
    'use strict';

    function ncaLayerSign(url, request) {
        return new Promise(function (resolve, reject) {
            var socket;
            try { socket = new WebSocket(url); } catch (e) { reject({ kind: 'unavailable' }); return; }
            var answered = false;
            socket.onerror = function () { if (!answered) { answered = true; reject({ kind: 'unavailable' }); } };
            socket.onclose = function () { if (!answered) { answered = true; reject({ kind: 'unavailable' }); } };
            socket.onopen = function () { socket.send(JSON.stringify(request)); };
            socket.onmessage = function (event) {
                var reply;
                try { reply = JSON.parse(event.data); } catch (e) { return; }
                // NCALayer greets with its version first; the answer to our call carries status (or code).
                if (reply.status === undefined && reply.code === undefined) return;
                answered = true;
                socket.close();
                if (reply.status === true) resolve(reply.body && reply.body.result);
                else if (reply.code === 'USER_CANCELED' || reply.code === 'USER_CANCELLED') reject({ kind: 'canceled' });
                else reject({ kind: 'error', code: reply.code || reply.message || 'UNKNOWN' });
            };
        });
    }

    function post(url, data) {
        return fetch(url, { method: 'POST', body: data, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.json().then(function (body) { return { status: response.status, body: body }; }); });
    }

    function words(problem, messages) {
        if (problem && problem.kind === 'unavailable') return messages.msgNoNcalayer;
        if (problem && problem.kind === 'canceled') return messages.msgCanceled;
        if (problem && problem.kind === 'error') return messages.msgNcaError.replace('{0}', problem.code);
        if (problem && problem.kind === 'server') return (problem.messages || []).join(' ');
        return String(problem);
    }

    // Signs the given cases ({ id, version, number }) in one NCALayer call; reports each case's outcome.
    function signCases(cases, ui) {
        var token = ui.form.querySelector('input[name=__RequestVerificationToken]').value;
        var prepared = [];
        ui.status(ui.messages.msgPreparing, false);
        return cases.reduce(function (chain, c) {
            return chain.then(function () {
                var data = new FormData();
                data.append('__RequestVerificationToken', token);
                data.append('Prepare.Version', c.version);
                return post('/cases/' + c.id + '/sign/prepare', data).then(function (answer) {
                    if (answer.status === 200) prepared.push({ c: c, p: answer.body });
                    else ui.outcome(c, false, (answer.body.messages || []).join(' '));
                });
            });
        }, Promise.resolve()).then(function () {
            if (prepared.length === 0) return;
            prepared.forEach(function (x) { x.p.documents.forEach(function (d) { ui.document(x.c, d); }); });
            var first = prepared[0].p;
            var signerParams = { extKeyUsageOids: [], iin: first.iin, chain: [] };
            if (first.bin) signerParams.bin = first.bin;
            var data = [];
            prepared.forEach(function (x) { x.p.documents.forEach(function (d) { data.push(d.data); }); });
            return ncaLayerSign(ui.form.dataset.ncalayer, {
                module: 'kz.gov.pki.knca.basics',
                method: 'sign',
                args: {
                    allowedStorages: ['PKCS12', 'AKKaztokenStore', 'AKKZIDCardStore', 'AKEToken5110Store', 'AKJaCartaStore'],
                    format: 'cms',
                    data: data,
                    signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: {} },
                    signerParams: signerParams,
                    locale: first.locale
                }
            }).then(function (result) {
                var signatures = Array.isArray(result) ? result : [result];
                ui.status(ui.messages.msgSending, false);
                var at = 0;
                return prepared.reduce(function (chain, x) {
                    return chain.then(function () {
                        var form = new FormData();
                        form.append('__RequestVerificationToken', token);
                        form.append('Digital.Version', x.p.version);
                        form.append('Digital.Package', x.p.package);
                        x.p.documents.forEach(function (d, i) {
                            form.append('Digital.Signatures[' + i + '].DocumentId', d.id);
                            form.append('Digital.Signatures[' + i + '].Cms', signatures[at++] || '');
                        });
                        return post('/cases/' + x.c.id + '/sign/digital', form).then(function (answer) {
                            ui.outcome(x.c, answer.status === 200, answer.status === 200 ? '' : (answer.body.messages || []).join(' '), answer.body);
                        });
                    });
                }, Promise.resolve());
            });
        });
    }

    function statusOf(element) {
        return function (text, isError) {
            element.textContent = text;
            element.className = 'small mt-2' + (isError ? ' text-danger' : '');
            element.setAttribute('data-state', isError ? 'error' : 'busy');
        };
    }

    function documentLink(list, d) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = d.url;
        link.target = '_blank';
        link.rel = 'noopener';
        link.textContent = d.title;
        item.appendChild(link);
        list.appendChild(item);
        return item;
    }

    // The case page: one case; on success the page opens the case (or the next one to sign).
    document.querySelectorAll('form[data-digital-sign]').forEach(function (form) {
        var status = statusOf(form.querySelector('[data-testid=digital-sign-status]'));
        var list = form.querySelector('[data-testid=digital-sign-documents]');
        var buttons = form.querySelectorAll('button[type=submit]');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var next = event.submitter && event.submitter.value === 'next';
            buttons.forEach(function (b) { b.disabled = true; });
            list.textContent = '';
            var failed = null, done = null;
            var ui = {
                form: form, messages: form.dataset, status: status,
                document: function (c, d) { documentLink(list, d); },
                outcome: function (c, ok, text, body) { if (ok) done = body; else failed = text; }
            };
            var c = { id: form.dataset.case, version: form.querySelector('input[name="Prepare.Version"]').value };
            signCases([c], ui).then(function () {
                if (failed !== null) throw { kind: 'server', messages: [failed] };
                window.location.assign(next && done.next ? done.next : done.redirect);
            }).catch(function (problem) {
                status(words(problem, form.dataset), true);
                buttons.forEach(function (b) { b.disabled = false; });
            });
        });
    });

    // The head's "to sign" queue: the ticked cases (or all shown) in one NCALayer call, each applied on its own.
    document.querySelectorAll('form[data-digital-batch]').forEach(function (form) {
        var status = statusOf(form.querySelector('[data-testid=batch-status]'));
        var results = form.querySelector('[data-testid=batch-results]');
        var button = form.querySelector('button[type=submit]');
        var all = form.querySelector('input[data-select-all]');
        var boxes = function () { return Array.prototype.slice.call(form.querySelectorAll('input[name=case]')); };
        if (all) all.addEventListener('change', function () { boxes().forEach(function (b) { b.checked = all.checked; }); });
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var cases = boxes().filter(function (b) { return b.checked; })
                .map(function (b) { return { id: b.value, version: b.dataset.version, number: b.dataset.number }; });
            if (cases.length === 0) { status(form.dataset.msgNoneChosen, true); return; }
            button.disabled = true;
            results.textContent = '';
            var rows = {};
            cases.forEach(function (c) {
                var li = document.createElement('li');
                li.setAttribute('data-number', c.number);
                li.textContent = c.number;
                var docs = document.createElement('ul');
                li.appendChild(docs);
                results.appendChild(li);
                rows[c.id] = { li: li, docs: docs };
            });
            var signed = 0;
            var ui = {
                form: form, messages: form.dataset, status: status,
                document: function (c, d) { documentLink(rows[c.id].docs, d); },
                outcome: function (c, ok, text) {
                    var row = rows[c.id].li;
                    row.setAttribute('data-outcome', ok ? 'signed' : 'refused');
                    var note = document.createElement('div');
                    note.className = ok ? 'text-success' : 'text-danger';
                    note.textContent = ok ? form.dataset.msgSigned : text;
                    row.appendChild(note);
                    if (ok) signed++;
                }
            };
            signCases(cases, ui).then(function () {
                status(form.dataset.msgBatchDone.replace('{0}', signed).replace('{1}', cases.length), signed < cases.length);
                form.querySelector('[data-testid=batch-status]').setAttribute('data-state', 'done');
                button.disabled = false;
            }).catch(function (problem) {
                status(words(problem, form.dataset), true);
                button.disabled = false;
            });
        });
    });
})();
