using GuardianshipPortal.Web.Infrastructure;
using FluentValidation;
using GuardianshipPortal.Domain.Cases;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Cases;

/// <summary>Every step form carries the case version it was shown with: a stale form is refused, not applied.</summary>
public abstract class StepForm
{
    public int Version { get; set; }
}

public sealed class ResolutionForm : StepForm
{
    [WritesTo(typeof(Domain.Cases.Resolution), nameof(Domain.Cases.Resolution.Text), "Resolution_Text")]
    public string Text { get; set; } = "";
    [Label("Resolution_Specialist")]
    public Guid? SpecialistId { get; set; }
}

public sealed class InspectionForm : StepForm
{
    [Label("Inspection_Date")]
    public DateOnly? InspectedOn { get; set; }
    [WritesTo(typeof(HousingInspection), nameof(HousingInspection.Address), "Inspection_Address")]
    public string Address { get; set; } = "";
    [WritesTo(typeof(HousingInspection), nameof(HousingInspection.Findings), "Inspection_Findings")]
    public string Findings { get; set; } = "";
    [Label("Inspection_Satisfactory")]
    public bool Satisfactory { get; set; }
    [WritesTo(typeof(HousingInspection), nameof(HousingInspection.OtherInspectors), "Inspection_OtherInspectors")]
    public string OtherInspectors { get; set; } = "";
    [WritesTo(typeof(HousingInspection), nameof(HousingInspection.PersonsPresent), "Inspection_PersonsPresent")]
    public string PersonsPresent { get; set; } = "";
    [WritesTo(typeof(HousingInspection), nameof(HousingInspection.Family), "Inspection_Family")]
    public string Family { get; set; } = "";
    [Label("Inspection_Rooms")]
    public int? Rooms { get; set; }
    [Label("Inspection_Area")]
    public decimal? Area { get; set; }
    [WritesTo(typeof(HousingInspection), nameof(HousingInspection.Amenities), "Inspection_Amenities")]
    public string Amenities { get; set; } = "";
    [WritesTo(typeof(HousingInspection), nameof(HousingInspection.Condition), "Inspection_Condition")]
    public string Condition { get; set; } = "";
    [WritesTo(typeof(HousingInspection), nameof(HousingInspection.Income), "Inspection_Income")]
    public string Income { get; set; } = "";

    /// <summary>The act as the step records it (call when the form is valid).</summary>
    public GuardianshipPortal.Cases.InspectionData ToData() => new(InspectedOn!.Value, Address, Findings, Satisfactory)
    {
        OtherInspectors = OtherInspectors, PersonsPresent = PersonsPresent, Family = Family, Rooms = Rooms, Area = Area,
        Amenities = Amenities, Condition = Condition, Income = Income,
    };
}

public sealed class CommissionForm : StepForm
{
    [Label("Commission_Opinion")]
    public bool? Positive { get; set; }
    [WritesTo(typeof(CommissionOpinion), nameof(CommissionOpinion.Text), "Commission_Text")]
    public string Text { get; set; } = "";
}

/// <summary>The draft result as the specialist edits it; its service's fields are the same as the stored draft's.</summary>
public sealed class DraftForm : StepForm, IDraftFields
{
    [Label("Draft_Outcome")]
    public Outcome? Outcome { get; set; }
    [Label("Draft_PeriodFrom")]
    public DateOnly? PeriodFrom { get; set; }
    [Label("Draft_PeriodTo")]
    public DateOnly? PeriodTo { get; set; }
    [WritesTo(typeof(Draft), nameof(Draft.PlacementAddress), "Draft_PlacementAddress")]
    public string PlacementAddress { get; set; } = "";
    [WritesTo(typeof(Draft), nameof(Draft.CourtName), "Draft_CourtName")]
    public string CourtName { get; set; } = "";
    [WritesTo(typeof(Draft), nameof(Draft.CourtDecisionNumber), "Draft_CourtDecisionNumber")]
    public string CourtDecisionNumber { get; set; } = "";
    [Label("Draft_CourtDecisionDate")]
    public DateOnly? CourtDecisionDate { get; set; }
    [WritesTo(typeof(Draft), nameof(Draft.BankName), "Draft_BankName")]
    public string BankName { get; set; } = "";
    [WritesTo(typeof(Draft), nameof(Draft.Iban), "Draft_Iban")]
    public string Iban { get; set; } = "";
    [Label("Draft_Amount")]
    public decimal? Amount { get; set; }
    [WritesTo(typeof(Draft), nameof(Draft.GuardianshipDecisionNumber), "Draft_GuardianshipDecisionNumber")]
    public string GuardianshipDecisionNumber { get; set; } = "";
    [Label("Draft_GuardianshipDecisionDate")]
    public DateOnly? GuardianshipDecisionDate { get; set; }
    [WritesTo(typeof(Draft), nameof(Draft.GuardianshipDecisionIssuer), "Draft_GuardianshipDecisionIssuer")]
    public string GuardianshipDecisionIssuer { get; set; } = "";
    [WritesTo(typeof(Draft), nameof(Draft.ConclusionText), "Draft_ConclusionText")]
    public string ConclusionText { get; set; } = "";
    public List<Guid> RefusalGroundIds { get; set; } = [];
    [WritesTo(typeof(Draft), nameof(Draft.RefusalText), "Draft_RefusalText")]
    public string RefusalText { get; set; } = "";
    /// <summary>True: submit for signature; false: only save the draft.</summary>
    public bool Submit { get; set; }
}

public sealed class SignForm : StepForm;

public sealed class ReturnForm : StepForm
{
    [WritesTo(typeof(CaseEvent), nameof(CaseEvent.Comment), "Signing_ReturnComment")]
    public string Comment { get; set; } = "";
}

public sealed class IssueForm : StepForm
{
    [WritesTo(typeof(IssueRecord), nameof(IssueRecord.RecipientName), "Issue_Recipient")]
    public string RecipientName { get; set; } = "";
    [WritesTo(typeof(IssueRecord), nameof(IssueRecord.RecipientDocument), "Issue_Document")]
    public string RecipientDocument { get; set; } = "";
    [Label("Issue_Signed")]
    public bool SignedForReceipt { get; set; }
}

public sealed class ResolutionFormValidator : AbstractValidator<ResolutionForm>
{
    public ResolutionFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => l["Validation_Required", l["Resolution_Text"]]).MaximumLength(2000);
        RuleFor(x => x.SpecialistId).NotEmpty().WithMessage(_ => l["Validation_Required", l["Resolution_Specialist"]]);
    }
}

public sealed class InspectionFormValidator : AbstractValidator<InspectionForm>
{
    public InspectionFormValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.InspectedOn).NotEmpty().WithMessage(_ => l["Validation_Required", l["Inspection_Date"]])
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage(_ => l["Validation_NotInFuture", l["Inspection_Date"]]);
        RuleFor(x => x.Address).NotEmpty().WithMessage(_ => l["Validation_Required", l["Inspection_Address"]]).MaximumLength(500);
        RuleFor(x => x.Findings).NotEmpty().WithMessage(_ => l["Validation_Required", l["Inspection_Findings"]]).MaximumLength(4000);
        RuleFor(x => x.OtherInspectors).MaximumLength(1000);
        RuleFor(x => x.PersonsPresent).MaximumLength(1000);
        RuleFor(x => x.Family).NotEmpty().WithMessage(_ => l["Validation_Required", l["Inspection_Family"]]).MaximumLength(2000);
        RuleFor(x => x.Rooms).NotEmpty().WithMessage(_ => l["Validation_Required", l["Inspection_Rooms"]])
            .InclusiveBetween(1, 50).WithMessage(_ => l["Validation_Range", l["Inspection_Rooms"], 1, 50]);
        RuleFor(x => x.Area).NotEmpty().WithMessage(_ => l["Validation_Required", l["Inspection_Area"]])
            .InclusiveBetween(1m, 10000m).WithMessage(_ => l["Validation_Range", l["Inspection_Area"], 1, 10000]);
        RuleFor(x => x.Amenities).MaximumLength(1000);
        RuleFor(x => x.Condition).NotEmpty().WithMessage(_ => l["Validation_Required", l["Inspection_Condition"]]).MaximumLength(2000);
        RuleFor(x => x.Income).NotEmpty().WithMessage(_ => l["Validation_Required", l["Inspection_Income"]]).MaximumLength(1000);
    }
}

public sealed class CommissionFormValidator : AbstractValidator<CommissionForm>
{
    public CommissionFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Positive).NotNull().WithMessage(_ => l["Validation_Required", l["Commission_Opinion"]]);
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => l["Validation_Required", l["Commission_Text"]]).MaximumLength(4000);
    }
}

public sealed class ReturnFormValidator : AbstractValidator<ReturnForm>
{
    public ReturnFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Comment).NotEmpty().WithMessage(_ => l["Validation_Required", l["Signing_ReturnComment"]]).MaximumLength(4000);
}

public sealed class IssueFormValidator : AbstractValidator<IssueForm>
{
    public IssueFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.RecipientName).NotEmpty().WithMessage(_ => l["Validation_Required", l["Issue_Recipient"]]).MaximumLength(300);
        RuleFor(x => x.RecipientDocument).NotEmpty().WithMessage(_ => l["Validation_Required", l["Issue_Document"]]).MaximumLength(200);
        RuleFor(x => x.SignedForReceipt).Equal(true).WithMessage(_ => l["Issue_SignatureRequired"]);
    }
}
