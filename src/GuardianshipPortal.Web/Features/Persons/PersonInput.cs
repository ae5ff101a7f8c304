using GuardianshipPortal.Web.Infrastructure;
using FluentValidation;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain.Persons;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Persons;

/// <summary>A person as typed on a form. Birth date and sex are derived from the IIN; typed values that disagree are flagged.</summary>
public sealed class PersonInput
{
    [WritesTo(typeof(Domain.Persons.Person), nameof(Domain.Persons.Person.Iin), "Person_Iin")]
    public string Iin { get; set; } = "";
    [WritesTo(typeof(Domain.Persons.Person), nameof(Domain.Persons.Person.LastName), "Person_LastName")]
    public string LastName { get; set; } = "";
    [WritesTo(typeof(Domain.Persons.Person), nameof(Domain.Persons.Person.FirstName), "Person_FirstName")]
    public string FirstName { get; set; } = "";
    [WritesTo(typeof(Domain.Persons.Person), nameof(Domain.Persons.Person.MiddleName), "Person_MiddleName")]
    public string MiddleName { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public Sex? Sex { get; set; }
    [WritesTo(typeof(Domain.Persons.Person), nameof(Domain.Persons.Person.Address), "Person_Address")]
    public string Address { get; set; } = "";
    [WritesTo(typeof(Domain.Persons.Person), nameof(Domain.Persons.Person.Phone), "Person_Phone")]
    public string Phone { get; set; } = "";

    public bool IsBlank => string.IsNullOrWhiteSpace(Iin) && string.IsNullOrWhiteSpace(LastName) && string.IsNullOrWhiteSpace(FirstName);

    public PersonData ToData() => new(Iin.Trim(), LastName, FirstName, MiddleName, Address, Phone);
}

/// <summary>Composed by the forms that contain persons (not resolved from DI: it takes a flag).</summary>
internal sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public PersonInputValidator(IStringLocalizer<SharedResource> l, bool withContacts)
    {
        RuleFor(x => x.Iin).Must(BeValidIin).WithMessage(x => l["Iin_" + Error(x.Iin)]);
        RuleFor(x => x.LastName).NotEmpty().WithMessage(_ => l["Validation_Required", l["Person_LastName"]]).MaximumLength(100);
        RuleFor(x => x.FirstName).NotEmpty().WithMessage(_ => l["Validation_Required", l["Person_FirstName"]]).MaximumLength(100);
        RuleFor(x => x.MiddleName).MaximumLength(100);
        RuleFor(x => x.BirthDate)
            .Must((x, date) => date is null || !global::GuardianshipPortal.Domain.Persons.Iin.TryParse(x.Iin, out var iin, out _) || iin.BirthDate == date)
            .WithMessage(_ => l["Iin_BirthDateMismatch"]);
        RuleFor(x => x.Sex)
            .Must((x, sex) => sex is null || !global::GuardianshipPortal.Domain.Persons.Iin.TryParse(x.Iin, out var iin, out _) || iin.Sex == sex)
            .WithMessage(_ => l["Iin_SexMismatch"]);
        if (withContacts)
        {
            RuleFor(x => x.Address).NotEmpty().WithMessage(_ => l["Validation_Required", l["Person_Address"]]).MaximumLength(500);
            RuleFor(x => x.Phone).MaximumLength(50);
        }
    }

    private static bool BeValidIin(string iin) => global::GuardianshipPortal.Domain.Persons.Iin.IsValid(iin);

    private static IinError Error(string iin)
    {
        global::GuardianshipPortal.Domain.Persons.Iin.TryParse(iin, out _, out var error);
        return error;
    }
}
