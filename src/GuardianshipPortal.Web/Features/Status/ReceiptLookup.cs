using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Status;

/// <summary>The case whose receipt carries this registration number and code: what the applicant holds opens their case, nothing else does.</summary>
public static class ReceiptLookup
{
    public static async Task<Case?> FindAsync(PortalDbContext db, string? number, string? code, CancellationToken ct)
    {
        var typedNumber = (number ?? "").Trim().ToUpperInvariant();
        var normalized = VerificationCodes.Normalize(code);
        if (normalized is null || typedNumber.Length is 0 or > 64) return null;
        return await db.Cases.AsNoTracking().Include(c => c.Office).Include(c => c.Applicant).Include(c => c.CenterReturn)
            .Where(c => c.Number == typedNumber)
            .Where(c => db.IssuedDocuments.Any(d => d.CaseId == c.Id && d.Kind == DocumentKind.Receipt && d.VerificationCode == normalized))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The address of a public page of the case (<c>/status</c>, <c>/survey</c>) opened with what the receipt carries.</summary>
    public static string Link(string page, string number, string code) => $"{page}?number={Uri.EscapeDataString(number)}&code={code}";

    public static Task<string?> ReceiptCodeAsync(PortalDbContext db, Guid caseId, CancellationToken ct) =>
        db.IssuedDocuments.Where(d => d.CaseId == caseId && d.Kind == DocumentKind.Receipt).Select(d => d.VerificationCode).FirstOrDefaultAsync(ct);
}
