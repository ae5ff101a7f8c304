// Registration form at the counter, keyboard first:
// - Enter in a field moves to the next field (a scanner sends Enter after the IIN), it never submits a half-filled form;
// - typing a known IIN fills the person in; birth date and sex always follow the IIN; a mistyped IIN is said at once;
// - the first field with an error (else the applicant's IIN) has the focus;
// - "add a child" adds a row (the server accepts any number of children);
// - where the service takes a spouse, the spouse's fields show (and are sent) only while "the spouse applies too" is ticked.
(function () {
    const form = document.getElementById('registration');
    if (!form) return;
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';

    function focusable() {
        return [...form.querySelectorAll('input, select, textarea, button')].filter(el =>
            !el.disabled && el.type !== 'hidden' && el.tabIndex >= 0 && !el.closest('template') && el.offsetParent !== null);
    }

    form.addEventListener('keydown', event => {
        if (event.key !== 'Enter' || event.isComposing) return;
        const el = event.target;
        if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) return; // textarea: new line; button: press it
        if (el.type === 'submit' || el.type === 'button' || el.type === 'file') return;
        event.preventDefault();
        if (el.matches('[data-iin]')) check(el);
        const all = focusable();
        const next = all[all.indexOf(el) + 1];
        next?.focus();
        if (next instanceof HTMLInputElement && next.type !== 'checkbox' && next.type !== 'file') next.select?.();
    });

    function showError(input, message) {
        const feedback = document.getElementById(input.getAttribute('aria-describedby'));
        if (feedback) feedback.textContent = message ?? '';
        input.classList.toggle('is-invalid', !!message);
        if (message) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    }

    function formatDate(iso) {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
        return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
    }

    let last = new WeakMap();
    async function check(input) {
        const block = input.closest('[data-person]');
        const iin = input.value.trim();
        if (last.get(input) === iin) return;
        last.set(input, iin);
        block.querySelector('[data-found]')?.classList.add('d-none');
        const birth = block.querySelector('[data-field="birthDate"]');
        const sex = block.querySelector('[data-field="sex"]');
        if (!/^\d{12}$/.test(iin)) {
            if (birth) birth.value = '';
            if (sex) sex.value = '';
            if (iin.length === 0) showError(input, null);
            return;
        }
        const body = new URLSearchParams({ iin, __RequestVerificationToken: token });
        let response;
        try { response = await fetch('/persons/lookup', { method: 'POST', body }); } catch { return; }
        if (input.value.trim() !== iin) return; // typed on meanwhile
        const data = await response.json().catch(() => ({}));
        if (!response.ok) {
            if (birth) birth.value = '';
            if (sex) sex.value = '';
            showError(input, data.message ?? '');
            return;
        }
        showError(input, null);
        if (birth) birth.value = formatDate(data.birthDate);
        if (sex) sex.value = data.sex === 'Male' ? sex.dataset.male : data.sex === 'Female' ? sex.dataset.female : '';
        if (data.found) {
            for (const f of ['lastName', 'firstName', 'middleName', 'address', 'phone']) {
                const el = block.querySelector(`[data-field="${f}"]`);
                if (el && data[f] && !el.value) el.value = data[f];
            }
            block.querySelector('[data-found]')?.classList.remove('d-none');
        }
    }

    function wire(root) {
        root.querySelectorAll('[data-iin]').forEach(input => {
            input.addEventListener('change', () => check(input));
            input.addEventListener('input', () => {
                const v = input.value.trim();
                if (v.length === 12) check(input);
                else if (input.classList.contains('is-invalid') && v.length < 12) { last.delete(input); showError(input, null); }
            });
        });
    }
    wire(form);

    const children = form.querySelector('[data-children]');
    const template = children?.querySelector('template[data-child-template]');
    children?.querySelector('[data-add-child]')?.addEventListener('click', () => {
        const index = children.querySelectorAll('[data-child]:not(template [data-child])').length;
        const html = template.innerHTML.replaceAll('__i__', String(index)).replaceAll('__n__', String(index + 1));
        template.insertAdjacentHTML('beforebegin', html);
        const row = [...children.querySelectorAll('[data-child]')].filter(r => !r.closest('template')).at(-1);
        wire(row);
        row.querySelector('[data-iin]')?.focus();
    });

    const withSpouse = form.querySelector('[data-with-spouse]');
    const spouse = form.querySelector('[data-spouse]');
    function showSpouse() {
        const on = withSpouse.checked;
        spouse.hidden = !on;
        // A disabled fieldset's inputs are not sent: unticking drops the spouse.
        spouse.querySelector('fieldset').disabled = !on;
        const address = spouse.querySelector('[data-field="address"]');
        const applicantAddress = form.querySelector('#Applicant_Address');
        if (on && address && !address.value && applicantAddress) address.value = applicantAddress.value;
    }
    if (withSpouse && spouse) {
        withSpouse.addEventListener('change', () => {
            showSpouse();
            if (withSpouse.checked) spouse.querySelector('[data-iin]')?.focus();
        });
        showSpouse();
    }

    const firstInvalid = form.querySelector('.is-invalid:not([readonly])') ?? form.querySelector('.is-invalid');
    const summary = form.querySelector('[data-testid=errors]');
    if (firstInvalid) firstInvalid.focus();
    else if (summary) summary.focus();
    else form.querySelector('#Applicant_Iin')?.focus();
})();
