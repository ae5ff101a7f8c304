using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Data.Seeding;

/// <summary>
/// Fills the editable reference data in every environment: each service's checklist, refusal grounds, default regulation
/// and document templates (from its definition), the working calendar from 2025 to next year, MRP rates and settings.
/// What a service lacks is added on every start — a service added to a deployment that already has data gets its own —
/// and the portal's own template wording is brought up to date, but nothing the administrator edited is ever overwritten.
/// </summary>
public class ReferenceDataSeeder(PortalDbContext db, ServiceCatalog catalog)
{
    /// <summary>The default regulations of the catalogue's services, as new rows.</summary>
    public static IReadOnlyList<Regulation> DefaultRegulations(ServiceCatalog catalog) =>
        [.. catalog.All.Select(d => Copy(d.DefaultRegulation))];

    private static Regulation Copy(Regulation r) => r.CopyFor(null, r.EffectiveFrom);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var withChecklist = (await db.DocumentTypes.Select(d => d.Service).Distinct().ToListAsync(ct)).ToHashSet();
        var withGrounds = (await db.RefusalGrounds.Select(g => g.Service).Distinct().ToListAsync(ct)).ToHashSet();
        var withRegulation = (await db.Regulations.Where(r => r.RegionId == null).Select(r => r.Service).Distinct().ToListAsync(ct)).ToHashSet();
        var documentOrder = await db.DocumentTypes.MaxAsync(d => (int?)d.Order, ct) ?? 0;
        var groundOrder = await db.RefusalGrounds.MaxAsync(g => (int?)g.Order, ct) ?? 0;
        foreach (var service in catalog.All)
        {
            if (!withChecklist.Contains(service.Code))
                db.DocumentTypes.AddRange(service.Checklist.Select(c => new DocumentType
                {
                    Id = Guid.NewGuid(), Service = service.Code, Code = c.Code, NameKk = c.Kk, NameRu = c.Ru, Required = c.Required, Order = ++documentOrder,
                }));
            if (!withGrounds.Contains(service.Code))
                db.RefusalGrounds.AddRange(service.RefusalGrounds.Concat(ServiceCatalog.CommonGrounds).Select(g => new RefusalGround
                {
                    Id = Guid.NewGuid(), Service = service.Code, Code = g.Code, TextKk = g.Kk, TextRu = g.Ru, Order = ++groundOrder,
                }));
            if (!withRegulation.Contains(service.Code)) db.Regulations.Add(Copy(service.DefaultRegulation));
        }
        // The portal's own wording (a template no administrator has saved) follows the defaults: a changed default becomes
        // the next version, so existing deployments get it too; an administrator's version is never replaced.
        var latest = (await db.DocumentTemplates.Select(t => new { t.Kind, t.Language, t.Version, t.Title, t.Body, t.CreatedById }).ToListAsync(ct))
            .GroupBy(t => (t.Kind, t.Language)).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!);
        var templated = new HashSet<(Domain.Documents.DocumentKind, string)>();
        foreach (var t in DefaultTemplates.All.Select(t => new TemplateSeed(t.Kind, t.Language, t.Title, t.Body)).Concat(catalog.All.SelectMany(d => d.Templates)))
        {
            if (!templated.Add((t.Kind, t.Language))) continue;
            var body = t.Body.Trim();
            var version = 1;
            if (latest.TryGetValue((t.Kind, t.Language), out var current))
            {
                if (current.CreatedById is not null || (current.Title == t.Title && current.Body == body)) continue;
                version = current.Version + 1;
            }
            db.DocumentTemplates.Add(new Domain.Documents.DocumentTemplate
            {
                Id = Guid.NewGuid(), Kind = t.Kind, Language = t.Language, Version = version, Title = t.Title, Body = body, CreatedAt = DateTimeOffset.UtcNow,
            });
        }
        var worded = (await db.MessageTemplates.Select(t => new { t.Event, t.Language }).Distinct().ToListAsync(ct))
            .Select(t => (t.Event, t.Language)).ToHashSet();
        foreach (var (what, language, subject, body) in Messaging.MessageTemplates.Defaults.Where(t => !worded.Contains((t.Event, t.Language))))
            db.MessageTemplates.Add(new Messaging.MessageTemplate
            {
                Id = Guid.NewGuid(), Event = what, Language = language, Version = 1, Subject = subject, Body = body, CreatedAt = DateTimeOffset.UtcNow,
            });
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
                new PortalSetting { Key = PortalSetting.LumpSumMrpCount, Value = PortalSetting.DefaultLumpSumMrpCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new PortalSetting { Key = PortalSetting.DefaultMonthlyMaintenance, Value = "44580" });
        }
        await db.SaveChangesAsync(ct);
    }
}
