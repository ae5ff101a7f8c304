using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Cases;

public sealed record SpecialistLoad(Guid Id, string Name, int OpenCases);

/// <summary>Where an electronic request came from and who signed it, as checked on arrival.</summary>
public sealed record ElectronicOrigin(
    string Partner, string ExternalRequestId, DateTimeOffset ArrivedAt, string SignerName, string SignerIin, string SignerBin,
    string SignerSerial, string SignerIssuer, DateTimeOffset SignerValidFrom, DateTimeOffset SignerValidTo);

public enum StepState { Done, Current, Ahead }

/// <summary>One of the five steps on the case page's progress line: done (when), current (due) or ahead (planned due).</summary>
public sealed record StepLine(Step Step, StepState State, DateTimeOffset? At, int? DaysLeft);

/// <summary>Everything the case page shows, and the forms of the actions the user may take now.</summary>
public sealed class CasePageModel
{
    public required Case Case { get; init; }
    public required ServiceDefinition Service { get; init; }
    public required Office Office { get; init; }
    public required UrgencyRule Urgency { get; init; }
    public required IReadOnlyList<CaseEvent> Events { get; init; }
    public required IReadOnlyList<Attachment> Attachments { get; init; }
    public IReadOnlyList<GuardianshipPortal.Domain.Documents.IssuedDocument> Documents { get; init; } = [];
    /// <summary>The documents that carry the head's digital signature.</summary>
    public IReadOnlySet<Guid> DigitallySigned { get; init; } = new HashSet<Guid>();
    public required IReadOnlyDictionary<Guid, string> UserNames { get; init; }
    public IReadOnlyList<SpecialistLoad> Specialists { get; init; } = [];
    public IReadOnlyList<RefusalGround> Grounds { get; init; } = [];
    public Dashboard.CaseRisk? Risk { get; init; }
    /// <summary>The electronic request the case came from (partner, id, signer as checked on arrival), if it did.</summary>
    public ElectronicOrigin? Electronic { get; init; }
    /// <summary>What the applicant was sent about the case, and how its delivery stands.</summary>
    public IReadOnlyList<Messaging.OutboxMessage> Notifications { get; init; } = [];
    public decimal? LumpSumPreview { get; set; }
    public int? LumpSumMrpCount { get; set; }
    public string? Problem { get; set; }
    /// <summary>The five steps with their due times (planned ones ahead, by the regulation, within the total term).</summary>
    public IReadOnlyList<StepLine> Steps { get; init; } = [];
    /// <summary>The head's comment of the last return of the draft, shown at the top of the draft form.</summary>
    public string? ReturnComment { get; init; }

    public bool CanResolve { get; init; }
    public bool CanInspect { get; init; }
    public bool CanGiveOpinion { get; init; }
    public bool CanDraft { get; init; }
    public bool CanSign { get; init; }
    public bool CanIssue { get; init; }
    public bool CanExtend { get; init; }
    public bool CanSuspend { get; init; }
    public bool CanResume { get; init; }
    /// <summary>The documents of a Public Service Center may go back to it, until <see cref="CenterReturnBy"/>.</summary>
    public bool CanReturnToCenter { get; init; }
    public DateTimeOffset? CenterReturnBy { get; init; }
    public bool ShowTerms => CanExtend || CanSuspend || CanResume || Case.ExtensionDays > 0 || Case.SuspendedAt is not null;

    public ResolutionForm Resolution { get; set; } = new();
    public InspectionForm Inspection { get; set; } = new();
    public CommissionForm Commission { get; set; } = new();
    public DraftForm Draft { get; set; } = new();
    public ReturnForm Return { get; set; } = new();
    public IssueForm Issue { get; set; } = new();
    public CenterReturns.CenterReturnForm CenterReturn { get; set; } = new();

    public string UserName(Guid? id) => id is { } v && UserNames.TryGetValue(v, out var n) ? n : "";
}

/// <summary>Loads a case and builds its page for the current user.</summary>
public sealed class CasePages(PortalDbContext db, CurrentUser me, TimeProvider clock, ServiceCatalog services, Deadlines deadlines, Dashboard.RiskForecasts forecasts, CaseSteps steps)
{
    /// <summary>The case with everything the steps work on; tracked when it is about to change.</summary>
    public async Task<Case?> LoadAsync(Guid id, bool tracking, CancellationToken ct = default, bool officeEmblem = true)
    {
        IQueryable<Case> query = db.Cases;
        // Documents print the office's emblem; the page does not, and reads the office without it (an image of up to 512 KB).
        if (officeEmblem) query = query.Include(c => c.Office);
        query = query
            .Include(c => c.Applicant)
            .Include(c => c.Spouse)
            .Include(c => c.Children.OrderBy(ch => ch.Order)).ThenInclude(ch => ch.Person)
            .Include(c => c.Documents).ThenInclude(d => d.DocumentType)
            .Include(c => c.Resolution)
            .Include(c => c.Draft).ThenInclude(d => d!.RefusalGrounds).ThenInclude(g => g.RefusalGround)
            .Include(c => c.HousingInspection)
            .Include(c => c.CommissionOpinion)
            .Include(c => c.Signature)
            .Include(c => c.IssueRecord)
            .Include(c => c.CenterReturn)
            .Include(c => c.Representative).ThenInclude(r => r!.Person)
            .AsSplitQuery();
        var found = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
        // Office staff's case is of the office the page's header reads already.
        if (found is not null && !officeEmblem)
            found.Office = found.OfficeId == me.OfficeId && await me.GetOfficeAsync() is { } own ? own
                : await db.Offices.AsNoTracking().Where(o => o.Id == found.OfficeId).Select(Office.WithoutEmblem).SingleAsync(ct);
        return found;
    }

    public async Task<CasePageModel?> BuildAsync(Guid id, StepForm? posted = null, string? problem = null, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, tracking: false, ct, officeEmblem: false);
        if (c is null || !await me.CanViewCaseOfAsync(c.OfficeId)) return null;
        var actor = me.Actor;
        bool Can(CaseAction action) => CaseTransitions.Check(c, action, actor) == TransitionRefusal.None;

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var userIds = new HashSet<Guid>(events.Select(e => e.UserId));
        if (c.AssigneeId is { } a) userIds.Add(a);
        if (c.HousingInspection is { } hi) userIds.Add(hi.InspectorId);
        if (c.CommissionOpinion is { } co) userIds.Add(co.MemberId);
        if (c.Resolution is { } r) userIds.Add(r.HeadId);
        if (c.CenterReturn is { } cr) userIds.Add(cr.ById);
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        var canResolve = Can(CaseAction.Resolve);
        var canDraft = Can(CaseAction.SubmitDraft);
        var service = services[c.Service];
        var returnBy = await steps.CenterReturnDeadlineAsync(c, c.Office!, ct);
        var time = c.Office!.WorkingTime(await deadlines.CalendarAsync(ct));
        var regulation = (await deadlines.RegulationsAsync([c.RegulationId], ct)).GetValueOrDefault(c.RegulationId);
        var page = new CasePageModel
        {
            Case = c,
            Service = service,
            Office = c.Office!,
            Urgency = UrgencyRule.At(clock.GetUtcNow(), time),
            Steps = StepLines(c, events, regulation, time),
            ReturnComment = c.Draft is { Round: > 0 } ? events.LastOrDefault(e => e.Action == CaseAction.Return)?.Comment : null,
            Events = events,
            Attachments = attachments,
            Documents = await db.IssuedDocuments.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.CreatedAt).ThenBy(d => d.Kind).ToListAsync(ct),
            UserNames = names,
            DigitallySigned = (await db.DocumentSignatures.AsNoTracking().Where(x => x.CaseId == id).Select(x => x.DocumentId).ToListAsync(ct)).ToHashSet(),
            Risk = c.Step == Step.Closed || c.SuspendedAt is not null ? null
                : (await forecasts.ForAsync([new Dashboard.OpenCase(c.Id, c.OfficeId, c.Service, c.Step, c.AssigneeId, c.StepStartedAt, c.StepDueAt,
                    c.RegisteredAt, c.DueAt)], ct)).GetValueOrDefault(c.Id),
            // The request's details without its signed original (a blob the page does not show; it is downloaded apart).
            Electronic = await (from er in db.ElectronicRequests join p in db.Partners on er.PartnerId equals p.Id where er.CaseId == id
                                select new ElectronicOrigin(p.Name, er.ExternalRequestId, er.ArrivedAt, er.SignerName, er.SignerIin, er.SignerBin,
                                    er.SignerSerial, er.SignerIssuer, er.SignerValidFrom, er.SignerValidTo)).FirstOrDefaultAsync(ct),
            Notifications = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == id && m.Event.StartsWith("Applicant"))
                .OrderBy(m => m.Id).ToListAsync(ct),
            Problem = problem,
            CanResolve = canResolve,
            CanInspect = canDraft && service.NeedsHousingInspection,
            CanGiveOpinion = Can(CaseAction.RecordCommissionOpinion) && service.NeedsCommission,
            CanDraft = canDraft,
            CanSign = Can(CaseAction.Sign),
            CanIssue = Can(CaseAction.IssueResult),
            CanExtend = Can(CaseAction.Extend) && c.ExtensionDays == 0 && c.SuspendedAt is null,
            CanSuspend = Can(CaseAction.Suspend) && c.SuspendedAt is null,
            CanResume = Can(CaseAction.Resume) && c.SuspendedAt is not null,
            CanReturnToCenter = Can(CaseAction.ReturnToCenter) && returnBy is { } by && clock.GetUtcNow() <= by,
            CenterReturnBy = returnBy,
            Specialists = canResolve ? await SpecialistsAsync(c.OfficeId, ct) : [],
            Grounds = canDraft ? await db.RefusalGrounds.AsNoTracking().Where(g => g.Service == c.Service && g.IsActive).OrderBy(g => g.Order).ToListAsync(ct) : [],
        };
        if (canDraft && service.Has(DraftPart.LumpSum))
        {
            var terms = await db.LumpSumTermsAsync(c.Office!.LocalDate(clock.GetUtcNow()).Year, ct);
            page.LumpSumMrpCount = terms.MrpCount;
            page.LumpSumPreview = terms.MrpCount * terms.Mrp * Math.Max(1, c.Children.Count);
        }
        Prefill(page);
        if (canDraft && service.Has(DraftPart.MonthlyAmount) && page.Draft.Amount is null)
            page.Draft.Amount = await db.DefaultMaintenanceAsync(ct);
        page.Resolution.Version = page.Inspection.Version = page.Commission.Version = page.Draft.Version =
            page.Return.Version = page.Issue.Version = page.CenterReturn.Version = c.Version;

        switch (posted)
        {
            case ResolutionForm f: page.Resolution = f; break;
            case InspectionForm f: page.Inspection = f; break;
            case CommissionForm f: page.Commission = f; break;
            case DraftForm f: page.Draft = f; break;
            case ReturnForm f: page.Return = f; break;
            case IssueForm f: page.Issue = f; break;
            case CenterReturns.CenterReturnForm f: page.CenterReturn = f; break;
        }
        // A refused form comes back with the current version, so that resubmitting after a look is possible.
        if (posted is not null) posted.Version = c.Version;
        return page;
    }

    public async Task<IReadOnlyList<SpecialistLoad>> SpecialistsAsync(Guid officeId, CancellationToken ct = default)
    {
        var specialists = await db.StaffInRole(officeId, Roles.Specialist).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
        var ids = specialists.Select(s => s.Id).ToList();
        var loads = await db.Cases.Where(c => c.AssigneeId != null && ids.Contains(c.AssigneeId.Value) && c.Step != Step.Closed)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. specialists.Select(s => new SpecialistLoad(s.Id, s.FullName, loads.GetValueOrDefault(s.Id))).OrderBy(s => s.OpenCases).ThenBy(s => s.Name)];
    }

    private IReadOnlyList<StepLine> StepLines(Case c, IReadOnlyList<CaseEvent> events, Regulation? regulation, Domain.Calendar.WorkingTime time)
    {
        var now = clock.GetUtcNow();
        var today = c.Office!.LocalDate(now);
        int? DaysLeft(DateTimeOffset? due) => due is { } d ? c.Office!.LocalDate(d).DayNumber - today.DayNumber : null;
        var lines = new List<StepLine>();
        DateTimeOffset? planned = c.StepDueAt;
        foreach (var step in new[] { Step.Registration, Step.Resolution, Step.Drafting, Step.Signing, Step.Issue })
        {
            if (c.Step > step)
                lines.Add(new(step, StepState.Done, events.LastOrDefault(e => e.FromStep == step && e.ToStep > step)?.At, null));
            else if (c.Step == step)
                lines.Add(new(step, StepState.Current, c.StepDueAt, c.SuspendedAt is null ? DaysLeft(c.StepDueAt) : null));
            else
            {
                // Ahead: planned from the previous step's due time by the regulation, never past the total term.
                planned = planned is { } from && regulation is not null ? regulation.For(step).DueFrom(from, time) : null;
                if (planned > c.DueAt) planned = c.DueAt;
                lines.Add(new(step, StepState.Ahead, planned, c.SuspendedAt is null ? DaysLeft(planned) : null));
            }
        }
        return lines;
    }

    private static void Prefill(CasePageModel page)
    {
        var c = page.Case;
        page.Inspection.Address = c.HousingInspection?.Address ?? c.Applicant?.Address ?? "";
        if (c.HousingInspection is { } hi)
        {
            page.Inspection.InspectedOn = hi.InspectedOn;
            page.Inspection.Findings = hi.Findings;
            page.Inspection.Satisfactory = hi.Satisfactory;
            (page.Inspection.OtherInspectors, page.Inspection.PersonsPresent, page.Inspection.Family) = (hi.OtherInspectors, hi.PersonsPresent, hi.Family);
            (page.Inspection.Rooms, page.Inspection.Area, page.Inspection.Amenities) = (hi.Rooms, hi.Area, hi.Amenities);
            (page.Inspection.Condition, page.Inspection.Income) = (hi.Condition, hi.Income);
        }
        page.Issue.RecipientName = c.Applicant?.FullName ?? "";
        if (c.Draft is { } d)
        {
            page.Draft = new DraftForm
            {
                Outcome = d.Outcome, RefusalGroundIds = [.. d.RefusalGrounds.Select(g => g.RefusalGroundId)], RefusalText = d.RefusalText,
            };
            d.CopyTo(page.Draft);
            if (!page.Service.Has(DraftPart.MonthlyAmount)) page.Draft.Amount = null; // a computed amount is not typed
        }
        else if (page.Service.Has(DraftPart.PlacementAddress))
        {
            page.Draft.PlacementAddress = c.Applicant?.Address ?? "";
        }
    }
}

/// <summary>One part of a draft result, as a form (the specialist) or as a summary (everyone else).</summary>
public sealed record DraftPartView(CasePageModel Page, bool Edit);
