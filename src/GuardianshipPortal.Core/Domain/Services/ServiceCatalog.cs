using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using static GuardianshipPortal.Domain.Services.DraftPart;

namespace GuardianshipPortal.Domain.Services;

/// <summary>
/// The services this deployment offers: the five of SPEC §3, plus any definition registered beside them (a new service is
/// one more <see cref="ServiceDefinition"/>, its document templates and its resource keys). A singleton in the portal.
/// </summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<ServiceCode, ServiceDefinition> _byCode;

    public ServiceCatalog(IEnumerable<ServiceDefinition> extra)
    {
        _byCode = Builtin.Concat(extra).ToDictionary(d => d.Code);
        All = [.. _byCode.Values.OrderBy(d => (int)d.Code)];
    }

    /// <summary>Only the five services of SPEC §3 (seeders and tools outside the portal's container).</summary>
    public static ServiceCatalog Standard => StandardCatalog.Value;

    private static readonly Lazy<ServiceCatalog> StandardCatalog = new(() => new ServiceCatalog([]));

    public IReadOnlyList<ServiceDefinition> All { get; }

    public IEnumerable<ServiceCode> Codes => All.Select(d => d.Code);

    public ServiceDefinition this[ServiceCode code] => _byCode.TryGetValue(code, out var d) ? d
        : throw new KeyNotFoundException($"Service {(int)code} is not defined.");

    public bool IsDefined(ServiceCode code) => _byCode.ContainsKey(code);

    public ServiceDefinition? BySpecCode(string specCode) => All.FirstOrDefault(d => d.SpecCode == specCode);

    /// <summary>Grounds every service may cite (SPEC §3: incomplete or unreliable documents).</summary>
    public static readonly IReadOnlyList<CatalogueEntry> CommonGrounds =
    [
        new("incomplete_documents", "Мемлекеттік қызмет стандартында көзделген құжаттардың толық топтамасын ұсынбау", "Непредставление полного пакета документов, предусмотренных стандартом государственной услуги"),
        new("unreliable_data", "Ұсынылған құжаттардағы деректердің (мәліметтердің) дәйексіздігі", "Недостоверность данных (сведений), содержащихся в представленных документах"),
    ];

    /// <summary>Article 91 of the Marriage and Family Code: who may not be an adopter (SPEC §8).</summary>
    private static readonly GroundBasis Article91 = new(
        "Қазақстан Республикасының «Неке (ерлі-зайыптылық) және отбасы туралы» Кодексінің 91-бабында көзделген негіздер:",
        "Основания, предусмотренные статьей 91 Кодекса Республики Казахстан «О браке (супружестве) и семье»:");

    private static Regulation Regulation(ServiceCode service, Duration s1, Duration s2, Duration s3, Duration s4, Duration s5, Duration total) => new()
    {
        Id = Guid.NewGuid(), Service = service, RegionId = null, EffectiveFrom = new DateOnly(2020, 1, 1),
        Registration = s1, Resolution = s2, Drafting = s3, Signing = s4, Issue = s5, Total = total,
    };

    private static readonly ServiceDefinition[] Builtin =
    [
        new()
        {
            Code = ServiceCode.FosterPlacement, Prefix = "FP", ShortName = ("Патронатқа беру", "Передача в патронат"), SpecCode = "FOSTER_PLACEMENT", NeedsHousingInspection = true,
            DraftParts = [Period, PlacementAddress], ApprovedDocument = DocumentKind.FosterPlacementContract,
            PortalNoticeOutcomes = [Outcome.Approved],
            DefaultRegulation = Regulation(ServiceCode.FosterPlacement, Duration.Minutes(30), Duration.CalendarDays(1), Duration.CalendarDays(28), Duration.CalendarDays(1), Duration.Minutes(30), Duration.CalendarDays(30)),
            Checklist =
            [
                new("application", "Өтініш", "Заявление"),
                new("identity", "Жеке басын куәландыратын құжат", "Документ, удостоверяющий личность"),
                new("marriage", "Неке туралы куәлік (некеде болса)", "Свидетельство о браке (если состоит в браке)", false),
                new("health", "Денсаулық жағдайы туралы анықтамалар (наркологиялық және психиатриялық қоса алғанда)", "Справки о состоянии здоровья (в том числе наркологическая и психиатрическая)"),
                new("housing", "Тұрғын үйге құқық белгілейтін құжаттар", "Документы на жилище"),
                new("spouse_consent", "Жұбайының келісімі", "Согласие супруга (супруги)", false),
            ],
            RefusalGrounds =
            [
                new("carer_restricted", "Үміткер Кодекстің 91-бабына сәйкес патронат тәрбиеші бола алмайды", "Кандидат не может быть патронатным воспитателем в соответствии со статьей 91 Кодекса"),
                new("housing_unsuitable", "Тұрғын үй-тұрмыстық жағдайлары баланы тәрбиелеуге сәйкес келмейді", "Жилищно-бытовые условия не соответствуют требованиям для воспитания ребенка"),
            ],
        },
        new()
        {
            Code = ServiceCode.AdoptionLumpSum, Prefix = "LS", ShortName = ("Асырап алуға төлем", "Выплата усыновителю"), SpecCode = "ADOPTION_LUMP_SUM",
            DraftParts = [CourtDecision, BankAccount, LumpSum], ApprovedDocument = DocumentKind.LumpSumDecision,
            DefaultRegulation = Regulation(ServiceCode.AdoptionLumpSum, Duration.Minutes(20), Duration.WorkingDays(1), Duration.WorkingDays(3), Duration.WorkingDays(1), Duration.Minutes(30), Duration.WorkingDays(5)),
            Checklist =
            [
                new("application", "Өтініш", "Заявление"),
                new("court_decision", "Бала асырап алу туралы сот шешімі", "Решение суда об усыновлении"),
                new("child_birth", "Баланың туу туралы куәлігі / ЖСН", "Свидетельство о рождении ребенка / ИИН ребенка"),
                new("bank_account", "Асырап алушының банктік шотының деректемелері", "Реквизиты банковского счета усыновителя"),
            ],
            RefusalGrounds =
            [
                new("not_orphan", "Асырап алынған бала жетім бала немесе ата-анасының қамқорлығынсыз қалған бала болып табылмайды", "Усыновленный ребенок не является ребенком-сиротой или ребенком, оставшимся без попечения родителей"),
                new("already_paid", "Осы бала үшін төлем бұрын тағайындалған", "Выплата на данного ребенка назначена ранее"),
            ],
        },
        new()
        {
            Code = ServiceCode.FosterMaintenance, Prefix = "FM", ShortName = ("Патронаттағы балаға төлем", "Выплата на содержание"), SpecCode = "FOSTER_MAINTENANCE",
            DraftParts = [Period, MonthlyAmount], ApprovedDocument = DocumentKind.MaintenanceDecision,
            DefaultRegulation = Regulation(ServiceCode.FosterMaintenance, Duration.Minutes(20), Duration.WorkingDays(1), Duration.WorkingDays(3), Duration.WorkingDays(1), Duration.Minutes(30), Duration.WorkingDays(5)),
            Checklist =
            [
                new("application", "Өтініш", "Заявление"),
                new("study_certificate", "Баланың білім беру ұйымында оқитыны туралы анықтама", "Справка о том, что ребенок обучается в организации образования"),
                new("placement_contract", "Баланы патронаттық тәрбиелеуге беру туралы шарт", "Договор о передаче ребенка на патронатное воспитание"),
            ],
            RefusalGrounds =
            [
                new("not_studying", "Бала білім беру ұйымында оқымайды", "Ребенок не обучается в организации образования"),
                new("contract_ended", "Патронаттық тәрбиелеуге беру туралы шарттың мерзімі аяқталған", "Срок договора о передаче ребенка на патронатное воспитание истек"),
            ],
        },
        new()
        {
            Code = ServiceCode.AdopterRegistration, Prefix = "AR", ShortName = ("Асырап алушылар есебі", "Учёт усыновителей"), SpecCode = "ADOPTER_REGISTRATION", ConcernsChildren = false,
            NeedsHousingInspection = true, NeedsCommission = true, SpouseMayApply = true,
            DraftParts = [Conclusion], ApprovedDocument = DocumentKind.AdopterConclusion, RefusedDocument = DocumentKind.AdopterConclusionNegative,
            // Seed 002 appendix 4: the portal's applicant is told that the conclusion, on possibility or impossibility, is ready.
            PortalNoticeOutcomes = [Outcome.Approved, Outcome.Refused],
            DefaultRegulation = Regulation(ServiceCode.AdopterRegistration, Duration.Minutes(20), Duration.CalendarDays(1), Duration.CalendarDays(8), Duration.CalendarDays(1), Duration.CalendarDays(5), Duration.WorkingDays(15)),
            Checklist =
            [
                new("identity", "Жеке басын куәландыратын құжат", "Документ, удостоверяющий личность"),
                new("relatives_consent", "Жақын туыстарының жазбаша келісімі", "Письменное согласие близких родственников", false),
                new("income", "Табысы туралы мәліметтер", "Сведения о доходах"),
                new("marital_status", "Отбасылық жағдайы туралы анықтама", "Справка о семейном положении"),
                new("health", "Денсаулық жағдайы туралы анықтамалар", "Справки о состоянии здоровья"),
                new("no_criminal_record", "Соттылығының жоқтығы туралы анықтама", "Справка об отсутствии судимости"),
                new("housing", "Тұрғын үйге құқық белгілейтін құжаттар", "Документы на жилище"),
            ],
            RefusalGrounds =
            [
                new("art91_incapacitated", "Сот әрекетке қабілетсіз немесе әрекет қабілеті шектеулі деп таныған адам", "Лицо, признанное судом недееспособным или ограниченно дееспособным", Basis: Article91),
                new("art91_deprived_rights", "Сот ата-ана құқықтарынан айырған немесе құқықтарын шектеген адам", "Лицо, лишенное судом родительских прав или ограниченное судом в родительских правах", Basis: Article91),
                new("art91_cancelled_adoption", "Бала асырап алуы өз кінәсінен сотпен жойылған бұрынғы асырап алушы", "Бывший усыновитель, если усыновление отменено судом по его вине", Basis: Article91),
                new("art91_no_residence", "Тұрақты тұрғылықты жері жоқ адам", "Лицо, не имеющее постоянного места жительства", Basis: Article91),
                new("art91_criminal_record", "Кодексте аталған қылмыстар үшін соттылығы бар адам", "Лицо, имеющее судимость за преступления, перечисленные в Кодексе", Basis: Article91),
                new("art91_registered", "Наркологиялық немесе психиатриялық диспансерлерде есепте тұрған адам", "Лицо, состоящее на учете в наркологическом или психоневрологическом диспансере", Basis: Article91),
                new("art91_low_income", "Табысы ең төмен күнкөріс деңгейінен төмен адам", "Лицо, доход которого ниже прожиточного минимума", Basis: Article91),
            ],
        },
        new()
        {
            Code = ServiceCode.GuardianshipCertificate, Prefix = "GC", ShortName = ("Қорғаншылық анықтамасы", "Справка об опеке"), SpecCode = "GUARDIANSHIP_CERTIFICATE",
            DraftParts = [GuardianshipDecision], ApprovedDocument = DocumentKind.GuardianshipCertificate,
            DefaultRegulation = Regulation(ServiceCode.GuardianshipCertificate, Duration.Minutes(20), Duration.WorkingDays(1), Duration.WorkingDays(2), Duration.WorkingDays(1), Duration.Minutes(20), Duration.WorkingDays(5)),
            Checklist =
            [
                new("application", "Өтініш", "Заявление"),
                new("identity", "Жеке басын куәландыратын құжат", "Документ, удостоверяющий личность"),
                new("guardianship_decision", "Қорғаншылық белгілеу туралы шешім", "Решение об установлении опеки (попечительства)"),
            ],
            RefusalGrounds =
            [
                new("no_guardianship", "Көрсетілген адамға қатысты қорғаншылық (қамқоршылық) белгіленбеген", "Опека (попечительство) в отношении указанного лица не установлена"),
            ],
        },
    ];
}
