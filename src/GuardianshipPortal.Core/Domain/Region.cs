namespace GuardianshipPortal.Domain;

/// <summary>A region (облыс / область); one deployment serves the offices of a region.</summary>
public class Region
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public List<Office> Offices { get; set; } = [];

    public string Name(string language) => Language.Pick(language, NameKk, NameRu);
}
