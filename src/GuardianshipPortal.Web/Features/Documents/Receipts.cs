using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Documents;

/// <summary>
/// The receipt (қолхат / расписка) of a registered case. The registration freezes it just after its commit; a case whose
/// receipt is not there — that freezing failed, or the instance stopped in between — gets it where the receipt is shown:
/// the case page the clerk is sent to after registering, and the partner's answer about its request. The applicant never
/// leaves without one.
/// </summary>
public sealed class Receipts(PortalDbContext db, CasePages pages, CaseRegistration registration)
{
    /// <summary>The receipt's signer at the counter: the clerk who registers, named in the case's language.</summary>
    public static DocumentSigner Clerk(PortalUser clerk, string language) => new(clerk.FullName, clerk.Position(language));

    /// <summary>The receipt's signer of an electronic request: the partner that brought it.</summary>
    public static DocumentSigner Partner(string partnerName) => new(partnerName, "");

    /// <summary>
    /// Freezes the case's receipt unless it has one. Call it where a receipt was expected and not found; afterwards the case
    /// has its receipt, frozen here or by another request at the same moment. A receipt that cannot be made (a broken
    /// template, say) is logged and left for the next showing: the case's page and the partner's answer still show the
    /// case, so the office can go on working it.
    /// </summary>
    public async Task FreezeMissingAsync(Guid caseId, CancellationToken ct)
    {
        // A receipt frozen before receipts took their id from the case's has another id: looked for by kind, not by id.
        if (await db.IssuedDocuments.AnyAsync(d => d.CaseId == caseId && d.Kind == DocumentKind.Receipt, ct)) return;
        if (await pages.LoadAsync(caseId, tracking: false, ct) is { } c) await registration.TryFreezeReceiptAsync(c, await SignerAsync(c, ct), ct);
    }

    /// <summary>Who signs the receipt, as the registration named them then: the partner of an electronic request, else the registering clerk.</summary>
    private async Task<DocumentSigner> SignerAsync(Domain.Cases.Case c, CancellationToken ct)
    {
        var partner = await (from r in db.ElectronicRequests join p in db.Partners on r.PartnerId equals p.Id where r.CaseId == c.Id select p.Name)
            .FirstOrDefaultAsync(ct);
        if (partner is not null) return Partner(partner);
        var clerk = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == c.RegisteredById, ct);
        return clerk is null ? new DocumentSigner("", "") : Clerk(clerk, Language.Normalize(c.Language));
    }
}
