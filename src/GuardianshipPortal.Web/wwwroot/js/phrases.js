// A standard phrase button adds its phrase to the text it names (a space or a new line between phrases).
document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-phrase]');
    if (!button) return;
    var field = document.getElementById(button.getAttribute('data-phrase-target'));
    if (!field) return;
    var text = field.value.replace(/\s+$/, '');
    field.value = (text ? text + ' ' : '') + button.getAttribute('data-phrase');
    field.focus();
});
