using GuardianshipPortal.Domain;

namespace GuardianshipPortal.UnitTests;

public class OfficeTests
{
    [Fact]
    public void The_office_without_its_emblem_copies_every_other_value()
    {
        var office = new Office
        {
            Id = Guid.NewGuid(), RegionId = Guid.NewGuid(), Code = "KRG-07", NameKk = "Аудандық білім бөлімі", NameRu = "Районный отдел образования",
            FullNameKk = "Толық атауы", FullNameRu = "Полное название", AddressKk = "Мекенжай", AddressRu = "Адрес", Phone = "+7 7212 40-00-07",
            Email = "office@example.kz", Emblem = [1, 2, 3], EmblemContentType = "image/png", OutgoingNumberFormat = "{seq}/{year}",
            TimeZoneId = "Asia/Aqtobe", IsActive = false, OpensAt = new(8, 30), ClosesAt = new(17, 30), LunchFrom = new(12, 30), LunchTo = new(13, 30),
            ReceptionFrom = new(9, 15), ReceptionTo = new(16, 45), NotifyBySms = false, NotifyByEmail = false, Bin = "123456789012", DigitalSignature = true,
        };

        var copy = Office.WithoutEmblem.Compile()(office);

        Assert.Null(copy.Emblem);
        // Every other settable value, so that a property added to the office later is never silently left out of lists.
        foreach (var property in typeof(Office).GetProperties().Where(p => p.CanWrite && p.Name is not (nameof(Office.Emblem) or nameof(Office.Region))))
            Assert.True(Equals(property.GetValue(office), property.GetValue(copy)), property.Name);
        // ... each set to something other than a new office's default, so that one left out would show.
        var fresh = new Office { Code = "", NameKk = "", NameRu = "" };
        Assert.All(typeof(Office).GetProperties().Where(p => p.CanWrite && p.Name is not (nameof(Office.Emblem) or nameof(Office.Region))),
            p => Assert.False(Equals(p.GetValue(fresh), p.GetValue(office)), p.Name));
    }
}
