using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Drafting;

/// <summary>
/// Step 3: the assigned specialist records the housing inspection act and drafts the result (or a motivated
/// refusal); for adopter registration a commission member records the commission's opinion.
/// </summary>
public sealed class DraftingController(
    StepRunner runner, CasePages pages, PortalDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [Authorize(Roles = Roles.Specialist)]
    [HttpPost("/cases/{id:guid}/inspection")]
    public Task<IActionResult> Inspection(Guid id, [Bind(Prefix = "Inspection")] InspectionForm form) =>
        runner.RunAsync(this, id, form, CaseAction.RecordInspection, step =>
        {
            if (!step.Case.Service.NeedsHousingInspection())
            {
                step.Error(l["Inspection_NotNeeded"]);
                return Task.CompletedTask;
            }
            var act = step.Case.HousingInspection ??= new HousingInspection { CaseId = step.Case.Id, Address = "", Findings = "" };
            act.InspectedOn = form.InspectedOn!.Value;
            act.Address = form.Address.Trim();
            act.Findings = form.Findings.Trim();
            act.Satisfactory = form.Satisfactory;
            act.InspectorId = step.Actor.UserId;
            return Task.CompletedTask;
        }, "Inspection_Done");

    [Authorize(Roles = Roles.Commission)]
    [HttpPost("/cases/{id:guid}/commission")]
    public Task<IActionResult> Commission(Guid id, [Bind(Prefix = "Commission")] CommissionForm form) =>
        runner.RunAsync(this, id, form, CaseAction.RecordCommissionOpinion, step =>
        {
            if (!step.Case.Service.NeedsCommission())
            {
                step.Error(l["Commission_NotNeeded"]);
                return Task.CompletedTask;
            }
            var opinion = step.Case.CommissionOpinion ??= new CommissionOpinion { CaseId = step.Case.Id, Text = "" };
            opinion.Positive = form.Positive!.Value;
            opinion.Text = form.Text.Trim();
            opinion.MemberId = step.Actor.UserId;
            opinion.At = step.Now;
            step.Comment = opinion.Text;
            return Task.CompletedTask;
        }, "Commission_Done");

    [Authorize(Roles = Roles.Specialist)]
    [HttpPost("/cases/{id:guid}/draft")]
    public Task<IActionResult> Draft(Guid id, [Bind(Prefix = "Draft")] DraftForm form) =>
        runner.RunAsync(this, id, form, form.Submit ? CaseAction.SubmitDraft : CaseAction.SaveDraft, async step =>
        {
            var c = step.Case;
            var today = step.Office.LocalDate(step.Now);
            var grounds = await db.RefusalGrounds.Where(g => g.Service == c.Service && g.IsActive).Select(g => g.Id).ToListAsync();
            var (mrpCount, mrp) = await pages.LumpSumAsync(step.Office);
            if (form.Submit)
            {
                foreach (var error in DraftRules.Check(c, form, grounds, mrp, today, l)) step.Error(error);
                if (step.Errors.Count > 0) return;
            }
            Apply(c, form, grounds, step, c.Service == ServiceCode.AdoptionLumpSum ? (mrpCount, mrp) : null);
        }, form.Submit ? "Draft_Submitted" : "Draft_Saved");

    private static void Apply(Case c, DraftForm f, IReadOnlyCollection<Guid> grounds, StepContext step, (int Count, decimal? Mrp)? lumpSum)
    {
        var d = c.Draft ??= new Draft { CaseId = c.Id, Outcome = Outcome.Approved };
        d.Outcome = f.Outcome ?? Outcome.Approved;
        d.UpdatedAt = step.Now;
        d.UpdatedById = step.Actor.UserId;
        d.PeriodFrom = f.PeriodFrom;
        d.PeriodTo = f.PeriodTo;
        d.PlacementAddress = f.PlacementAddress.Trim();
        d.CourtName = f.CourtName.Trim();
        d.CourtDecisionNumber = f.CourtDecisionNumber.Trim();
        d.CourtDecisionDate = f.CourtDecisionDate;
        d.BankName = f.BankName.Trim();
        d.Iban = DraftRules.NormalizeIban(f.Iban);
        d.GuardianshipDecisionNumber = f.GuardianshipDecisionNumber.Trim();
        d.GuardianshipDecisionDate = f.GuardianshipDecisionDate;
        d.GuardianshipDecisionIssuer = f.GuardianshipDecisionIssuer.Trim();
        d.ConclusionText = f.ConclusionText.Trim();
        d.RefusalText = d.Outcome == Outcome.Refused ? f.RefusalText.Trim() : "";
        if (lumpSum is { } ls)
        {
            // The amount is the configured number of MRP times the MRP of the decision's year (SPEC §8).
            d.MrpCount = ls.Count;
            d.MrpValue = ls.Mrp;
            d.Amount = ls.Count * ls.Mrp;
        }
        else
        {
            d.Amount = c.Service == ServiceCode.FosterMaintenance ? f.MonthlyAmount : null;
        }
        var wanted = d.Outcome == Outcome.Refused ? f.RefusalGroundIds.Where(grounds.Contains).Distinct().ToHashSet() : [];
        d.RefusalGrounds.RemoveAll(g => !wanted.Contains(g.RefusalGroundId));
        foreach (var g in wanted.Where(g => d.RefusalGrounds.All(x => x.RefusalGroundId != g)))
            d.RefusalGrounds.Add(new DraftRefusalGround { CaseId = c.Id, RefusalGroundId = g });
        if (f.Submit)
        {
            c.Outcome = d.Outcome;
            step.Comment = d.Outcome == Outcome.Refused ? d.RefusalText : d.ConclusionText;
        }
    }
}
