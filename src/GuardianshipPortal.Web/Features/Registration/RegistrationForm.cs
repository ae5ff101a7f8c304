using GuardianshipPortal.Cases;
using GuardianshipPortal.Web.Infrastructure;
using FluentValidation;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Web.Features.Persons;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Registration;

public sealed class RegistrationForm
{
    public ServiceCode Service { get; set; }
    /// <summary>Made when the form is shown: a second post of the same form (a double click, a retry) finds the case the first made.</summary>
    public Guid SubmissionId { get; set; }
    public Channel Channel { get; set; } = Channel.Office;
    [WritesTo(typeof(Case), nameof(Case.Language), "Case_Language")]
    public string Language { get; set; } = Domain.Language.Kazakh;
    public PersonInput Applicant { get; set; } = new();
    /// <summary>The applicant's spouse applies too (offered where the service takes a spouse; its fields are sent only then).</summary>
    public bool WithSpouse { get; set; }
    public PersonInput Spouse { get; set; } = new();
    public List<PersonInput> Children { get; set; } = [];
    public List<Guid> Received { get; set; } = [];
    /// <summary>The scans kept from an earlier attempt of this form that the clerk still wants attached.</summary>
    public List<Guid> KeepStaged { get; set; } = [];
    [WritesTo(typeof(Case), nameof(Case.Note), "Case_Note")]
    public string Note { get; set; } = "";
    [WritesTo(typeof(Case), nameof(Case.NotifyEmail), "Notify_Email")]
    public string Email { get; set; } = "";
    /// <summary>The applicant agreed to be told of the case by SMS (to the phone above) and e-mail.</summary>
    public bool NotifyConsent { get; set; }

    public Contacts Contacts() => new(
        GuardianshipPortal.Domain.Persons.KazakhPhone.TryNormalize(Applicant.Phone, out var phone) ? phone : "", Email.Trim(), NotifyConsent);

    public IEnumerable<PersonInput> FilledChildren => Children.Where(c => !c.IsBlank);

    /// <summary>A spouse is given: the box ticked, or the spouse's fields filled (a browser without scripts sends them as typed).</summary>
    public bool HasSpouse => WithSpouse || !Spouse.IsBlank;
}

public sealed class RegistrationFormValidator : AbstractValidator<RegistrationForm>
{
    public RegistrationFormValidator(IStringLocalizer<SharedResource> l, ServiceCatalog services)
    {
        RuleFor(x => x.Service).Must(services.IsDefined).WithMessage(_ => l["Validation_Required", l["Case_Service"]]);
        RuleFor(x => x.SubmissionId).NotEmpty().WithMessage(_ => l["Registration_FormExpired"]);
        RuleFor(x => x.Channel).IsInEnum().WithMessage(_ => l["Validation_Required", l["Case_Channel"]]);
        RuleFor(x => x.Language).Must(Domain.Language.IsSupported).WithMessage(_ => l["Validation_Required", l["Case_Language"]]);
        RuleFor(x => x.Applicant).SetValidator(new PersonInputValidator(l, withContacts: true));
        RuleForEach(x => x.Children).Where(child => !child.IsBlank).SetValidator(new PersonInputValidator(l, withContacts: false));
        RuleFor(x => x.Children)
            .Must((form, _) => !services.IsDefined(form.Service) || !services[form.Service].ConcernsChildren || form.FilledChildren.Any())
            .WithMessage(_ => l["Registration_ChildRequired"]);
        RuleFor(x => x.Children)
            .Must(children => children.Where(c => !c.IsBlank).Select(c => c.Iin.Trim()).Distinct().Count() == children.Count(c => !c.IsBlank))
            .WithMessage(_ => l["Registration_DuplicateChild"]);
        RuleFor(x => x.Children)
            .Must((form, children) => children.Where(c => !c.IsBlank).All(c => c.Iin.Trim() != form.Applicant.Iin.Trim()))
            .WithMessage(_ => l["Registration_ChildIsApplicant"]);
        RuleFor(x => x.WithSpouse)
            .Must((form, _) => !form.HasSpouse || !services.IsDefined(form.Service) || services[form.Service].SpouseMayApply)
            .WithMessage(_ => l["Registration_SpouseNotTaken"]);
        When(x => x.HasSpouse && services.IsDefined(x.Service) && services[x.Service].SpouseMayApply, () =>
        {
            RuleFor(x => x.Spouse).SetValidator(new PersonInputValidator(l, withContacts: true));
            RuleFor(x => x.Spouse.Iin)
                .Must((form, iin) => iin.Trim() != form.Applicant.Iin.Trim()).WithMessage(_ => l["Registration_SpouseIsApplicant"])
                .Must((form, iin) => form.FilledChildren.All(c => c.Iin.Trim() != iin.Trim())).WithMessage(_ => l["Registration_SpouseIsChild"]);
        });
        RuleFor(x => x.Note).MaximumLength(2000);
        RuleFor(x => x.Applicant.Phone)
            .Must(p => string.IsNullOrWhiteSpace(p) || GuardianshipPortal.Domain.Persons.KazakhPhone.TryNormalize(p, out _))
            .WithMessage(_ => l["Notify_PhoneFormat"]);
        RuleFor(x => x.Email).MaximumLength(Contacts.EmailLength).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage(_ => l["Notify_EmailFormat"]);
        RuleFor(x => x.NotifyConsent)
            .Must((form, consent) => !consent || !string.IsNullOrWhiteSpace(form.Applicant.Phone) || !string.IsNullOrWhiteSpace(form.Email))
            .WithMessage(_ => l["Notify_ConsentNeedsContact"]);
    }
}
