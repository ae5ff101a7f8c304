using System.Net;
using System.Reflection;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features.Hardening;

/// <summary>
/// Every text that comes in has the limit of its column and refuses control characters: a value one character too long,
/// or with a NUL byte, is a 400 with a message naming the field — on PostgreSQL as on SQLite — and nothing is saved.
/// </summary>
public abstract class InputLimitTests(PortalFixture fixture) : PortalTest(fixture)
{
    /// <summary>String columns no form writes: the portal fills them itself (codes, hashes, names copied from elsewhere).</summary>
    private static readonly HashSet<string> SystemWritten =
    [
        // Uploads: the name is cut to its column by Scans, the type is the one the content was sniffed as, the hash is computed.
        "Attachment.FileName", "Attachment.ContentType", "Attachment.Sha256",
        "StagedUpload.FileName", "StagedUpload.ContentType", // as for an attachment: the checked type and the cleaned, cut name
        "AuditEvent.Action", "AuditEvent.Detail", "AuditEvent.Before", "AuditEvent.After",
        "Case.Number", "Case.SubmissionKey", "Case.SearchNames", "CaseEvent.Role", "CaseEvent.UserName",
        // The applicant's phone (a limited form field), normalised by KazakhPhone to "+77XXXXXXXXX".
        "Case.NotifyPhone",
        // A message template's event and language come from the template edited (the address names an existing one).
        "MessageTemplate.Event", "MessageTemplate.Language",
        // A partner's key: made by the portal (PartnerKeys), kept as its hash.
        "Partner.KeyHash", "Partner.KeyId", "Partner.PreviousKeyHash", "Partner.ProtectedCallbackSecret",
        // An electronic request: its id checked by RequestIntake (≤ 64, no control characters), the rest read from the
        // signer's certificate and cut to the column, or a hash.
        "ElectronicRequest.ContentSha256", "ElectronicRequest.ExternalRequestId", "ElectronicRequest.SignerBin", "ElectronicRequest.SignerIin",
        "ElectronicRequest.SignerIssuer", "ElectronicRequest.SignerName", "ElectronicRequest.SignerSerial",
        // A representative's power of attorney, from an electronic request: RequestIntake keeps each within its column, without control characters.
        "CaseRepresentative.Notary", "CaseRepresentative.PowerOfAttorneyNumber",
        // The reasons a Center's documents went back, by their names in the catalogue (CenterReturnReason).
        "CenterReturn.Reasons",
        // A head's digital signature: read from the verified certificate and cut to the column.
        "DocumentSignature.CertificateIssuer", "DocumentSignature.CertificateSerial", "DocumentSignature.CertificateSubject",
        "DocumentSignature.SignerBin", "DocumentSignature.SignerIin", "DocumentSignature.SignerName",
        // A package of documents frozen for signature: rendered by the portal.
        "SigningPackageDocument.Language", "SigningPackageDocument.Number", "SigningPackageDocument.Sha256", "SigningPackageDocument.SignerName",
        "SigningPackageDocument.SubjectInitials", "SigningPackageDocument.VerificationCode",
        // Outgoing numbers: the office's format (a limited form field, ≤ 40 characters, one {n}) with the year and the
        // sequence put in; the emblem's type is the one its bytes were recognised as (image/png or image/jpeg).
        "OutgoingEntry.Number", "IssuedDocument.OutgoingNumber", "SigningPackageDocument.OutgoingNumber", "Office.EmblemContentType",
        "DocumentTemplate.Language", "DocumentType.Code", "RefusalGround.Code",
        "IssuedDocument.Language", "IssuedDocument.Number", "IssuedDocument.Sha256", "IssuedDocument.SignerName",
        "IssuedDocument.SubjectInitials", "IssuedDocument.VerificationCode",
        "OutboxMessage.Body", "OutboxMessage.Event", "OutboxMessage.IdempotencyKey", "OutboxMessage.Language", "OutboxMessage.LastError",
        "OutboxMessage.LockedBy", "OutboxMessage.Recipient", "OutboxMessage.Stream", "OutboxMessage.Subject",
        "Person.SearchName", "PortalSetting.Key", "PortalSetting.Value",
        // Identity's own columns (the portal has no e-mail or phone of staff).
        "PortalUser.ConcurrencyStamp", "PortalUser.Email", "PortalUser.NormalizedEmail", "PortalUser.NormalizedUserName",
        "PortalUser.PasswordHash", "PortalUser.PhoneNumber", "PortalUser.SecurityStamp",
        // A region comes from the deployment's configuration (Bootstrap:*), not from a form.
        "Region.Code", "Region.NameKk", "Region.NameRu",
        // The act a preset's terms come from, written by the portal from its presets.
        "Regulation.Source",
        // Copied from the signing head's profile, which the user form limits.
        "Signature.SignerName", "Signature.SignerPositionKk", "Signature.SignerPositionRu",
        // Read from uploaded certificates and lists (cut to the column), or an error message of the portal.
        "TrustItem.Name", "TrustItem.RefreshError", "TrustItem.Sha256",
        // The data-protection key ring (written by ASP.NET Core's key manager) and the periodic jobs' leases (names are
        // constants, holders machine/process names cut to the column).
        "DataProtectionKey.FriendlyName", "DataProtectionKey.Xml", "JobLease.Name", "JobLease.HeldBy",
        // What the background job read from an office's history (JSON it serialises).
        "OfficeSummary.ClosedFigures", "OfficeSummary.StepTimes", "OfficeSummary.StepModel", "OfficeSummary.TotalModel",
    ];

    /// <summary>String columns without a maximum length, each with the reason it may be unbounded.</summary>
    private static readonly Dictionary<string, string> Unbounded = new()
    {
        ["AuditEvent.Before"] = "the portal writes a setting's value before a change, as long as the text it records (a template's body)",
        ["AuditEvent.After"] = "the portal writes a setting's value after a change, as long as the text it records (a template's body)",
        ["Case.SearchNames"] = "the portal folds it from the case's persons' names (each bounded), one line per person, never input",
        ["OutboxMessage.Body"] = "the portal composes it from a limited template with the case's data filled in",
        ["DataProtectionKey.Xml"] = "a key's XML as ASP.NET Core's key manager writes it (a few KB), never input",
        ["OfficeSummary.ClosedFigures"] = "JSON the background job writes: the office's closed cases by month, service and assignee",
        ["OfficeSummary.StepTimes"] = "JSON the background job writes: hours per service and step",
        ["OfficeSummary.StepModel"] = "JSON the background job writes: a trained forecast model (its weights and late rates)",
        ["OfficeSummary.TotalModel"] = "JSON the background job writes: a trained forecast model (its weights and late rates)",
        ["PortalUser.ConcurrencyStamp"] = "Identity's own column, written by Identity",
        ["PortalUser.PasswordHash"] = "Identity's own column, written by Identity",
        ["PortalUser.PhoneNumber"] = "Identity's own column, never written (staff have no phone in the portal)",
        ["PortalUser.SecurityStamp"] = "Identity's own column, written by Identity",
    };

    /// <summary>String fields of request models that write no column (or are checked otherwise), each with the reason.</summary>
    private static readonly Dictionary<string, string> NotWritten = new()
    {
        ["ChangePasswordForm.ConfirmPassword"] = "compared with the new password, never stored",
        ["ChangePasswordForm.CurrentPassword"] = "checked against the hash, never stored",
        ["ChangePasswordForm.NewPassword"] = "stored only as Identity's hash",
        ["LoginForm.Password"] = "checked against the hash, never stored",
        ["LoginForm.UserName"] = "looked up, never written",
        ["LoginForm.ReturnUrl"] = "a local address to go back to, never stored",
        ["TwoFactorCodeForm.Code"] = "checked, never stored",
        ["TwoFactorCodeForm.ReturnUrl"] = "a local address to go back to, never stored",
        ["SurveyForm.Number"] = "looks the case up, never written",
        ["SurveyForm.Code"] = "looks the receipt up, never written",
        ["UserForm.Role"] = "one of the portal's roles (the validator refuses any other), stored as a role id",
        ["IssuedReport.ReceivedBy"] = "the partner API's JSON: PartnerApiController.Issued holds it to IssueRecord.RecipientName (300) "
            + "and refuses control characters with 422 malformed",
        ["IssuedReport.RecipientDocument"] = "the partner API's JSON: PartnerApiController.Issued holds it to IssueRecord.RecipientDocument (200) "
            + "and refuses control characters with 422 malformed",
        ["SignatureInput.Cms"] = "base64 of a CMS kept as bytes (DocumentSignature.Cms); anything that is not a valid signature of the head is refused whole",
    };

    [Fact]
    public async Task An_extension_comment_longer_than_the_form_allows_is_refused_and_the_term_is_not_extended()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Domain.Workflow.Step.Resolution);
        var head = await new OfficeDesk(App).AsAsync("head");
        var before = await App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));
        var page = await head.GetAsync($"/cases/{id}");

        var refused = await head.SubmitAsync(page, "[data-testid=extend-form]", new Dictionary<string, string>
        {
            ["Extend.Days"] = "2", ["Extend.Comment"] = new string('ұ', Domain.Cases.Case.ExtensionCommentLength + 1),
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.EndsWith($"{Domain.Cases.Case.ExtensionCommentLength} таңбадан аспауы керек.", StringComparison.Ordinal));
        var after = await App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((before.Version, before.DueAt, 0), (after.Version, after.DueAt, after.ExtensionDays));
    }

    [Fact]
    public void Every_string_column_has_a_maximum_length_or_a_reason_to_have_none()
    {
        using var scope = App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
        var unbounded = model.GetEntityTypes()
            .Where(e => !e.ClrType.Namespace!.StartsWith("Microsoft", StringComparison.Ordinal))
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null).Select(p => $"{e.ClrType.Name}.{p.Name}"))
            .ToHashSet();

        Assert.True(unbounded.SetEquals(Unbounded.Keys),
            "Unbounded without a reason:\n" + string.Join("\n", unbounded.Except(Unbounded.Keys).Order())
            + "\nListed but bounded (or gone):\n" + string.Join("\n", Unbounded.Keys.Except(unbounded).Order()));
    }

    /// <summary>The models the portal binds from requests: every action's parameters and what they hold, and every form class.</summary>
    private static IReadOnlyList<Type> RequestModels()
    {
        var web = typeof(TextInputFilter).Assembly;
        static bool Ours(Type t) => t.Namespace?.StartsWith("GuardianshipPortal", StringComparison.Ordinal) == true && t.IsClass && t != typeof(string);
        var seeds = web.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<NonActionAttribute>() is null && !m.IsSpecialName)
            .SelectMany(m => m.GetParameters()).Select(p => p.ParameterType)
            .Concat(web.GetTypes().Where(t => !t.IsAbstract && (typeof(StepForm).IsAssignableFrom(t)
                || t.Namespace?.StartsWith("GuardianshipPortal.Web.Features", StringComparison.Ordinal) == true && (t.Name.EndsWith("Form", StringComparison.Ordinal) || t.Name.EndsWith("Input", StringComparison.Ordinal)))));
        var found = new HashSet<Type>();
        var pending = new Queue<Type>(seeds);
        while (pending.TryDequeue(out var type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.IsGenericType ? type.GetGenericArguments().LastOrDefault() ?? type : type;
            element = Nullable.GetUnderlyingType(element) ?? element;
            if (!Ours(element) || !found.Add(element)) continue;
            foreach (var p in element.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                pending.Enqueue(p.PropertyType);
        }
        return [.. found.OrderBy(t => t.FullName)];
    }

    [Fact]
    public void Every_text_field_of_a_request_model_names_the_column_it_writes_or_why_it_writes_none()
    {
        var fields = RequestModels()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.PropertyType == typeof(string)))
            .ToList();
        var names = fields.Select(p => $"{p.DeclaringType!.Name}.{p.Name}").ToHashSet();

        var unmarked = fields.Where(p => !p.GetCustomAttributes<WritesToAttribute>().Any() && !NotWritten.ContainsKey($"{p.DeclaringType!.Name}.{p.Name}"))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}").Order().ToList();
        var stale = NotWritten.Keys.Where(k => !names.Contains(k)).Order().ToList();

        Assert.True(unmarked.Count == 0, "Text fields with neither [WritesTo] nor a reason:\n" + string.Join("\n", unmarked));
        Assert.True(stale.Count == 0, "Listed but no such field:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_string_column_is_written_by_a_limited_form_field_or_only_by_the_portal()
    {
        using var scope = App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
        var columns = model.GetEntityTypes()
            .Where(e => !e.ClrType.Namespace!.StartsWith("Microsoft", StringComparison.Ordinal))
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => $"{e.ClrType.Name}.{p.Name}"))
            .ToHashSet();
        var written = typeof(TextInputFilter).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties())
            .SelectMany(p => p.GetCustomAttributes<WritesToAttribute>())
            .Select(a => $"{a.Entity.Name}.{a.Property}")
            .ToHashSet();

        var uncovered = columns.Where(c => !written.Contains(c) && !SystemWritten.Contains(c)).Order().ToList();
        var unknown = written.Concat(SystemWritten).Where(c => !columns.Contains(c)).Order().ToList();

        Assert.Empty(unknown);
        Assert.True(uncovered.Count == 0, string.Join("\n", uncovered));
    }

    private Task<Guid> AtDraftingAsync(ServiceCode service) => new CaseFactory(App).AtAsync(service, Domain.Workflow.Step.Drafting);

    [Fact]
    public async Task A_draft_field_over_its_column_is_refused_naming_the_field_and_one_at_the_limit_is_saved()
    {
        var office = new OfficeDesk(App);
        var id = await AtDraftingAsync(ServiceCode.AdoptionLumpSum);
        var fields = OfficeDesk.ApprovedFields(ServiceCode.AdoptionLumpSum, App.Today);
        var specialist = await office.AsAsync("specialist");

        var page = await specialist.GetAsync($"/cases/{id}");
        page.Check("#Draft_Outcome_Approved");
        var tooLong = await specialist.SubmitAsync(page, "[data-testid=draft-form]",
            new Dictionary<string, string>(fields) { ["Draft.CourtName"] = new string('с', 301), ["Draft.Iban"] = "KZ16 601A 8710 0123 4567 8901 2345 6789 01" },
            submitName: "Draft.Submit", submitValue: "true");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("Сот атауы: 300 таңбадан аспауы керек.", tooLong.Errors);
        Assert.Contains("Банк шоты (IBAN): 34 таңбадан аспауы керек.", tooLong.Errors);
        Assert.Null(await App.WithDbAsync(db => db.Drafts.FirstOrDefaultAsync(d => d.CaseId == id)));

        page = await specialist.GetAsync($"/cases/{id}");
        page.Check("#Draft_Outcome_Approved");
        var atLimit = await specialist.SubmitAsync(page, "[data-testid=draft-form]",
            new Dictionary<string, string>(fields) { ["Draft.CourtName"] = new string('с', 300) }, submitName: "Draft.Submit", submitValue: "true");
        Assert.Empty(atLimit.Errors);
        Assert.Equal(300, (await App.WithDbAsync(db => db.Drafts.SingleAsync(d => d.CaseId == id))).CourtName.Length);
    }

    [Fact]
    public async Task Long_values_in_admin_forms_and_a_long_revocation_reason_are_refused_not_500()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var officeId = await App.WithDbAsync(db => db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync());
        var officeForm = await admin.GetAsync($"/admin/offices/{officeId}/edit");
        var office = await admin.SubmitAsync(officeForm, "[data-testid=office-form]",
            new Dictionary<string, string> { ["AddressKk"] = new string('а', 501), ["Phone"] = new string('7', 51) });
        Assert.Equal(HttpStatusCode.BadRequest, office.Status);
        Assert.Equal(2, office.Errors.Count(e => e.Contains("таңбадан аспауы керек")));

        var userId = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk2").Select(u => u.Id).SingleAsync());
        var userForm = await admin.GetAsync($"/admin/users/{userId}");
        var user = await admin.SubmitAsync(userForm, "[data-testid=user-form]", new Dictionary<string, string> { ["PositionKk"] = new string('қ', 301) });
        Assert.Equal(HttpStatusCode.BadRequest, user.Status);
        Assert.Contains(user.Errors, e => e.EndsWith("300 таңбадан аспауы керек."));

        var desk = new OfficeDesk(App);
        var caseId = (await desk.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        var receipt = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == caseId));
        var head = await desk.AsAsync("head");
        var version = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
        var revoke = await head.PostAsync($"/documents/{receipt.Id}/revoke",
            new Dictionary<string, string> { ["Version"] = version.ToString(), ["Reason"] = new string('ж', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, revoke.Status);
        Assert.Null((await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.Id == receipt.Id))).RevokedAt);
    }

    [Fact]
    public async Task A_nul_byte_or_an_escape_in_a_search_a_filter_or_a_form_is_refused()
    {
        var office = new OfficeDesk(App);
        var head = await office.AsAsync("head");
        var search = await head.GetAsync("/cases?q=" + Uri.EscapeDataString("Сер\0ікова"));
        Assert.Equal(HttpStatusCode.BadRequest, search.Status);
        Assert.Contains("рұқсат етілмеген басқару таңбалары", search.Text("[data-testid=errors]"));

        var supervisor = NewClient();
        await supervisor.SignInAsync("supervisor");
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/audit?user=" + Uri.EscapeDataString("a\0b"))).Status);

        var iin = OfficeDesk.NewIin(new DateOnly(1980, 4, 4), Domain.Persons.Sex.Male);
        var refused = await office.RegisterAsync(ServiceCode.GuardianshipCertificate, applicantIin: iin,
            overrides: new Dictionary<string, string> { ["Applicant.LastName"] = "Сер\u001bіков" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("«Тегі» өрісінде рұқсат етілмеген басқару таңбалары бар: мәтінді қайта теріңіз.", refused.Errors);
        Assert.False(await App.WithDbAsync(db => db.Persons.AnyAsync(p => p.Iin == iin)));
    }

    [Fact]
    public async Task A_scan_with_a_very_long_name_is_kept_under_a_shortened_name()
    {
        var office = new OfficeDesk(App);
        var clerk = await office.AsAsync("clerk");
        var form = await clerk.GetAsync($"/cases/new?service={ServiceCode.GuardianshipCertificate}");
        var scan = form.Document.QuerySelector("input[type=file]")!.GetAttribute("name")!;
        var iin = OfficeDesk.NewIin(new DateOnly(1981, 5, 5), Domain.Persons.Sex.Female);
        var page = await clerk.SubmitAsync(form, "form#registration", new Dictionary<string, string>
        {
            ["Applicant.Iin"] = iin, ["Applicant.LastName"] = "Серікова", ["Applicant.FirstName"] = "Айжан", ["Applicant.Address"] = "Қарағанды",
            ["Children[0].Iin"] = OfficeDesk.NewIin(new DateOnly(2015, 5, 5), Domain.Persons.Sex.Male), ["Children[0].LastName"] = "Ахметов", ["Children[0].FirstName"] = "Нұр",
        }, files: [new FileUpload(scan, new string('s', 300) + ".pdf", "application/pdf", OfficeDesk.Pdf)]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var stored = await App.WithDbAsync(db => db.Attachments.SingleAsync(a => a.CaseId == page.CaseId));
        Assert.Equal(255, stored.FileName.Length);
        Assert.EndsWith("ssss.pdf", stored.FileName);
    }
}


public sealed class InputLimitTestsSqlite(SqlitePortal f) : InputLimitTests(f), IClassFixture<SqlitePortal>;
public sealed class InputLimitTestsPostgres(PostgresPortal f) : InputLimitTests(f), IClassFixture<PostgresPortal>;
