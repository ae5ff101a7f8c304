using System.Globalization;
using System.Text.RegularExpressions;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Registration;

/// <summary>One error of the registration form as its summary lists it: the person and the field named, a link to the field.</summary>
public sealed record RegistrationError(string Text, string? FieldId);

public static partial class RegistrationErrors
{
    private static readonly HashSet<string> PersonFields = ["Iin", "LastName", "FirstName", "MiddleName", "BirthDate", "Sex", "Address", "Phone"];

    private static readonly Dictionary<string, string> FormFields = new()
    {
        ["Channel"] = "Case_Channel", ["Language"] = "Case_Language", ["Note"] = "Case_Note", ["Email"] = "Notify_Email",
        ["Service"] = "Case_Service",
    };

    /// <summary>The single persons of the form by their prefix, and the label naming each.</summary>
    private static readonly (string Prefix, string Label)[] Persons = [("Applicant.", "Case_Applicant"), ("Spouse.", "Case_Spouse")];

    [GeneratedRegex(@"^Children\[(\d+)\]\.(\w+)$")]
    private static partial Regex ChildField();

    /// <summary>Errors in the order the form shows its fields: "Бала 2, ЖСН: …", "Өтініш беруші, Тегі: …", "Жұбайы (зайыбы), ЖСН: …".</summary>
    public static IReadOnlyList<RegistrationError> Of(ModelStateDictionary state, IStringLocalizer l)
    {
        var list = new List<RegistrationError>();
        foreach (var (key, entry) in state.OrderBy(e => Order(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal))
            foreach (var error in entry?.Errors ?? [])
                list.Add(Describe(key, error.ErrorMessage, l));
        return list;
    }

    private static int Order(string key) => key switch
    {
        "" => 0,
        _ when key.StartsWith("Applicant.", StringComparison.Ordinal) || key == "Email" => 1,
        _ when key.StartsWith("Spouse.", StringComparison.Ordinal) || key == "WithSpouse" => 2,
        _ when key.StartsWith("Children", StringComparison.Ordinal) => 3,
        _ => 4,
    };

    public static RegistrationError Describe(string key, string message, IStringLocalizer l)
    {
        foreach (var (prefix, who) in Persons)
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key[prefix.Length..] is var field && PersonFields.Contains(field))
                return new(Named(l[who], l["Person_" + field], message), FieldState.IdOf(key));
        if (ChildField().Match(key) is { Success: true } m && PersonFields.Contains(m.Groups[2].Value))
        {
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1;
            return new(Named($"{l["Case_Child"]} {n}", l["Person_" + m.Groups[2].Value], message), FieldState.IdOf(key));
        }
        if (FormFields.TryGetValue(key, out var label))
            return new(message.Contains(l[label], StringComparison.OrdinalIgnoreCase) ? message : $"{l[label]}: {message}", FieldState.IdOf(key));
        return new(message, null);
    }

    /// <summary>"Бала 2: ЖСН 12 цифрдан тұруы тиіс."; a message that does not name its field gets it: "Өтініш беруші, Туған күні: Енгізілген мән жарамсыз."</summary>
    private static string Named(string who, string field, string message) =>
        message.Contains(field, StringComparison.OrdinalIgnoreCase) ? $"{who}: {message}" : $"{who}, {field}: {message}";
}
