// Date fields are typed as dd.MM.yyyy (the portal's form, whatever the browser's language): the dots come by themselves.
document.addEventListener('input', event => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-date')) return;
    if (event.inputType?.startsWith('delete') || /^\d{4}-/.test(input.value)) return; // erasing, or ISO pasted (the server reads it too)
    const digits = input.value.replace(/\D/g, '').slice(0, 8);
    let text = digits.slice(0, 2);
    if (digits.length >= 2) text += '.' + digits.slice(2, 4);
    if (digits.length >= 4) text += '.' + digits.slice(4);
    input.value = text;
});
