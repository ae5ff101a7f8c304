using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Data.Seeding;

public sealed record DemoAccount(string UserName, string Role, string OfficeCode);

/// <summary>
/// Seeds a demo region with two offices and one user per role in each (second office: suffix "2").
/// Only for an empty database outside Production: the caller decides, this class only refuses
/// to run when any user exists.
/// </summary>
public class DemoSeeder(PortalDbContext db, UserManager<PortalUser> users)
{
    public const string DemoPassword = "Demo-Portal-2026";

    private static readonly (string Role, string Kk, string Ru, string[] Names)[] People =
    [
        (Roles.Clerk, "Кеңсе қызметкері", "Сотрудник канцелярии", ["Айгүл Нұрланқызы Серікова", "Динара Маратқызы Ахметова"]),
        (Roles.Head, "Бөлім басшысы", "Руководитель отдела", ["Ерлан Болатұлы Жақсыбеков", "Гүлнар Қайратқызы Омарова"]),
        (Roles.Specialist, "Жауапты маман", "Ответственный исполнитель", ["Асель Ержанқызы Төлеуова", "Нұржан Асқарұлы Бекмұханов"]),
        (Roles.Commission, "Комиссия мүшесі", "Член комиссии", ["Сәуле Тимурқызы Ибраева", "Бауыржан Серікұлы Қасымов"]),
        (Roles.Admin, "Жүйе әкімшісі", "Администратор системы", ["Тимур Ғаниұлы Әлиев", "Жанар Мұратқызы Сәтбаева"]),
        (Roles.Supervisor, "Өңірлік куратор", "Региональный куратор", ["Мақсат Бекұлы Есенов", "Әсем Нұрболқызы Дәулетова"]),
    ];

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return [];

        var region = new Region
        {
            Id = Guid.NewGuid(), Code = "KRG",
            NameKk = "Қарағанды облысы", NameRu = "Карагандинская область",
        };
        var offices = new[]
        {
            new Office
            {
                Id = Guid.NewGuid(), RegionId = region.Id, Code = "KRG-01",
                NameKk = "Қарағанды қаласының білім бөлімі", NameRu = "Отдел образования города Караганды",
                AddressKk = "Қарағанды қ., Бұқар жырау даңғылы, 47", AddressRu = "г. Караганда, проспект Бухар жырау, 47",
                Phone = "+7 7212 41-00-00",
                FullNameKk = "Қарағанды қаласы әкімдігінің «Қарағанды қаласының білім бөлімі» мемлекеттік мекемесі",
                FullNameRu = "ГУ «Отдел образования города Караганды» акимата города Караганды",
                Bin = "990440001234", Email = "opeka@krg-edu.kz", OutgoingNumberFormat = "01-15/{n}",
            },
            new Office
            {
                Id = Guid.NewGuid(), RegionId = region.Id, Code = "KRG-02",
                NameKk = "Теміртау қаласының білім бөлімі", NameRu = "Отдел образования города Темиртау",
                AddressKk = "Теміртау қ., Республика даңғылы, 12", AddressRu = "г. Темиртау, проспект Республики, 12",
                Phone = "+7 7213 90-00-00",
                FullNameKk = "Теміртау қаласы әкімдігінің «Теміртау қаласының білім бөлімі» мемлекеттік мекемесі",
                FullNameRu = "ГУ «Отдел образования города Темиртау» акимата города Темиртау",
                Bin = "990440004566", Email = "opeka@temirtau-edu.kz", OutgoingNumberFormat = "02-15/{n}",
            },
        };
        db.Regions.Add(region);
        db.Offices.AddRange(offices);
        // The demo region works under Karaganda's own regulation (seed 000), as a Karaganda office would.
        db.Regulations.AddRange(RegulationPresets.Regulations(RegulationPresets.Find("KRG")!, region.Id, new DateOnly(2020, 1, 1)));
        await db.SaveChangesAsync(ct);

        var created = new List<DemoAccount>();
        for (var i = 0; i < offices.Length; i++)
        {
            var suffix = i == 0 ? "" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (role, kk, ru, names) in People)
            {
                var user = new PortalUser
                {
                    UserName = role.ToLowerInvariant() + suffix,
                    Email = role.ToLowerInvariant() + suffix + "@demo.example",
                    EmailConfirmed = true,
                    FullName = names[i],
                    PositionKk = kk,
                    PositionRu = ru,
                    RegionId = region.Id,
                    // Admins and supervisors span the whole region, so they belong to no office.
                    OfficeId = Roles.IsOfficeBound(role) ? offices[i].Id : null,
                };
                var result = await users.CreateAsync(user, DemoPassword);
                if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Could not create demo user {user.UserName}: {RoleSeeder.Describe(result)}");
                created.Add(new DemoAccount(user.UserName, role, Roles.IsOfficeBound(role) ? offices[i].Code : region.Code));
            }
        }
        return created;
    }
}
