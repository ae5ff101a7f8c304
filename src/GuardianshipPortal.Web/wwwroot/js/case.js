// Case page: the draft form shows only the fields of the chosen outcome; signing asks for a confirmation first.
(function () {
    const choice = document.querySelector('[data-outcome-choice]');
    if (choice) {
        const form = choice.closest('form');
        const show = () => {
            const chosen = form.querySelector('input[name="Draft.Outcome"]:checked')?.value;
            form.querySelectorAll('[data-outcome]').forEach(block => { block.hidden = block.dataset.outcome !== chosen; });
        };
        choice.addEventListener('change', show);
        show();
    }
    document.querySelectorAll('form[data-confirm]').forEach(form => {
        form.addEventListener('submit', event => {
            if (!window.confirm(form.dataset.confirm)) event.preventDefault();
        });
    });
})();
