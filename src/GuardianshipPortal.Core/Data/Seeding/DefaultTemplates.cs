using GuardianshipPortal.Domain.Documents;
using static GuardianshipPortal.Domain.Documents.DocumentKind;

namespace GuardianshipPortal.Data.Seeding;

/// <summary>
/// The portal's wording of every document, in Kazakh and Russian. Paragraphs are separated by blank lines;
/// {name} is replaced by case data, {name:gen} by a name in the case the sentence needs (see DocumentComposer); a line
/// [children], [documents] or [grounds] becomes a table or a list. A change here reaches existing deployments as a new
/// version of every template no administrator has edited (ReferenceDataSeeder).
/// </summary>
public static class DefaultTemplates
{
    public static readonly IReadOnlyList<(DocumentKind Kind, string Language, string Title, string Body)> All =
    [
        (Receipt, "kk", "Құжаттарды қабылдау туралы қолхат", """
            {office} «{service}» мемлекеттік көрсетілетін қызметін алу үшін {applicant:gen} (ЖСН {applicant_iin}) өтінішін және мынадай құжаттарын қабылдады:

            [documents]

            Өтініш {registered_at_words}, сағат {registered_time} тіркелді, тіркеу нөмірі {number}. Мемлекеттік қызмет {due_date_words:abl} кешіктірілмей көрсетіледі.
            """),
        (Receipt, "ru", "Расписка о приеме документов", """
            Приняты заявление {applicant:gen} (ИИН {applicant_iin}) на получение государственной услуги «{service}» и следующие документы:

            [documents]

            Заявление зарегистрировано {registered_at_words} в {registered_time}, регистрационный номер {number}. Государственная услуга будет оказана не позднее {due_date_words}. Принимающий орган: {office}.
            """),
        (HousingInspectionAct, "kk", "Тұрғын үй-тұрмыстық жағдайларын тексеру актісі", """
            Тексеру күні: {inspected_on_words}. Тексеру орны: {inspection_address}.

            Тексерген: {specialist} (маман, {office}). Тексеруге қатысқан басқа адамдар: {other_inspectors}.

            Тексеру кезінде қатысқандар: {persons_present}.

            Тұрғын үй-тұрмыстық жағдайлары тексерілген адам: {applicant}, ЖСН {applicant_iin}, тіркелген мекенжайы: {applicant_address}.

            1. Отбасы құрамы: {family}.

            2. Тұрғын үйдің сипаттамасы: бөлмелер саны – {rooms}, жалпы ауданы – {area} ш.м.; абаттандырылуы: {amenities}; санитарлық-техникалық жағдайы: {condition}.

            3. Отбасының табысы және оның көздері: {income}.

            4. Тексеру нәтижелері: {findings}

            Қорытынды: {inspection_conclusion}.

            [inspectors]
            """),
        (HousingInspectionAct, "ru", "Акт обследования жилищно-бытовых условий", """
            Дата обследования: {inspected_on_words}. Место обследования: {inspection_address}.

            Обследование провели: {specialist} (специалист, {office}). Другие лица, проводившие обследование: {other_inspectors}.

            При обследовании присутствовали: {persons_present}.

            Обследованы жилищно-бытовые условия: {applicant}, ИИН {applicant_iin}, адрес регистрации: {applicant_address}.

            1. Состав семьи: {family}.

            2. Характеристика жилого помещения: количество комнат – {rooms}, общая площадь – {area} кв. м; благоустройство: {amenities}; санитарно-техническое состояние: {condition}.

            3. Доходы семьи и их источники: {income}.

            4. Результаты обследования: {findings}

            Заключение: {inspection_conclusion}.

            [inspectors]
            """),
        (FosterPlacementContract, "kk", "Баланы (балаларды) патронаттық тәрбиелеуге беру туралы шарт", """
            {office} (бұдан әрі – қорғаншылық және қамқоршылық органы) атынан Ереже негізінде {signer_acting} {signer_position:nom} {signer_short} бір тараптан және {applicant} (ЖСН {applicant_iin}, мекенжайы: {applicant_address}) (бұдан әрі – патронат тәрбиеші) екінші тараптан осы шартты төмендегілер туралы жасасты.

            1. Қорғаншылық және қамқоршылық органы мына баланы (балаларды) патронаттық тәрбиеге береді, ал патронат тәрбиеші қабылдайды:

            [children]

            2. Шарттың мерзімі: {period_from} бастап {period_to} дейін.

            3. Баланың тұратын мекенжайы: {placement_address}.

            4. Патронат тәрбиеші баланың өмірі мен денсаулығын қорғауға, оны тәрбиелеуге және білім алуына жағдай жасауға міндетті. Тұрғын үй-тұрмыстық жағдайларын тексеру актісі шарттың ажырамас бөлігі болып табылады.

            Патронат тәрбиеші: {applicant} ____________________
            """),
        (FosterPlacementContract, "ru", "Договор о передаче ребенка (детей) на патронатное воспитание", """
            {office} (далее – орган опеки и попечительства) в лице {signer_position:gen} {signer_short:gen}, {signer_acting} на основании Положения, с одной стороны, и {applicant} (ИИН {applicant_iin}, адрес: {applicant_address}) (далее – патронатный воспитатель), с другой стороны, заключили настоящий договор о нижеследующем.

            1. Орган опеки и попечительства передает, а патронатный воспитатель принимает на патронатное воспитание ребенка (детей):

            [children]

            2. Срок действия договора: с {period_from} по {period_to}.

            3. Адрес проживания ребенка: {placement_address}.

            4. Патронатный воспитатель обязан защищать жизнь и здоровье ребенка, заботиться о его воспитании и создавать условия для получения им образования. Акт обследования жилищно-бытовых условий является неотъемлемой частью договора.

            Патронатный воспитатель: {applicant} ____________________
            """),
        (ReadinessNotification, "kk", "Құжаттың дайын екені туралы хабарлама", """
            Құрметті {applicant}! «{service}» мемлекеттік көрсетілетін қызметі бойынша {registered_at_words:loc} берілген № {number} өтінішіңіз қаралды: «{result_name}» дайын.

            Оны алу үшін жеке басыңызды куәландыратын құжатпен {office:dat} келуіңізді сұраймыз: {office_address}.
            """),
        (ReadinessNotification, "ru", "Уведомление о готовности документа", """
            {dear} {applicant}! Ваше заявление № {number} от {registered_at_words} на получение государственной услуги «{service}» рассмотрено, результат готов: «{result_name}».

            Для получения просим обратиться с документом, удостоверяющим личность, в {office:acc}: {office_address}.
            """),
        (LumpSumDecision, "kk", "Біржолғы ақшалай төлемді тағайындау туралы шешім", """
            {applicant:gen} (ЖСН {applicant_iin}) өтінішін және {court:gen} {court_date_words:attr} № {court_number} бала асырап алу туралы шешімін қарап, {office} шешті:

            1. Жетім баланы және (немесе) ата-анасының қамқорлығынсыз қалған баланы асырап алуға байланысты {applicant:dat} біржолғы ақшалай төлем тағайындалсын:

            [children]

            2. Төлем сомасы: {mrp_count} АЕК × {mrp_value} теңге ({year} жылғы АЕК) = {amount} теңге ({amount_words}).

            3. Төлем {bank} банкіндегі {iban} шотына аударылсын.
            """),
        (LumpSumDecision, "ru", "Решение о назначении единовременной денежной выплаты", """
            {office}, рассмотрев заявление {applicant:gen} (ИИН {applicant_iin}) и решение {court:gen} от {court_date_words} № {court_number} об усыновлении, решает:

            1. Назначить {applicant:dat} единовременную денежную выплату в связи с усыновлением ребенка-сироты и (или) ребенка, оставшегося без попечения родителей:

            [children]

            2. Сумма выплаты: {mrp_count} МРП × {mrp_value} тенге (МРП {year} года) = {amount} тенге ({amount_words}).

            3. Выплату перечислить на счет {iban} в {bank}.
            """),
        (MaintenanceDecision, "kk", "Баланы (балаларды) асырап-бағуға ақшалай қаражат төлеуді тағайындау туралы шешім", """
            {applicant:gen} (ЖСН {applicant_iin}) өтінішін және баланы патронаттық тәрбиелеуге беру туралы шартты қарап, {office} шешті:

            1. Патронат тәрбиеші {applicant:gen} тәрбиесіндегі мына баланы (балаларды) асырап-бағуға ақшалай қаражат төлеу тағайындалсын:

            [children]

            2. Бір балаға айына {monthly_amount} теңге ({monthly_amount_words}); балалар саны: {children_count}; барлығы айына {monthly_total} теңге.

            3. Төлем кезеңі: {period_from} бастап {period_to} дейін.
            """),
        (MaintenanceDecision, "ru", "Решение о назначении выплаты денежных средств на содержание ребенка (детей), переданного патронатным воспитателям", """
            {office}, рассмотрев заявление {applicant:gen} (ИИН {applicant_iin}) и договор о передаче ребенка на патронатное воспитание, решает:

            1. Назначить выплату денежных средств на содержание ребенка (детей), находящегося (находящихся) на воспитании у патронатного воспитателя {applicant:gen}:

            [children]

            2. Сумма на одного ребенка в месяц: {monthly_amount} тенге ({monthly_amount_words}); количество детей: {children_count}; всего в месяц: {monthly_total} тенге.

            3. Период выплаты: с {period_from} по {period_to}.
            """),
        (AdopterConclusion, "kk", "Асырап алушы болуға үміткер бола алатындығы туралы қорытынды", """
            {applicant:gen} (ЖСН {applicant_iin}, мекенжайы: {applicant_address}) өтінішін, ұсынылған құжаттарды, {inspected_on_words:attr} тұрғын үй-тұрмыстық жағдайларын тексеру актісін және комиссияның пікірін ({commission_opinion}) қарап, {office} {applicant} асырап алушы болуға үміткер бола алады деп қорытынды жасайды.

            Негіздеме: {conclusion}

            {applicant} бала асырап алуға тілек білдірген адамдардың есебіне қойылады.
            """),
        (AdopterConclusion, "ru", "Заключение о возможности быть кандидатом в усыновители", """
            {office}, рассмотрев заявление {applicant:gen} (ИИН {applicant_iin}, адрес: {applicant_address}), представленные документы, акт обследования жилищно-бытовых условий от {inspected_on_words} и мнение комиссии ({commission_opinion}), заключает, что {applicant} может быть кандидатом в усыновители.

            Обоснование: {conclusion}

            {applicant} ставится на учет лиц, желающих усыновить детей.
            """),
        (AdopterConclusionNegative, "kk", "Асырап алушы болуға үміткер бола алмайтындығы туралы қорытынды", """
            {applicant:gen} (ЖСН {applicant_iin}) өтінішін, ұсынылған құжаттарды және комиссияның пікірін ({commission_opinion}) қарап, {office} {applicant} асырап алушы болуға үміткер бола алмайды деп мынадай негіздер бойынша қорытынды жасайды (Қазақстан Республикасының «Неке (ерлі-зайыптылық) және отбасы туралы» Кодексінің 91-бабы):

            [grounds]

            Дәлелдеме: {refusal_text}

            Осы қорытындыға заңнамада белгіленген тәртіппен шағым жасалуы мүмкін.
            """),
        (AdopterConclusionNegative, "ru", "Заключение о невозможности быть кандидатом в усыновители", """
            {office}, рассмотрев заявление {applicant:gen} (ИИН {applicant_iin}), представленные документы и мнение комиссии ({commission_opinion}), заключает, что {applicant} не может быть кандидатом в усыновители по следующим основаниям (статья 91 Кодекса Республики Казахстан «О браке (супружестве) и семье»):

            [grounds]

            Мотивировка: {refusal_text}

            Настоящее заключение может быть обжаловано в порядке, установленном законодательством.
            """),
        (GuardianshipCertificate, "kk", "Қорғаншылық және қамқоршылық жөнінде анықтама", """
            Осы анықтама {applicant:dat} (ЖСН {applicant_iin}, мекенжайы: {applicant_address}) {decision_issuer:gen} {decision_date_words:attr} № {decision_number} шешімімен мына баланың (балалардың) қорғаншысы (қамқоршысы) болып тағайындалғаны туралы берілді:

            [children]

            Анықтама талап етілген жерге ұсыну үшін берілді.
            """),
        (GuardianshipCertificate, "ru", "Справка по опеке и попечительству", """
            Настоящая справка выдана {applicant:dat} (ИИН {applicant_iin}, адрес: {applicant_address}) в том, что {he_she} решением органа «{decision_issuer}» от {decision_date_words} № {decision_number} {appointed} опекуном (попечителем) ребенка (детей):

            [children]

            Справка выдана для предъявления по месту требования.
            """),
        (Refusal, "kk", "Мемлекеттік қызмет көрсетуден дәлелді бас тарту", """
            {applicant:gen} (ЖСН {applicant_iin}) «{service}» мемлекеттік көрсетілетін қызметін алуға {registered_at_words:loc} берген № {number} өтінішін қарап, {office} мынадай негіздер бойынша мемлекеттік қызмет көрсетуден бас тартады:

            [grounds]

            Дәлелдеме: {refusal_text}

            Осы шешімге заңнамада белгіленген тәртіппен шағым жасалуы мүмкін.
            """),
        (Refusal, "ru", "Мотивированный отказ в оказании государственной услуги", """
            {office}, рассмотрев заявление {applicant:gen} (ИИН {applicant_iin}) № {number} от {registered_at_words} на получение государственной услуги «{service}», отказывает в оказании государственной услуги по следующим основаниям:

            [grounds]

            Мотивировка: {refusal_text}

            Настоящее решение может быть обжаловано в порядке, установленном законодательством.
            """),
    ];
}
