namespace GuardianshipPortal.Domain;

/// <summary>
/// What the audit records besides the case history: reads of personal data, prints, exports and changes of settings.
/// Stored by name, shown translated ("AuditAction_{name}").
/// </summary>
public enum AuditAction
{
    ViewCase = 1,
    Search = 2,
    DownloadAttachment = 3,
    PersonLookup = 4,
    PrintDocument = 5,
    PublicDownload = 6,
    RevokeDocument = 7,
    ExportJournal = 8,
    ExportAudit = 9,
    CreateUser = 10,
    EditUser = 11,
    ActivateUser = 12,
    DeactivateUser = 13,
    ResetPassword = 14,
    EditOffice = 15,
    EditCatalogue = 16,
    EditRegulation = 17,
    EditCalendar = 18,
    EditMrp = 19,
    EditSetting = 20,
    EditTemplate = 21,
    EditTrust = 22,
    /// <summary>A known person's name, address or phone changed at a registration (before and after recorded).</summary>
    EditPerson = 23,
    /// <summary>The administrator sent a given-up message again.</summary>
    RetryDelivery = 24,
    /// <summary>A user set up two-factor sign-in.</summary>
    EnableTwoFactor = 25,
    /// <summary>The administrator removed a user's second factor (a lost phone): set up again at the next sign-in.</summary>
    ResetTwoFactor = 26,
    /// <summary>A partner registered, its key rotated, or it was revoked.</summary>
    EditPartner = 27,
    /// <summary>A partner's call to the API (who, what).</summary>
    PartnerCall = 28,
}
