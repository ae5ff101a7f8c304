using GuardianshipPortal.Domain.Calendar;

namespace GuardianshipPortal.Domain.Cases;

/// <summary>Why a Public Service Center's documents go back to it (seed 003 table 2, act 7), worded "CenterReturnReason_{name}".</summary>
public enum CenterReturnReason
{
    /// <summary>A document of the checklist is missing.</summary>
    IncompleteDocuments = 1,
    /// <summary>A document is expired, unsigned or not the one required.</summary>
    InvalidDocuments = 2,
    /// <summary>The application's data differ from the documents'.</summary>
    DataMismatch = 3,
    /// <summary>A scan cannot be read.</summary>
    Illegible = 4,
    /// <summary>The service or the place of residence belongs to another office.</summary>
    WrongAuthority = 5,
}

/// <summary>
/// Documents received from a Public Service Center with errors, returned to it with the reasons within three working days
/// of their arrival (seed 003 table 2, act 7). The case closes as returned; the Center and the applicant are told.
/// </summary>
public class CenterReturn
{
    public const int TextLength = 1000;
    /// <summary>The working days the office has to find errors and return the documents.</summary>
    public const int WorkingDays = 3;

    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid ById { get; set; }
    /// <summary>The reasons from the catalogue, by name, comma-separated.</summary>
    public required string Reasons { get; set; }
    public required string Text { get; set; }

    public IReadOnlyList<CenterReturnReason> ReasonList =>
        [.. Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.TryParse<CenterReturnReason>(r, out var v) ? v : (CenterReturnReason?)null)
            .Where(r => r is not null).Select(r => r!.Value)];

    /// <summary>Until when a request of a Center that arrived at <paramref name="arrivedAt"/> may be returned to it.</summary>
    public static DateTimeOffset Deadline(DateTimeOffset arrivedAt, WorkingTime time) => Duration.WorkingDays(WorkingDays).DueFrom(arrivedAt, time);
}

/// <summary>
/// A representative who applied for the applicant with a notarised power of attorney (seed 003 p7): an electronic request
/// may be signed by the representative instead of the applicant.
/// </summary>
public class CaseRepresentative
{
    public const int NumberLength = 50;
    public const int NotaryLength = 300;

    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public Persons.Person? Person { get; set; }
    public required string PowerOfAttorneyNumber { get; set; }
    public DateOnly PowerOfAttorneyDate { get; set; }
    public required string Notary { get; set; }
}
