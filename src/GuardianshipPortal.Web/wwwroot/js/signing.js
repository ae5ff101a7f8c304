// The head's digital signature through NCALayer (the national certification authority's signing application).
// 1. The portal freezes the result's documents and gives their bytes (prepare).
// 2. NCALayer signs them in one call: module kz.gov.pki.knca.basics, method sign, detached CMS, only keys of the head's
//    IIN (and the office's BIN) offered, in the user's language.
// 3. The signatures go back to the portal, which verifies each against the frozen bytes and the head (sign).
// Nothing changes on the case when NCALayer is not running, the user cancels, or the portal refuses a signature.
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
                if (reply.result && reply.result.version && reply.status === undefined) return;
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

    function show(status, text, isError) {
        status.textContent = text;
        status.className = 'small mt-2' + (isError ? ' text-danger' : '');
        status.setAttribute('data-state', isError ? 'error' : 'busy');
    }

    document.querySelectorAll('form[data-digital-sign]').forEach(function (form) {
        var status = form.querySelector('[data-testid=digital-sign-status]');
        var list = form.querySelector('[data-testid=digital-sign-documents]');
        var button = form.querySelector('button[type=submit]');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            button.disabled = true;
            list.textContent = '';
            show(status, form.dataset.msgPreparing, false);
            var token = form.querySelector('input[name=__RequestVerificationToken]').value;
            post(form.action, new FormData(form)).then(function (prepared) {
                if (prepared.status !== 200) throw { kind: 'server', messages: prepared.body.messages };
                var p = prepared.body;
                list.setAttribute('aria-label', form.dataset.msgDocuments);
                p.documents.forEach(function (d) {
                    var item = document.createElement('li');
                    var link = document.createElement('a');
                    link.href = d.url;
                    link.target = '_blank';
                    link.rel = 'noopener';
                    link.textContent = d.title;
                    item.appendChild(link);
                    list.appendChild(item);
                });
                var signerParams = { extKeyUsageOids: [], iin: p.iin, chain: [] };
                if (p.bin) signerParams.bin = p.bin;
                return ncaLayerSign(form.dataset.ncalayer, {
                    module: 'kz.gov.pki.knca.basics',
                    method: 'sign',
                    args: {
                        allowedStorages: ['PKCS12', 'AKKaztokenStore', 'AKKZIDCardStore', 'AKEToken5110Store', 'AKJaCartaStore'],
                        format: 'cms',
                        data: p.documents.map(function (d) { return d.data; }),
                        signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: {} },
                        signerParams: signerParams,
                        locale: p.locale
                    }
                }).then(function (result) {
                    var signatures = Array.isArray(result) ? result : [result];
                    show(status, form.dataset.msgSending, false);
                    var data = new FormData();
                    data.append('__RequestVerificationToken', token);
                    data.append('Digital.Version', p.version);
                    data.append('Digital.Package', p.package);
                    p.documents.forEach(function (d, i) {
                        data.append('Digital.Signatures[' + i + '].DocumentId', d.id);
                        data.append('Digital.Signatures[' + i + '].Cms', signatures[i] || '');
                    });
                    return post(form.dataset.complete, data);
                });
            }).then(function (signed) {
                if (signed.status !== 200) throw { kind: 'server', messages: signed.body.messages };
                window.location.assign(signed.body.redirect);
            }).catch(function (problem) {
                var text;
                if (problem && problem.kind === 'unavailable') text = form.dataset.msgNoNcalayer;
                else if (problem && problem.kind === 'canceled') text = form.dataset.msgCanceled;
                else if (problem && problem.kind === 'error') text = form.dataset.msgNcaError.replace('{0}', problem.code);
                else if (problem && problem.kind === 'server') text = (problem.messages || []).join(' ');
                else text = String(problem);
                show(status, text, true);
                button.disabled = false;
            });
        });
    });
})();
