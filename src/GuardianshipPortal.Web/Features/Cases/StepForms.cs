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
    public string Text { get; set; } = "";
    public Guid? SpecialistId { get; set; }
}

public sealed class InspectionForm : StepForm
{
    public DateOnly? InspectedOn { get; set; }
    public string Address { get; set; } = "";
    public string Findings { get; set; } = "";
    public bool Satisfactory { get; set; }
}

public sealed class CommissionForm : StepForm
{
    public bool? Positive { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>The draft result as the specialist edits it; its service's fields are the same as the stored draft's.</summary>
public sealed class DraftForm : StepForm, IDraftFields
{
    public Outcome? Outcome { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public string PlacementAddress { get; set; } = "";
    public string CourtName { get; set; } = "";
    public string CourtDecisionNumber { get; set; } = "";
    public DateOnly? CourtDecisionDate { get; set; }
    public string BankName { get; set; } = "";
    public string Iban { get; set; } = "";
    public decimal? Amount { get; set; }
    public string GuardianshipDecisionNumber { get; set; } = "";
    public DateOnly? GuardianshipDecisionDate { get; set; }
    public string GuardianshipDecisionIssuer { get; set; } = "";
    public string ConclusionText { get; set; } = "";
    public List<Guid> RefusalGroundIds { get; set; } = [];
    public string RefusalText { get; set; } = "";
    /// <summary>True: submit for signature; false: only save the draft.</summary>
    public bool Submit { get; set; }
}

public sealed class SignForm : StepForm;

public sealed class ReturnForm : StepForm
{
    public string Comment { get; set; } = "";
}

public sealed class IssueForm : StepForm
{
    public string RecipientName { get; set; } = "";
    public string RecipientDocument { get; set; } = "";
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
