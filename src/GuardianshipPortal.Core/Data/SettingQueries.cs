using System.Globalization;
using GuardianshipPortal.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Data;

/// <summary>The administrator's single-value settings, read with their defaults in one place.</summary>
public static class SettingQueries
{
    /// <summary>How many MRP the lump sum is per adopted child, and the MRP of <paramref name="year"/> (null when not entered).</summary>
    public static async Task<LumpSumTerms> LumpSumTermsAsync(this PortalDbContext db, int year, CancellationToken ct = default)
    {
        var mrp = await db.MrpRates.AsNoTracking().Where(m => m.Year == year).Select(m => (decimal?)m.Amount).FirstOrDefaultAsync(ct);
        return new LumpSumTerms(await db.LumpSumMrpCountAsync(ct), mrp);
    }

    public static async Task<int> LumpSumMrpCountAsync(this PortalDbContext db, CancellationToken ct = default) =>
        int.TryParse(await ValueAsync(db, PortalSetting.LumpSumMrpCount, ct), out var n) ? n : PortalSetting.DefaultLumpSumMrpCount;

    public static async Task<decimal> DefaultMaintenanceAsync(this PortalDbContext db, CancellationToken ct = default) =>
        decimal.TryParse(await ValueAsync(db, PortalSetting.DefaultMonthlyMaintenance, ct), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
            ? v : 0;

    private static Task<string?> ValueAsync(PortalDbContext db, string key, CancellationToken ct) =>
        db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
}
