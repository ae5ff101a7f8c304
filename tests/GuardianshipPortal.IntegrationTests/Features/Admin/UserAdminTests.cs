using System.Net;
using System.Text.RegularExpressions;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Admin;

public abstract partial class UserAdminTests(PortalFixture fixture) : PortalTest(fixture)
{
    [GeneratedRegex(@"(?:құпиясөз|пароль): ([A-Za-z0-9]{12})")]
    private static partial Regex TemporaryPassword();

    [Fact]
    public async Task The_admin_creates_a_clerk_who_signs_in_then_deactivates_and_resets_the_account()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/users/new");
        form.Select("#Role", "Кеңсе қызметкері").Select("#OfficeId", "Теміртау");

        var created = await admin.SubmitAsync(form, "[data-testid=user-form]", new Dictionary<string, string>
        {
            ["UserName"] = "clerk.temirtau", ["FullName"] = "Меруерт Асқарқызы Жұмабекова", ["PositionKk"] = "Кеңсе қызметкері", ["PositionRu"] = "Сотрудник канцелярии",
        });
        var temporary = TemporaryPassword().Match(created.Text("[data-testid=flash]")).Groups[1].Value;
        var clerk = NewClient();
        var first = await clerk.SignInAsync("clerk.temirtau", temporary);
        // A temporary password leads straight to choosing one's own, whatever page is asked for.
        Assert.EndsWith("/account/password", first.Location!.ToString());
        Assert.EndsWith("/account/password", (await clerk.GetAsync("/cases/new", followRedirects: false)).Location!.ToString());
        await clerk.SubmitAsync(first, "form[action='/account/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = temporary, ["NewPassword"] = "Temirtau-Clerk-2026", ["ConfirmPassword"] = "Temirtau-Clerk-2026",
        });
        var password = "Temirtau-Clerk-2026";
        var home = await clerk.GetAsync("/");

        Assert.Equal("Теміртау қаласының білім бөлімі", home.Text("[data-testid=office]"));
        Assert.Equal("Кеңсе: тіркеу және беру", home.Text("[data-testid=home-title]"));

        var list = await admin.GetAsync("/admin/users");
        var deactivated = await admin.SubmitAsync(list, "[data-testid=users] tr[data-user='clerk.temirtau'] form[action$='/active']");
        Assert.Equal("өшірілген", deactivated.Text("[data-testid=users] tr[data-user='clerk.temirtau'] [data-testid=status]"));
        Assert.Equal(HttpStatusCode.BadRequest, (await NewClient().SignInAsync("clerk.temirtau", password)).Status);

        var reactivated = await admin.SubmitAsync(deactivated, "[data-testid=users] tr[data-user='clerk.temirtau'] form[action$='/active']");
        var reset = await admin.SubmitAsync(reactivated, "[data-testid=users] tr[data-user='clerk.temirtau'] form[action$='/password']");
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk.temirtau").Select(u => u.MustChangePassword).SingleAsync()));
        var newPassword = TemporaryPassword().Match(reset.Text("[data-testid=flash]")).Groups[1].Value;
        Assert.NotEqual(password, newPassword);
        Assert.Equal(HttpStatusCode.BadRequest, (await NewClient().SignInAsync("clerk.temirtau", password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await NewClient().SignInAsync("clerk.temirtau", newPassword)).Status);
        var actions = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Detail == "clerk.temirtau").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["CreateUser", "DeactivateUser", "ActivateUser", "ResetPassword"], actions);
    }

    [Fact]
    public async Task An_office_role_without_an_office_or_a_taken_name_is_refused()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/users/new");
        form.Select("#Role", "Жауапты маман");

        var noOffice = await admin.SubmitAsync(form, "[data-testid=user-form]", new Dictionary<string, string> { ["UserName"] = "new.specialist", ["FullName"] = "Жаңа маман" });
        var taken = await admin.SubmitAsync(form, "[data-testid=user-form]", new Dictionary<string, string>
        {
            ["UserName"] = "clerk", ["FullName"] = "Басқа", ["Role"] = "Supervisor",
        });

        Assert.Equal(HttpStatusCode.BadRequest, noOffice.Status);
        Assert.Contains("Бұл рөл үшін облыстың бөлімін таңдаңыз.", noOffice.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Contains("«clerk» пайдаланушы аты бос емес.", taken.Errors);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "new.specialist")));
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_demote_or_deactivate_themself()
    {
        await using var app = new PortalApp(Fixture.Provider);
        var admin = new PortalClient(app);
        await admin.SignInAsync("admin");
        // The demo region has one administrator per office set-up; keep only this one active.
        await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin2").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        var me = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());

        var form = await admin.GetAsync($"/admin/users/{me}");
        var demoted = await admin.SubmitAsync(form, "[data-testid=user-form]", new Dictionary<string, string> { ["Role"] = "Supervisor" });
        var deactivated = await admin.PostAsync($"/admin/users/{me}/active", new Dictionary<string, string> { ["active"] = "false" });

        Assert.Equal(HttpStatusCode.Conflict, demoted.Status);
        Assert.Contains("Бұл өңірдің жалғыз белсенді әкімшісі: алдымен басқа әкімшіні тағайындаңыз.", demoted.Errors);
        Assert.Equal(HttpStatusCode.Conflict, deactivated.Status);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == me));
        Assert.True(user.IsActive);
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == me && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Admin"))));
    }

    [Fact]
    public async Task Two_admins_switching_one_user_at_once_never_get_a_500()
    {
        var first = NewClient();
        await first.SignInAsync("admin");
        var second = NewClient();
        await second.SignInAsync("admin2");
        var target = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "commission2").Select(u => u.Id).SingleAsync());

        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(
                first.PostAsync($"/admin/users/{target}/active", new Dictionary<string, string> { ["active"] = "false" }),
                second.PostAsync($"/admin/users/{target}/active", new Dictionary<string, string> { ["active"] = "true" }));
            Assert.All(answers, a => Assert.True((int)a.Status < 500, a.Status.ToString()));
        }
    }

    [Fact]
    public async Task User_administration_is_for_the_admin_only()
    {
        foreach (var user in new[] { "clerk", "head", "supervisor" })
        {
            var client = NewClient();
            await client.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/users")).Status);
        }
    }
}

public sealed class UserAdminTestsSqlite(SqlitePortal f) : UserAdminTests(f), IClassFixture<SqlitePortal>;
public sealed class UserAdminTestsPostgres(PostgresPortal f) : UserAdminTests(f), IClassFixture<PostgresPortal>;
