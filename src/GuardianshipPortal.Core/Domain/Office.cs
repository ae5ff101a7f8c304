using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Documents;

namespace GuardianshipPortal.Domain;

/// <summary>A district (or city) guardianship office: the education department of a local executive body.</summary>
public class Office
{
    public const string DefaultTimeZone = "Asia/Almaty";

    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Region? Region { get; set; }
    /// <summary>Short code used in registration numbers, e.g. "AKT-01".</summary>
    public required string Code { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    /// <summary>The state institution's full name as its letterhead states it (the short name when empty).</summary>
    public string FullNameKk { get; set; } = "";
    public string FullNameRu { get; set; } = "";
    public string AddressKk { get; set; } = "";
    public string AddressRu { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>The emblem the administrator uploaded (PNG or JPEG, checked by content), printed at the top of documents.</summary>
    public byte[]? Emblem { get; set; }
    public string EmblemContentType { get; set; } = "";
    /// <summary>How the office's outgoing numbers read: {n} is the year's sequence, {year} the year (<see cref="OutgoingNumbers"/>).</summary>
    public string OutgoingNumberFormat { get; set; } = OutgoingNumbers.DefaultFormat;
    /// <summary>IANA time zone in which the office works; times are stored in UTC and shown in this zone.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public bool IsActive { get; set; } = true;

    // Working time (SPEC §8): deadlines in minutes and hours count only these hours; terms in days end at closing.
    public TimeOnly OpensAt { get; set; } = OfficeHours.Standard.Opens;
    public TimeOnly ClosesAt { get; set; } = OfficeHours.Standard.Closes;
    public TimeOnly LunchFrom { get; set; } = OfficeHours.Standard.LunchFrom;
    public TimeOnly LunchTo { get; set; } = OfficeHours.Standard.LunchTo;
    /// <summary>Hours when applicants are received at the counter (printed on notices); within the working day.</summary>
    public TimeOnly ReceptionFrom { get; set; } = OfficeHours.Standard.Opens;
    public TimeOnly ReceptionTo { get; set; } = new(17, 30);
    /// <summary>The channels this office tells applicants by (each needs the applicant's consent and contact).</summary>
    public bool NotifyBySms { get; set; } = true;
    public bool NotifyByEmail { get; set; } = true;
    /// <summary>The office's BIN: a head's certificate of an employee of a legal entity must carry it (OU "BIN…").</summary>
    public string Bin { get; set; } = "";
    /// <summary>
    /// Results are signed with the head's digital signature through NCALayer; the results of electronic requests then must be.
    /// Off: the head's button records the signature on paper, signed and sealed by hand.
    /// </summary>
    public bool DigitalSignature { get; set; }

    /// <summary>
    /// The office without its emblem (an image of up to 512 KB that only documents print): what queues, search, the case
    /// page and the menus read, so no list carries the blob once per row. OfficeTests checks it copies every other column.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Office, Office>> WithoutEmblem = o => new Office
    {
        Id = o.Id, RegionId = o.RegionId, Code = o.Code, NameKk = o.NameKk, NameRu = o.NameRu, FullNameKk = o.FullNameKk, FullNameRu = o.FullNameRu,
        AddressKk = o.AddressKk, AddressRu = o.AddressRu, Phone = o.Phone, Email = o.Email, EmblemContentType = o.EmblemContentType,
        OutgoingNumberFormat = o.OutgoingNumberFormat, TimeZoneId = o.TimeZoneId, IsActive = o.IsActive, OpensAt = o.OpensAt, ClosesAt = o.ClosesAt,
        LunchFrom = o.LunchFrom, LunchTo = o.LunchTo, ReceptionFrom = o.ReceptionFrom, ReceptionTo = o.ReceptionTo, NotifyBySms = o.NotifyBySms,
        NotifyByEmail = o.NotifyByEmail, Bin = o.Bin, DigitalSignature = o.DigitalSignature,
    };

    public string Name(string language) => Language.Pick(language, NameKk, NameRu);
    public string FullName(string language) => Language.Pick(language, FullNameKk, FullNameRu) is { Length: > 0 } full ? full : Name(language);
    public string Address(string language) => Language.Pick(language, AddressKk, AddressRu);

    /// <summary>The office's time zone; an unknown zone id falls back to the default rather than failing a request.</summary>
    public TimeZoneInfo Zone() => ZoneOf(TimeZoneId);

    /// <summary>The office's calendar date at a moment.</summary>
    public DateOnly LocalDate(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone()).DateTime);

    public OfficeHours Hours() => new(OpensAt, ClosesAt, LunchFrom, LunchTo);

    /// <summary>The office's working time over a calendar of working days: what deadlines are counted in.</summary>
    public WorkingTime WorkingTime(WorkingCalendar calendar) => new(calendar, Hours(), Zone());

    /// <summary>Today's date where the offices work (region-wide settings such as regulations take effect on local dates).</summary>
    public static DateOnly LocalToday(TimeProvider clock, string? timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ZoneOf(timeZoneId)).DateTime);

    public static TimeZoneInfo ZoneOf(string? timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId ?? DefaultTimeZone, out var zone) ? zone
        : TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out var fallback) ? fallback : TimeZoneInfo.Utc;
}
