using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Messaging;

/// <summary>
/// The wording of a message to applicants, per event and language, versioned like document templates: each save by the
/// administrator is a new version; a message keeps the text it was sent with. Placeholders in braces are filled when
/// the message is written ({number}, {service}, {date}…; see <see cref="MessageTemplates.Placeholders"/>).
/// </summary>
public class MessageTemplate
{
    public const int SubjectLength = 300;
    public const int BodyLength = 1000;

    public Guid Id { get; set; }
    /// <summary>The event's name ("Accepted", "Ready"…).</summary>
    public required string Event { get; set; }
    public required string Language { get; set; }
    public int Version { get; set; }
    public string Subject { get; set; } = "";
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
}

public class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.ToTable("MessageTemplates");
        b.Property(x => x.Event).HasMaxLength(50);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Subject).HasMaxLength(MessageTemplate.SubjectLength);
        b.Property(x => x.Body).HasMaxLength(MessageTemplate.BodyLength);
        b.HasIndex(x => new { x.Event, x.Language, x.Version }).IsUnique();
    }
}

public static class MessageTemplates
{
    /// <summary>What a message may say, per placeholder; an event fills those that concern it (the others stay empty).</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>
    {
        "number", "service", "date", "address", "hours", "reason", "status", "survey", "office", "greeting",
    };

    /// <summary>The placeholders of <paramref name="text"/> the portal does not fill (they would reach the applicant as typed).</summary>
    public static IReadOnlyList<string> Unknown(string text) => Domain.TemplatePlaceholders.Unknown(text, Placeholders);

    public static string Fill(string text, IReadOnlyDictionary<string, string> values) => Domain.TemplatePlaceholders.Fill(text, values);

    /// <summary>Version 1 of every message, in Kazakh and Russian (seed 003 appendix 3, p6(9)).</summary>
    public static readonly IReadOnlyList<(string Event, string Language, string Subject, string Body)> Defaults =
    [
        ("Accepted", "kk", "№ {number} өтініш қабылданды", "№ {number} өтінішіңіз қабылданды: «{service}». Нәтиже {date} дайын болады. Өтініштің барысы: {status}"),
        ("Accepted", "ru", "Заявление № {number} принято", "Ваше заявление № {number} принято: «{service}». Результат будет готов {date}. Ход рассмотрения: {status}"),
        ("Ready", "kk", "№ {number} өтініш бойынша нәтиже дайын", "№ {number} өтініш бойынша нәтиже дайын: «{service}». Алу мекенжайы: {address}, қабылдау уақыты {hours}, жеке басын куәландыратын құжатпен."),
        ("Ready", "ru", "Результат по заявлению № {number} готов", "Результат по заявлению № {number} готов: «{service}». Получить можно по адресу: {address}, приём {hours}, с документом, удостоверяющим личность."),
        ("Refused", "kk", "№ {number} өтініш бойынша шешім", "№ {number} өтініш бойынша («{service}») бас тарту туралы дәлелді шешім дайын. Алу мекенжайы: {address}, қабылдау уақыты {hours}. Шешімге шағым жасауға болады."),
        ("Refused", "ru", "Решение по заявлению № {number}", "По заявлению № {number} («{service}») подготовлен мотивированный отказ. Получить можно по адресу: {address}, приём {hours}. Решение можно обжаловать."),
        ("Extended", "kk", "№ {number} өтініштің мерзімі ұзартылды", "№ {number} өтініштің қарау мерзімі {date} дейін ұзартылды. Себебі: {reason}."),
        ("Extended", "ru", "Срок по заявлению № {number} продлён", "Срок рассмотрения заявления № {number} продлён до {date}. Причина: {reason}."),
        ("Suspended", "kk", "№ {number} өтініштің мерзімі тоқтатылды", "№ {number} өтініштің қарау мерзімі сізден құжаттар келгенге дейін тоқтатылды."),
        ("Suspended", "ru", "Срок по заявлению № {number} приостановлен", "Срок рассмотрения заявления № {number} приостановлен до представления вами документов."),
        ("Resumed", "kk", "№ {number} өтініштің мерзімі қайта басталды", "№ {number} өтініштің қарау мерзімі қайта басталды, нәтиже {date} дайын болады."),
        ("Resumed", "ru", "Срок по заявлению № {number} возобновлён", "Срок рассмотрения заявления № {number} возобновлён, результат будет готов {date}."),
        ("Issued", "kk", "№ {number} өтініш бойынша нәтиже берілді", "№ {number} өтініш бойынша нәтиже берілді: «{service}». Қызмет көрсетуді пайдаланғаныңыз үшін рақмет. Оның сапасы мен қолжетімділігін бағалаңыз: {survey}"),
        ("Issued", "ru", "Результат по заявлению № {number} выдан", "Результат по заявлению № {number} выдан: «{service}». Спасибо, что воспользовались услугой. Оцените её качество и доступность: {survey}"),
        ("Returned", "kk", "№ {number} өтініштің құжаттары орталыққа қайтарылды", "№ {number} өтініштің («{service}») құжаттары халыққа қызмет көрсету орталығына қайтарылды. Себебі: {reason} Қателерді түзеп, қайта өтініш беруге болады."),
        ("Returned", "ru", "Документы по заявлению № {number} возвращены в ЦОН", "Документы по заявлению № {number} («{service}») возвращены в Центр обслуживания населения. Причина: {reason} После исправления можно подать заявление снова."),
    ];
}
