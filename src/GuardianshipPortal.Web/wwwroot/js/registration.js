// Registration form: typing a known IIN fills the person in; birth date and sex always follow the IIN.
(function () {
    const form = document.getElementById('registration');
    if (!form) return;
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';

    async function lookup(input) {
        const block = input.closest('[data-person]');
        const iin = input.value.trim();
        block.querySelector('[data-found]')?.classList.add('d-none');
        if (!/^\d{12}$/.test(iin)) return;
        const body = new URLSearchParams({ iin, __RequestVerificationToken: token });
        const response = await fetch('/persons/lookup', { method: 'POST', body });
        if (!response.ok) return;
        const data = await response.json();
        const set = (field, value, always) => {
            const el = block.querySelector(`[data-field="${field}"]`);
            if (el && value && (always || !el.value)) el.value = value;
        };
        set('birthDate', data.birthDate, true);
        set('sex', data.sex, true);
        if (data.found) {
            for (const f of ['lastName', 'firstName', 'middleName', 'address', 'phone']) set(f, data[f], false);
            block.querySelector('[data-found]')?.classList.remove('d-none');
        }
    }

    form.querySelectorAll('[data-iin]').forEach(input => {
        input.addEventListener('change', () => lookup(input));
        input.addEventListener('input', () => { if (input.value.trim().length === 12) lookup(input); });
    });
})();
