namespace GuardianshipPortal.Domain.Cases;

/// <summary>
/// A scan attached to a registration form that has not been accepted yet: kept between attempts so that a validation
/// error does not drop it. It belongs to the clerk who uploaded it and to the form (its submission id); abandoned ones
/// are deleted after <see cref="Lifetime"/>.
/// </summary>
public class StagedUpload
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid DocumentTypeId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
