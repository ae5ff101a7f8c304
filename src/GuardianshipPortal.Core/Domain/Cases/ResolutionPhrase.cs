namespace GuardianshipPortal.Domain.Cases;

/// <summary>
/// One of an office's standard phrases the head picks from when writing a resolution ("Рассмотреть и подготовить
/// решение…"). Kept per office, edited by its head or an administrator; an office without any is offered the portal's
/// default set in the user's language.
/// </summary>
public class ResolutionPhrase
{
    public const int TextLength = 500;
    /// <summary>How many phrases an office keeps (the resolution form shows them all).</summary>
    public const int MaxCount = 20;

    public Guid Id { get; set; }
    public Guid OfficeId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}
