using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Services;
using Microsoft.EntityFrameworkCore;
using static GuardianshipPortal.Domain.Services.ServiceCode;

namespace GuardianshipPortal.Data.Seeding;

/// <summary>
/// Fills the editable reference data on first start, in every environment: document checklists, refusal grounds,
/// default regulations (SPEC §3), the working calendar from 2025 to next year, MRP rates and settings. Each table is
/// seeded only when empty (the calendar: each year without days), so the administrator's edits are never overwritten.
/// </summary>
public class ReferenceDataSeeder(PortalDbContext db)
{
    private static readonly (ServiceCode Service, string Code, string Kk, string Ru, bool Required)[] Checklists =
    [
        (FosterPlacement, "application", "Өтініш", "Заявление", true),
        (FosterPlacement, "identity", "Жеке басын куәландыратын құжат", "Документ, удостоверяющий личность", true),
        (FosterPlacement, "marriage", "Неке туралы куәлік (некеде болса)", "Свидетельство о браке (если состоит в браке)", false),
        (FosterPlacement, "health", "Денсаулық жағдайы туралы анықтамалар (наркологиялық және психиатриялық қоса алғанда)", "Справки о состоянии здоровья (в том числе наркологическая и психиатрическая)", true),
        (FosterPlacement, "housing", "Тұрғын үйге құқық белгілейтін құжаттар", "Документы на жилище", true),
        (FosterPlacement, "spouse_consent", "Жұбайының келісімі", "Согласие супруга (супруги)", false),
        (AdoptionLumpSum, "application", "Өтініш", "Заявление", true),
        (AdoptionLumpSum, "court_decision", "Бала асырап алу туралы сот шешімі", "Решение суда об усыновлении", true),
        (AdoptionLumpSum, "child_birth", "Баланың туу туралы куәлігі / ЖСН", "Свидетельство о рождении ребенка / ИИН ребенка", true),
        (AdoptionLumpSum, "bank_account", "Асырап алушының банктік шотының деректемелері", "Реквизиты банковского счета усыновителя", true),
        (FosterMaintenance, "application", "Өтініш", "Заявление", true),
        (FosterMaintenance, "study_certificate", "Баланың білім беру ұйымында оқитыны туралы анықтама", "Справка о том, что ребенок обучается в организации образования", true),
        (FosterMaintenance, "placement_contract", "Баланы патронаттық тәрбиеге беру туралы шарт", "Договор о передаче ребенка на патронатное воспитание", true),
        (AdopterRegistration, "identity", "Жеке басын куәландыратын құжат", "Документ, удостоверяющий личность", true),
        (AdopterRegistration, "relatives_consent", "Жақын туыстарының жазбаша келісімі", "Письменное согласие близких родственников", false),
        (AdopterRegistration, "income", "Табысы туралы мәліметтер", "Сведения о доходах", true),
        (AdopterRegistration, "marital_status", "Отбасылық жағдайы туралы анықтама", "Справка о семейном положении", true),
        (AdopterRegistration, "health", "Денсаулық жағдайы туралы анықтамалар", "Справки о состоянии здоровья", true),
        (AdopterRegistration, "no_criminal_record", "Соттылығының жоқтығы туралы анықтама", "Справка об отсутствии судимости", true),
        (AdopterRegistration, "housing", "Тұрғын үйге құқық белгілейтін құжаттар", "Документы на жилище", true),
        (GuardianshipCertificate, "application", "Өтініш", "Заявление", true),
        (GuardianshipCertificate, "identity", "Жеке басын куәландыратын құжат", "Документ, удостоверяющий личность", true),
        (GuardianshipCertificate, "guardianship_decision", "Қорғаншылық белгілеу туралы шешім", "Решение об установлении опеки (попечительства)", true),
    ];

    private static readonly (string Code, string Kk, string Ru)[] CommonGrounds =
    [
        ("incomplete_documents", "Мемлекеттік қызмет стандартында көзделген құжаттардың толық топтамасын ұсынбау", "Непредставление полного пакета документов, предусмотренных стандартом государственной услуги"),
        ("unreliable_data", "Ұсынылған құжаттардағы деректердің (мәліметтердің) дәйексіздігі", "Недостоверность данных (сведений), содержащихся в представленных документах"),
    ];

    private static readonly (ServiceCode Service, string Code, string Kk, string Ru)[] SpecificGrounds =
    [
        (AdopterRegistration, "art91_incapacitated", "Сот әрекетке қабілетсіз немесе әрекет қабілеті шектеулі деп таныған адам (Кодекстің 91-бабы)", "Лицо, признанное судом недееспособным или ограниченно дееспособным (статья 91 Кодекса)"),
        (AdopterRegistration, "art91_deprived_rights", "Сот ата-ана құқықтарынан айырған немесе құқықтарын шектеген адам", "Лицо, лишенное судом родительских прав или ограниченное судом в родительских правах"),
        (AdopterRegistration, "art91_cancelled_adoption", "Бала асырап алуы өз кінәсінен сотпен жойылған бұрынғы асырап алушы", "Бывший усыновитель, если усыновление отменено судом по его вине"),
        (AdopterRegistration, "art91_no_residence", "Тұрақты тұрғылықты жері жоқ адам", "Лицо, не имеющее постоянного места жительства"),
        (AdopterRegistration, "art91_criminal_record", "Кодексте аталған қылмыстар үшін соттылығы бар адам", "Лицо, имеющее судимость за преступления, перечисленные в Кодексе"),
        (AdopterRegistration, "art91_registered", "Наркологиялық немесе психиатриялық диспансерлерде есепте тұрған адам", "Лицо, состоящее на учете в наркологическом или психоневрологическом диспансере"),
        (AdopterRegistration, "art91_low_income", "Табысы ең төмен күнкөріс деңгейінен төмен адам", "Лицо, доход которого ниже прожиточного минимума"),
        (FosterPlacement, "carer_restricted", "Үміткер Кодекстің 91-бабына сәйкес патронат тәрбиеші бола алмайды", "Кандидат не может быть патронатным воспитателем в соответствии со статьей 91 Кодекса"),
        (FosterPlacement, "housing_unsuitable", "Тұрғын үй-тұрмыстық жағдайлары баланы тәрбиелеуге сәйкес келмейді", "Жилищно-бытовые условия не соответствуют требованиям для воспитания ребенка"),
        (AdoptionLumpSum, "not_orphan", "Асырап алынған бала жетім бала немесе ата-анасының қамқорлығынсыз қалған бала болып табылмайды", "Усыновленный ребенок не является ребенком-сиротой или ребенком, оставшимся без попечения родителей"),
        (AdoptionLumpSum, "already_paid", "Осы бала үшін төлем бұрын тағайындалған", "Выплата на данного ребенка назначена ранее"),
        (FosterMaintenance, "not_studying", "Бала білім беру ұйымында оқымайды", "Ребенок не обучается в организации образования"),
        (FosterMaintenance, "contract_ended", "Патронаттық тәрбиеге беру туралы шарттың мерзімі аяқталған", "Срок договора о передаче ребенка на патронатное воспитание истек"),
        (GuardianshipCertificate, "no_guardianship", "Көрсетілген адамға қатысты қорғаншылық (қамқоршылық) белгіленбеген", "Опека (попечительство) в отношении указанного лица не установлена"),
    ];

    public static IReadOnlyList<Regulation> DefaultRegulations() =>
    [
        Regulation(FosterPlacement, Duration.Minutes(30), Duration.CalendarDays(1), Duration.CalendarDays(28), Duration.CalendarDays(1), Duration.Minutes(30), Duration.CalendarDays(30)),
        Regulation(AdoptionLumpSum, Duration.Minutes(20), Duration.WorkingDays(1), Duration.WorkingDays(3), Duration.WorkingDays(1), Duration.Minutes(30), Duration.WorkingDays(5)),
        Regulation(FosterMaintenance, Duration.Minutes(20), Duration.WorkingDays(1), Duration.WorkingDays(3), Duration.WorkingDays(1), Duration.Minutes(30), Duration.WorkingDays(5)),
        Regulation(AdopterRegistration, Duration.Minutes(20), Duration.CalendarDays(1), Duration.CalendarDays(8), Duration.CalendarDays(1), Duration.CalendarDays(5), Duration.WorkingDays(15)),
        Regulation(GuardianshipCertificate, Duration.Minutes(20), Duration.WorkingDays(1), Duration.WorkingDays(2), Duration.WorkingDays(1), Duration.Minutes(20), Duration.WorkingDays(5)),
    ];

    private static Regulation Regulation(ServiceCode service, Duration s1, Duration s2, Duration s3, Duration s4, Duration s5, Duration total) => new()
    {
        Id = Guid.NewGuid(), Service = service, RegionId = null, EffectiveFrom = new DateOnly(2020, 1, 1),
        Registration = s1, Resolution = s2, Drafting = s3, Signing = s4, Issue = s5, Total = total,
    };

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (!await db.DocumentTypes.AnyAsync(ct))
        {
            var order = 0;
            db.DocumentTypes.AddRange(Checklists.Select(c => new DocumentType
            {
                Id = Guid.NewGuid(), Service = c.Service, Code = c.Code, NameKk = c.Kk, NameRu = c.Ru, Required = c.Required, Order = ++order,
            }));
        }
        if (!await db.RefusalGrounds.AnyAsync(ct))
        {
            var order = 0;
            foreach (var service in ServiceCodes.All)
            {
                db.RefusalGrounds.AddRange(SpecificGrounds.Where(g => g.Service == service).Select(g => g.Code).Concat(CommonGrounds.Select(g => g.Code))
                    .Select(code =>
                    {
                        var specific = SpecificGrounds.FirstOrDefault(g => g.Service == service && g.Code == code);
                        var (kk, ru) = specific.Code is not null ? (specific.Kk, specific.Ru) : CommonGrounds.Where(g => g.Code == code).Select(g => (g.Kk, g.Ru)).First();
                        return new RefusalGround { Id = Guid.NewGuid(), Service = service, Code = code, TextKk = kk, TextRu = ru, Order = ++order };
                    }));
            }
        }
        if (!await db.Regulations.AnyAsync(ct)) db.Regulations.AddRange(DefaultRegulations());
        // Every year from 2025 to next year gets its days by the law's rule if it has none yet, so deadlines never
        // silently run over holidays; the administrator then adds Kurban Ait and the Government's transfers.
        var lastYear = DateTime.UtcNow.Year + 1;
        var filledYears = (await db.CalendarDays.Select(d => d.Date).ToListAsync(ct)).Select(d => d.Year).ToHashSet();
        for (var year = 2025; year <= lastYear; year++)
        {
            if (!filledYears.Contains(year)) db.CalendarDays.AddRange(HolidayRules.ForYear(year));
        }
        if (!await db.MrpRates.AnyAsync(ct))
        {
            // Republican budget laws; the administrator adds each new year.
            db.MrpRates.AddRange(new MrpRate { Year = 2024, Amount = 3692 }, new MrpRate { Year = 2025, Amount = 3932 }, new MrpRate { Year = 2026, Amount = 4325 });
        }
        if (!await db.Settings.AnyAsync(ct))
        {
            db.Settings.AddRange(
                new PortalSetting { Key = PortalSetting.LumpSumMrpCount, Value = "75" }, // Government Resolution No. 787 (2014)
                new PortalSetting { Key = PortalSetting.DefaultMonthlyMaintenance, Value = "44580" });
        }
        if (!await db.DocumentTemplates.AnyAsync(ct))
        {
            db.DocumentTemplates.AddRange(DefaultTemplates.All.Select(t => new Domain.Documents.DocumentTemplate
            {
                Id = Guid.NewGuid(), Kind = t.Kind, Language = t.Language, Version = 1, Title = t.Title, Body = t.Body.Trim(),
                CreatedAt = DateTimeOffset.UtcNow,
            }));
        }
        await db.SaveChangesAsync(ct);
    }
}
