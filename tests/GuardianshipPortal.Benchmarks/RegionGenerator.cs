using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Data.Seeding;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GuardianshipPortal.Benchmarks;

public sealed record GeneratorOptions(DatabaseProvider Provider, string ConnectionString, int Cases, int Offices = 20, int Years = 10, int Seed = 2026)
{
    /// <summary>The region's office codes: the demo seeder's KRG-01 and KRG-02, then KRG-03.. as many as asked.</summary>
    public IEnumerable<string> OfficeCodes => Enumerable.Range(1, Offices).Select(i => $"KRG-{i:00}");
}

/// <summary>
/// Fills an empty database with a region as the portal would have written it over the years: the app's migrations, roles,
/// reference data and demo offices and users (password <see cref="DemoSeeder.DemoPassword"/>; KRG-01's are "clerk",
/// "head", ... as the demo seeder names them, KRG-NN's "clerkNN", ...), then N cases spread over the offices and years
/// with their persons (reused across cases), children, checklists, scans, history, resolutions, inspections, drafts,
/// signatures, issue records and issued documents, and the registration counters that continue their numbering.
/// </summary>
public static class RegionGenerator
{
    private static readonly string[] Roots =
        ["Әбдір", "Ахмет", "Сейіт", "Қасым", "Нұрлан", "Жұма", "Серік", "Оспан", "Тоқтар", "Бекмұхан", "Иван", "Петр", "Смағұл", "Құдайберген",
         "Өмірзақ", "Ұзақ", "Үсен", "Ғабит", "Шәкен", "Мұхамеджан", "Есен", "Қали", "Сыздық", "Байғожа", "Тұрсын", "Жақсыбек", "Дәулет", "Кузнец",
         "Әли", "Ермек", "Қайрат", "Мұрат", "Болат", "Ержан", "Талғат", "Асан", "Үсейін", "Ілияс", "Сағынтай", "Рахым", "Сұлтан", "Жандос",
         "Аман", "Бақыт", "Дархан", "Елубай", "Жарылғап", "Зейнолла", "Исабек", "Көшер", "Ләтиф", "Мағжан", "Нәби", "Оразалы", "Пернебай"];
    private static readonly string[] Endings = ["ов", "баев", "жанов", "беков", "ұлы", "ин", "алиев"];
    /// <summary>About 400 surnames, the common ones far more frequent (as in life: a few per cent carry the commonest).</summary>
    private static readonly string[] MaleSurnames =
        [.. Roots.SelectMany((r, i) => Endings.Select((e, j) => (Name: r + e, Weight: 1.0 / Math.Pow(1 + i + 3 * j, 0.6))))
            .SelectMany(x => Enumerable.Repeat(x.Name, Math.Max(1, (int)(x.Weight * 100))))];
    private static readonly string[] MaleNames =
        ["Ерлан", "Нұржан", "Асқар", "Бауыржан", "Тимур", "Мақсат", "Дәурен", "Ғалым", "Серік", "Алексей", "Ұлан", "Әлихан", "Қайрат", "Өркен", "Арман"];
    private static readonly string[] FemaleNames =
        ["Айгүл", "Динара", "Гүлнар", "Асель", "Сәуле", "Жанар", "Әсем", "Мәдина", "Іңкәр", "Ұлжан", "Анна", "Қарлығаш", "Өмірхан", "Ақбота", "Айым"];
    private static readonly string[] Streets = ["Бұқар жырау даңғылы", "Ерубаев көшесі", "Гоголь көшесі", "Абай даңғылы", "Строителей проспект", "Бейбітшілік көшесі"];

    /// <summary>A tiny but well-formed PDF stands in for every issued document and scan: the bytes exist (and are large enough
    /// to hurt if a list loads them) without rendering a million PDFs.</summary>
    private static readonly byte[] FakePdf = MakeFakePdf(1200);
    private static readonly byte[] FakeScan = MakeFakePdf(6000);

    public static async Task RunAsync(GeneratorOptions options, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        await using var app = BuildApp(options);
        var seeded = await SeedReferenceAsync(app.Services, options);
        log.WriteLine($"schema, reference data, {seeded.Offices.Count} offices and {seeded.UserCount} users: {total.Elapsed.TotalSeconds:0.0} s");

        List<string>? indexes = null;
        if (options.Provider == DatabaseProvider.Postgres) indexes = await DropIndexesAsync(options.ConnectionString);

        var load = Stopwatch.StartNew();
        long rows;
        await using (var sink = await BulkSink.OpenAsync(options.Provider, options.ConnectionString, seeded.Model))
        {
            var counters = await new Filler(options, seeded, sink).FillAsync(log);
            await sink.CompleteAsync();
            rows = sink.Rows;
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.RegistrationCounters.AddRange(counters.Select(c => new RegistrationCounter { OfficeId = c.Key.Office, Year = c.Key.Year, Service = c.Key.Service, Last = c.Value }));
            await db.SaveChangesAsync();
        }
        log.WriteLine($"{options.Cases:N0} cases, {rows:N0} rows loaded: {load.Elapsed.TotalSeconds:0.0} s ({rows / Math.Max(1, load.Elapsed.TotalSeconds):N0} rows/s)");

        var finish = Stopwatch.StartNew();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync("SET maintenance_work_mem = '512MB'");
            foreach (var sql in indexes!) await connection.ExecuteAsync(sql);
            await connection.ExecuteAsync("VACUUM ANALYZE");
        }
        else
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(options.ConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync("ANALYZE");
        }
        log.WriteLine($"indexes and statistics: {finish.Elapsed.TotalSeconds:0.0} s; total {total.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The portal's services as Program.cs registers them, on the given database.</summary>
    public static WebApplication BuildApp(GeneratorOptions options)
    {
        var dir = Path.Combine(Path.GetTempPath(), "gp-generate");
        Directory.CreateDirectory(dir);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = dir });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = options.Provider.ToString(),
            ["ConnectionStrings:Portal"] = options.ConnectionString,
            ["DataProtection:KeysPath"] = Path.Combine(dir, "keys"),
            ["Notifications:Folder"] = Path.Combine(dir, "outbox"),
            ["Notifications:Dispatch"] = "false",
            ["Escalation:Run"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddPortalIdentity(builder.Configuration, builder.Environment);
        builder.Services.AddPortalLocalization();
        builder.Services.AddPortalMvc();
        builder.Services.AddPortalWorkflow();
        builder.Services.AddPortalSignatures(builder.Configuration);
        builder.Services.AddPortalNotifications(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder.Build();
    }

    internal sealed record OfficeStaff(Office Office, Guid Clerk, Guid Head, string HeadName, Guid[] Specialists, string[] SpecialistNames, Guid Commission, IReadOnlyDictionary<Guid, string> Names);

    internal sealed record Seeded(
        IReadOnlyList<OfficeStaff> Offices, int UserCount, Microsoft.EntityFrameworkCore.Metadata.IModel Model,
        IReadOnlyDictionary<ServiceCode, Guid> Regulations, IReadOnlyDictionary<ServiceCode, Guid[]> Checklists,
        IReadOnlyDictionary<ServiceCode, Guid[]> Grounds);

    private static async Task<Seeded> SeedReferenceAsync(IServiceProvider root, GeneratorOptions options)
    {
        await using var scope = root.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();
        if (await db.Cases.AnyAsync()) throw new InvalidOperationException("The database already holds cases: generate into an empty one.");
        await sp.GetRequiredService<RoleSeeder>().SeedAsync();
        await sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        await sp.GetRequiredService<DemoSeeder>().SeedAsync();

        var region = await db.Regions.SingleAsync(r => r.Code == "KRG");
        var existing = await db.Offices.ToDictionaryAsync(o => o.Code);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        // One hash for all the generated accounts: hashing is slow on purpose and they all share the demo password.
        var hash = new PasswordHasher<PortalUser>().HashPassword(null!, DemoSeeder.DemoPassword);
        var number = 0;
        foreach (var code in options.OfficeCodes)
        {
            number++;
            if (existing.ContainsKey(code)) continue;
            var office = new Office
            {
                Id = Guid.NewGuid(), RegionId = region.Id, Code = code, NameKk = $"№ {number} аудандық білім бөлімі", NameRu = $"Районный отдел образования № {number}",
                AddressKk = $"Қарағанды облысы, {number}-аудан", AddressRu = $"Карагандинская область, район {number}", Phone = "+7 7212 40-00-" + number.ToString("00", CultureInfo.InvariantCulture),
            };
            db.Offices.Add(office);
            existing[code] = office;
            var suffix = number.ToString(CultureInfo.InvariantCulture);
            foreach (var role in new[] { Roles.Clerk, Roles.Head, Roles.Specialist, Roles.Commission })
                AddUser(db, roles, hash, role + suffix, role, $"{MaleSurnames[number % MaleSurnames.Length]} {MaleNames[number % MaleNames.Length]} ({role})", region.Id, office.Id);
        }
        // More specialists per office (a busy office has several), named as the demo seeder would: specialistNN_k.
        foreach (var (code, index) in options.OfficeCodes.Select((c, i) => (c, i)))
            for (var k = 2; k <= 4; k++)
                AddUser(db, roles, hash, $"specialist{index + 1}_{k}", Roles.Specialist, $"{MaleSurnames[(index + k) % MaleSurnames.Length]} {FemaleNames[k]} ({k})", region.Id, existing[code].Id);
        await db.SaveChangesAsync();

        var users = await db.Users.AsNoTracking().Where(u => u.OfficeId != null).ToListAsync();
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync();
        var roleOf = userRoles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => roles.Single(kv => kv.Value == g.First().RoleId).Key);
        var staff = options.OfficeCodes.Select(code => existing[code]).Select(office =>
        {
            var mine = users.Where(u => u.OfficeId == office.Id).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
            PortalUser One(string role) => mine.First(u => roleOf.GetValueOrDefault(u.Id) == role);
            var specialists = mine.Where(u => roleOf.GetValueOrDefault(u.Id) == Roles.Specialist).ToList();
            return new OfficeStaff(office, One(Roles.Clerk).Id, One(Roles.Head).Id, One(Roles.Head).FullName,
                [.. specialists.Select(s => s.Id)], [.. specialists.Select(s => s.FullName)], One(Roles.Commission).Id, mine.ToDictionary(u => u.Id, u => u.FullName));
        }).ToList();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var regulations = (await db.Regulations.AsNoTracking().Where(r => r.RegionId == region.Id || r.RegionId == null).ToListAsync())
            .Where(r => r.EffectiveFrom <= today).GroupBy(r => r.Service)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.RegionId != null).ThenByDescending(r => r.EffectiveFrom).First().Id);
        var checklists = (await db.DocumentTypes.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Order).ToListAsync())
            .GroupBy(d => d.Service).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToArray());
        var grounds = (await db.RefusalGrounds.AsNoTracking().ToListAsync()).GroupBy(g => g.Service).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToArray());
        return new Seeded(staff, users.Count + 2, db.Model, regulations, checklists, grounds);
    }

    private static void AddUser(PortalDbContext db, Dictionary<string, Guid> roles, string hash, string userName, string role, string fullName, Guid regionId, Guid officeId)
    {
        var user = new PortalUser
        {
            Id = Guid.NewGuid(), UserName = userName.ToLowerInvariant(), NormalizedUserName = userName.ToUpperInvariant(),
            Email = userName.ToLowerInvariant() + "@demo.example", NormalizedEmail = (userName + "@demo.example").ToUpperInvariant(), EmailConfirmed = true,
            PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            FullName = fullName, PositionKk = role, PositionRu = role, RegionId = regionId, OfficeId = officeId, LockoutEnabled = true,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
    }

    /// <summary>Indexes other than primary keys are dropped for the load and built again afterwards (much faster than
    /// keeping them up to date row by row).</summary>
    private static async Task<List<string>> DropIndexesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var found = new List<(string Name, string Definition)>();
        await using (var cmd = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """, connection))
        {
            cmd.Parameters.AddWithValue("tables", LoadedTables);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) found.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in found) await connection.ExecuteAsync($"DROP INDEX \"{name}\"");
        return [.. found.Select(f => f.Definition)];
    }

    private static readonly string[] LoadedTables =
        ["Persons", "Cases", "CaseChildren", "CaseDocuments", "Attachments", "AttachmentContents", "Resolutions", "Drafts", "DraftRefusalGrounds",
         "HousingInspections", "CommissionOpinions", "Signatures", "IssueRecords", "CaseEvents", "IssuedDocuments", "IssuedDocumentContents", "SurveyAnswers"];

    private static byte[] MakeFakePdf(int size)
    {
        var head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n%"u8.ToArray();
        var tail = "\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
        var bytes = new byte[size];
        head.CopyTo(bytes, 0);
        new Random(size).NextBytes(bytes.AsSpan(head.Length, size - head.Length - tail.Length));
        for (var i = head.Length; i < size - tail.Length; i++) if (bytes[i] is (byte)'\n' or (byte)'\r') bytes[i] = (byte)' ';
        tail.CopyTo(bytes, size - tail.Length);
        return bytes;
    }

    /// <summary>Writes the cases, office by office and year by year in registration order, so every sequence runs gaplessly.</summary>
    private sealed class Filler(GeneratorOptions options, Seeded seeded, BulkSink sink)
    {
        private readonly Random _random = new(options.Seed);
        private readonly Dictionary<int, int> _serials = [];
        private readonly Dictionary<(Guid Office, int Year, ServiceCode Service), int> _counters = [];
        private readonly string _sha = Convert.ToHexStringLower(SHA256.HashData(FakePdf));
        private readonly string _scanSha = Convert.ToHexStringLower(SHA256.HashData(FakeScan));
        private readonly ServiceCatalog _services = ServiceCatalog.Standard;
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
        private int _issued;

        public async Task<Dictionary<(Guid Office, int Year, ServiceCode Service), int>> FillAsync(TextWriter log)
        {
            var offices = seeded.Offices;
            // Offices differ in size (a city and its districts): weights 1..3, the demo office KRG-01 about 5 % of the region.
            var weights = offices.Select((_, i) => i == 0 ? 0 : 1.0 + (i * 7 % 5) / 2.0).ToArray();
            var rest = weights.Sum();
            var share = offices.Count == 1 ? [1.0] : weights.Select((w, i) => i == 0 ? 0.05 : 0.95 * w / rest).ToArray();
            var firstYear = _now.Year - options.Years + 1;
            var yearStart = new DateTimeOffset(firstYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var span = _now - yearStart;
            var written = 0;
            var watch = Stopwatch.StartNew();
            for (var o = 0; o < offices.Count; o++)
            {
                var count = o == offices.Count - 1 ? options.Cases - written : (int)Math.Round(options.Cases * share[o]);
                count = Math.Max(0, Math.Min(count, options.Cases - written));
                // Registration moments, in order; the volume grows a little year by year.
                var moments = new DateTimeOffset[count];
                for (var i = 0; i < count; i++)
                    moments[i] = yearStart + span * Math.Sqrt(_random.NextDouble()) * 0.999;
                Array.Sort(moments);
                var pool = new List<Person>();
                for (var i = 0; i < count; i++)
                {
                    await WriteCaseAsync(offices[o], WorkingHour(moments[i]), pool);
                    if (++written % 2000 == 0) await sink.FlushAsync();
                    if (written % 100_000 == 0) log.WriteLine($"  {written:N0} cases, {sink.Rows:N0} rows, {watch.Elapsed.TotalSeconds:0} s");
                }
            }
            await sink.FlushAsync();
            return _counters;
        }

        /// <summary>Moves a moment into the office's working hours (09:00–18:00 Almaty, UTC+5) on a weekday.</summary>
        private DateTimeOffset WorkingHour(DateTimeOffset at)
        {
            var day = at.UtcDateTime.Date;
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
            var result = new DateTimeOffset(day, TimeSpan.Zero).AddHours(4 + _random.NextDouble() * 8.5);
            return result < _now.AddMinutes(-5) ? result : _now.AddMinutes(-5 - _random.Next(600));
        }

        private string NextIin(DateOnly birth, Sex sex)
        {
            var key = birth.DayNumber * 2 + (sex == Sex.Female ? 1 : 0);
            var serial = _serials.GetValueOrDefault(key);
            _serials[key] = serial + 3;
            if (serial > 9990) return NextIin(birth.AddDays(1), sex);
            return Iin.Compose(birth, sex, serial);
        }

        private Person NewPerson(DateOnly birth, DateTimeOffset at, bool adult)
        {
            var sex = _random.Next(2) == 0 ? Sex.Female : Sex.Male;
            var surname = MaleSurnames[_random.Next(MaleSurnames.Length)];
            if (sex == Sex.Female && (surname.EndsWith("ов", StringComparison.Ordinal) || surname.EndsWith("ев", StringComparison.Ordinal) || surname.EndsWith("ин", StringComparison.Ordinal)))
                surname += "а";
            else if (sex == Sex.Female && surname.EndsWith("ұлы", StringComparison.Ordinal))
                surname = surname[..^3] + "қызы";
            var first = sex == Sex.Female ? FemaleNames[_random.Next(FemaleNames.Length)] : MaleNames[_random.Next(MaleNames.Length)];
            var father = MaleNames[_random.Next(MaleNames.Length)];
            var person = new Person
            {
                Id = Guid.NewGuid(), Iin = NextIin(birth, sex), LastName = surname, FirstName = first,
                MiddleName = sex == Sex.Female ? father + "қызы" : father + "ұлы", BirthDate = birth, Sex = sex,
                Address = adult ? $"Қарағанды қ., {Streets[_random.Next(Streets.Length)]}, {_random.Next(1, 200)}, {_random.Next(1, 150)}" : "",
                Phone = adult ? $"+7 70{_random.Next(0, 10)} {_random.Next(100, 999)} {_random.Next(10, 99)} {_random.Next(10, 99)}" : "",
            };
            person.Touch(at);
            return person;
        }

        private async Task WriteCaseAsync(OfficeStaff staff, DateTimeOffset at, List<Person> pool)
        {
            var office = staff.Office;
            var roll = _random.NextDouble();
            var definition = _services.All[roll switch { < 0.30 => 2, < 0.50 => 0, < 0.65 => 1, < 0.78 => 3, _ => 4 }]; // maintenance most, then placement...
            var service = definition.Code;
            var year = office.LocalDate(at).Year;
            var key = (office.Id, year, service);
            var sequence = _counters[key] = _counters.GetValueOrDefault(key) + 1;

            // Applicant: a returning one a third of the time (foster carers apply for maintenance, certificates again).
            Person applicant;
            if (pool.Count > 50 && _random.NextDouble() < 0.33) applicant = pool[_random.Next(pool.Count)];
            else
            {
                applicant = NewPerson(DateOnly.FromDateTime(at.UtcDateTime).AddYears(-_random.Next(24, 60)).AddDays(-_random.Next(365)), at, adult: true);
                await sink.WriteAsync(applicant);
                if (pool.Count < 5000) pool.Add(applicant); else pool[_random.Next(pool.Count)] = applicant;
            }
            var caseId = Guid.NewGuid();
            var children = new List<Person>();
            if (definition.ConcernsChildren)
            {
                var n = _random.NextDouble() switch { < 0.8 => 1, < 0.95 => 2, _ => 3 };
                for (var i = 0; i < n; i++)
                {
                    var child = NewPerson(DateOnly.FromDateTime(at.UtcDateTime).AddYears(-_random.Next(0, 17)).AddDays(-_random.Next(365)), at, adult: false);
                    await sink.WriteAsync(child);
                    children.Add(child);
                }
            }

            // Where the case stands now: old ones are closed; recent ones spread over the steps.
            var age = (_now - at).TotalDays;
            var termDays = service is ServiceCode.FosterPlacement ? 30 : service is ServiceCode.AdopterRegistration ? 21 : 7;
            var refused = _random.NextDouble() < 0.07;
            var returned = _random.NextDouble() < 0.05;
            var late = _random.NextDouble() < 0.06;
            var stepDays = new[] { 0.0, 0.01, 0.6 + _random.NextDouble(), termDays * (0.5 + 0.35 * _random.NextDouble()) + (late ? termDays * 0.4 : 0), 0, 0 };
            stepDays[4] = stepDays[3] + 0.3 + _random.NextDouble();
            stepDays[5] = stepDays[4] + 0.5 + _random.NextDouble() * 3;
            // stepDays[k]: when the step k+1 starts (Resolution at 0.01 days, Drafting, Signing, Issue, Closed).
            var reached = Step.Resolution;
            for (var s = Step.Drafting; s <= Step.Closed; s++)
                if (age >= stepDays[(int)s - 1] && (s != Step.Closed || age > termDays * 0.5)) reached = s;
            if (reached < Step.Closed && age > termDays * 3 && _random.NextDouble() < 0.98) reached = Step.Closed;
            DateTimeOffset When(Step s) => at.AddDays(stepDays[(int)s - 1]);

            var specialistIndex = _random.Next(staff.Specialists.Length);
            var assignee = reached >= Step.Drafting ? staff.Specialists[specialistIndex] : (Guid?)null;
            var due = at.AddDays(termDays);
            var outcome = reached >= Step.Signing ? (refused ? Outcome.Refused : Outcome.Approved) : (Outcome?)null;
            var events = new List<CaseEvent>();
            void Event(DateTimeOffset when, Guid user, string role, CaseAction action, Step from, Step to) =>
                events.Add(new CaseEvent { CaseId = caseId, At = when, UserId = user, UserName = staff.Names.GetValueOrDefault(user, role), Role = role, OfficeId = office.Id, Action = action, FromStep = from, ToStep = to });

            Event(at, staff.Clerk, Roles.Clerk, CaseAction.Register, Step.Registration, Step.Resolution);
            if (reached >= Step.Drafting) Event(When(Step.Drafting), staff.Head, Roles.Head, CaseAction.Resolve, Step.Resolution, Step.Drafting);
            if (reached >= Step.Drafting && age > stepDays[2] + 0.3)
                Event(When(Step.Drafting).AddHours(3), assignee!.Value, Roles.Specialist, CaseAction.SaveDraft, Step.Drafting, Step.Drafting);
            var inspected = definition.NeedsHousingInspection && reached >= Step.Signing;
            if (inspected) Event(When(Step.Signing).AddHours(-20), assignee!.Value, Roles.Specialist, CaseAction.RecordInspection, Step.Drafting, Step.Drafting);
            var opinion = definition.NeedsCommission && reached >= Step.Signing;
            if (opinion) Event(When(Step.Signing).AddHours(-6), staff.Commission, Roles.Commission, CaseAction.RecordCommissionOpinion, Step.Drafting, Step.Drafting);
            if (reached >= Step.Signing)
            {
                if (returned)
                {
                    Event(When(Step.Signing).AddHours(-5), assignee!.Value, Roles.Specialist, CaseAction.SubmitDraft, Step.Drafting, Step.Signing);
                    Event(When(Step.Signing).AddHours(-3), staff.Head, Roles.Head, CaseAction.Return, Step.Signing, Step.Drafting);
                }
                Event(When(Step.Signing), assignee!.Value, Roles.Specialist, CaseAction.SubmitDraft, Step.Drafting, Step.Signing);
            }
            else if (returned && reached == Step.Drafting && age > stepDays[2] + 1)
            {
                Event(When(Step.Drafting).AddHours(10), assignee!.Value, Roles.Specialist, CaseAction.SubmitDraft, Step.Drafting, Step.Signing);
                Event(When(Step.Drafting).AddHours(14), staff.Head, Roles.Head, CaseAction.Return, Step.Signing, Step.Drafting);
            }
            if (reached >= Step.Issue) Event(When(Step.Issue), staff.Head, Roles.Head, CaseAction.Sign, Step.Signing, Step.Issue);
            if (reached >= Step.Closed) Event(When(Step.Closed), staff.Clerk, Roles.Clerk, CaseAction.IssueResult, Step.Issue, Step.Closed);
            events = [.. events.Where(e => e.At <= _now)];

            var stepStarted = events.Where(e => e.FromStep != e.ToStep).Max(e => e.At);
            var stepDue = reached switch
            {
                Step.Resolution => stepStarted.AddDays(1),
                Step.Drafting => stepStarted.AddDays(Math.Max(1, termDays - 3)),
                Step.Signing => stepStarted.AddDays(1),
                Step.Issue => stepStarted.AddDays(1),
                _ => (DateTimeOffset?)null,
            };
            var channel = _random.NextDouble() < 0.2 ? Channel.PublicServiceCenter : Channel.Office;
            var @case = new Case
            {
                Id = caseId, OfficeId = office.Id, Service = service, Channel = channel,
                Number = CaseNumbers.Format(office.Code, definition.Prefix, year, sequence), Year = year, Sequence = sequence,
                RegisteredAt = at, RegisteredById = staff.Clerk, ApplicantId = applicant.Id, Language = _random.Next(3) == 0 ? Language.Russian : Language.Kazakh,
                Note = _random.Next(10) == 0 ? "Өтініш берушінің телефоны бойынша хабарласу" : "",
                RegulationId = seeded.Regulations[service], Step = reached, Outcome = reached == Step.Closed || reached >= Step.Signing ? outcome : null,
                AssigneeId = assignee, StepStartedAt = stepStarted, StepDueAt = stepDue, DueAt = due,
                ClosedAt = reached == Step.Closed ? When(Step.Closed) : null, Version = events.Count,
                SubmissionKey = "gen:" + caseId.ToString("N"),
                NotifyPhone = _random.Next(2) == 0 ? applicant.Phone.Replace(" ", "", StringComparison.Ordinal) : "", NotifyConsent = _random.Next(2) == 0,
                SearchNames = Case.JoinSearchNames([applicant.SearchName, .. children.Select(ch => ch.SearchName)]),
            };
            await sink.WriteAsync(@case);
            var order = 0;
            foreach (var child in children) await sink.WriteAsync(new CaseChild { CaseId = caseId, PersonId = child.Id, Order = ++order });
            Guid? firstDocument = null;
            foreach (var type in seeded.Checklists.GetValueOrDefault(service, []))
            {
                var document = new CaseDocument { Id = Guid.NewGuid(), CaseId = caseId, DocumentTypeId = type, Received = _random.NextDouble() < 0.93 };
                firstDocument ??= document.Id;
                await sink.WriteAsync(document);
            }
            if (_random.NextDouble() < 0.05)
            {
                var scan = new Attachment
                {
                    Id = Guid.NewGuid(), CaseId = caseId, CaseDocumentId = firstDocument, FileName = "scan.pdf", ContentType = "application/pdf",
                    Size = FakeScan.Length, Sha256 = _scanSha, UploadedAt = at, UploadedById = staff.Clerk,
                };
                await sink.WriteAsync(scan);
                await sink.WriteAsync(new AttachmentContent { AttachmentId = scan.Id, Bytes = FakeScan });
            }
            foreach (var e in events) await sink.WriteAsync(e);

            await IssueAsync(caseId, DocumentKind.Receipt, @case, applicant, at, staff.Clerk, staff.HeadName);
            if (reached >= Step.Drafting)
                await sink.WriteAsync(new Resolution { CaseId = caseId, Text = "Орындауға", HeadId = staff.Head, SpecialistId = assignee!.Value, At = When(Step.Drafting) });
            if (inspected)
                await sink.WriteAsync(new HousingInspection
                {
                    CaseId = caseId, InspectedOn = DateOnly.FromDateTime(When(Step.Signing).AddHours(-20).UtcDateTime), Address = applicant.Address.Length > 0 ? applicant.Address : "Қарағанды қ.",
                    Findings = "Тұрғын үй жағдайлары қанағаттанарлық", Satisfactory = !refused, InspectorId = assignee!.Value,
                });
            if (opinion)
                await sink.WriteAsync(new CommissionOpinion { CaseId = caseId, Positive = !refused, Text = "Комиссия қорытындысы", MemberId = staff.Commission, At = When(Step.Signing).AddHours(-6) });
            if (reached >= Step.Signing)
            {
                var start = DateOnly.FromDateTime(When(Step.Signing).UtcDateTime);
                var draft = new Draft { CaseId = caseId, Outcome = outcome!.Value, Round = returned ? 2 : 1, UpdatedAt = When(Step.Signing), UpdatedById = assignee!.Value };
                if (refused) draft.RefusalText = "Құжаттар толық емес";
                else if (service is ServiceCode.FosterPlacement or ServiceCode.FosterMaintenance)
                {
                    (draft.PeriodFrom, draft.PeriodTo) = (start, start.AddYears(1));
                    if (service == ServiceCode.FosterPlacement) draft.PlacementAddress = applicant.Address;
                    else draft.Amount = 44580;
                }
                else if (service == ServiceCode.AdoptionLumpSum)
                {
                    (draft.CourtName, draft.CourtDecisionNumber, draft.CourtDecisionDate) = ("Қарағанды қалалық соты", "2-" + sequence.ToString(CultureInfo.InvariantCulture), start.AddDays(-30));
                    (draft.BankName, draft.Iban, draft.MrpCount, draft.MrpValue, draft.Amount) = ("Halyk Bank", "KZ86125KZT5004100100", 100, 4325, 432500);
                }
                else if (service == ServiceCode.GuardianshipCertificate)
                    (draft.GuardianshipDecisionNumber, draft.GuardianshipDecisionDate, draft.GuardianshipDecisionIssuer) = ("№ 15", start.AddYears(-1), "Білім бөлімі");
                else draft.ConclusionText = "Үміткер талаптарға сай";
                await sink.WriteAsync(draft);
                if (refused && seeded.Grounds.GetValueOrDefault(service) is { Length: > 0 } grounds)
                    await sink.WriteAsync(new DraftRefusalGround { CaseId = caseId, RefusalGroundId = grounds[_random.Next(grounds.Length)] });
            }
            if (reached >= Step.Issue)
            {
                await sink.WriteAsync(new Signature { CaseId = caseId, SignerId = staff.Head, SignerName = staff.HeadName, SignerPositionKk = "Бөлім басшысы", SignerPositionRu = "Руководитель отдела", At = When(Step.Issue) });
                await IssueAsync(caseId, definition.ResultDocument(outcome!.Value), @case, applicant, When(Step.Issue), staff.Head, staff.HeadName);
            }
            if (reached == Step.Closed)
            {
                await sink.WriteAsync(new IssueRecord
                {
                    CaseId = caseId, OfficeId = office.Id, IssuedAt = When(Step.Closed), IssuedById = staff.Clerk, RecipientName = applicant.FullName,
                    RecipientDocument = "Жеке куәлік № 0" + _random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), SignedForReceipt = true,
                });
                if (_random.NextDouble() < 0.3)
                    await sink.WriteAsync(new SurveyAnswer
                    {
                        CaseId = caseId, OfficeId = office.Id, Service = service, AnsweredAt = When(Step.Closed).AddMinutes(5),
                        Quality = _random.NextDouble() < 0.85 ? Satisfaction.Satisfied : Satisfaction.PartlySatisfied,
                        Accessibility = _random.NextDouble() < 0.8 ? Satisfaction.Satisfied : Satisfaction.NotSatisfied, Place = SurveyPlace.Counter,
                    });
            }
        }

        private async Task IssueAsync(Guid caseId, DocumentKind kind, Case @case, Person applicant, DateTimeOffset at, Guid by, string signer)
        {
            var document = new IssuedDocument
            {
                Id = Guid.NewGuid(), CaseId = caseId, Kind = kind, Language = @case.Language, TemplateVersion = 1, Number = @case.Number, CreatedAt = at,
                CreatedById = by, SignerName = signer, Sha256 = _sha, Size = FakePdf.Length, VerificationCode = Code(++_issued), SubjectInitials = applicant.Initials,
            };
            await sink.WriteAsync(document);
            await sink.WriteAsync(new IssuedDocumentContent { DocumentId = document.Id, Pdf = FakePdf });
        }

        /// <summary>A unique verification code per document (the real ones are random; these only need to differ).</summary>
        private string Code(int n)
        {
            const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
            Span<char> chars = stackalloc char[12];
            var value = ((long)options.Seed << 32) ^ n;
            for (var i = 11; i >= 0; i--) { chars[i] = alphabet[(int)(value & 31)]; value >>= 5; }
            return $"{chars[..4]}-{chars[4..8]}-{chars[8..]}";
        }
    }
}
