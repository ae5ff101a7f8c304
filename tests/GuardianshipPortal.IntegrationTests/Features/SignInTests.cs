using System.Net;
using GuardianshipPortal.Domain;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features;

public abstract class SignInTests(PortalFixture fixture) : PortalTest(fixture)
{
    public static TheoryData<string, string, string, string, string> Homes => new()
    {
        // user, language, home title, role label, office (or region) shown in the header
        { "clerk", "kk", "Кеңсе: тіркеу және беру", "Кеңсе қызметкері", "Қарағанды қаласының білім бөлімі" },
        { "clerk", "ru", "Канцелярия: регистрация и выдача", "Сотрудник канцелярии", "Отдел образования города Караганды" },
        { "head", "kk", "Бұрыштама және қол қою", "Бөлім басшысы", "Қарағанды қаласының білім бөлімі" },
        { "head", "ru", "Резолюция и подписание", "Руководитель отдела", "Отдел образования города Караганды" },
        { "specialist", "kk", "Менің жобаларым", "Жауапты маман", "Қарағанды қаласының білім бөлімі" },
        { "specialist", "ru", "Мои проекты", "Ответственный исполнитель", "Отдел образования города Караганды" },
        { "commission", "kk", "Комиссия пікірін күтетін өтініштер", "Комиссия мүшесі", "Қарағанды қаласының білім бөлімі" },
        { "commission", "ru", "Заявления, ожидающие мнения комиссии", "Член комиссии", "Отдел образования города Караганды" },
        { "admin", "kk", "Әкімшілендіру", "Әкімші", "Қарағанды облысы" },
        { "admin", "ru", "Администрирование", "Администратор", "Карагандинская область" },
        { "supervisor", "kk", "Облыс бойынша шолу", "Өңірлік куратор", "Қарағанды облысы" },
        { "supervisor", "ru", "Обзор по области", "Региональный куратор", "Карагандинская область" },
        { "clerk2", "kk", "Кеңсе: тіркеу және беру", "Кеңсе қызметкері", "Теміртау қаласының білім бөлімі" },
        { "head2", "ru", "Резолюция и подписание", "Руководитель отдела", "Отдел образования города Темиртау" },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task Each_demo_user_signs_in_and_sees_the_home_page_of_its_role(
        string user, string language, string title, string role, string office)
    {
        var client = NewClient();
        var login = await client.GetAsync("/account/login");
        await client.SwitchLanguageAsync(login, language);

        var home = await client.SignInAsync(user);

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(title, home.Text("[data-testid=home-title]"));
        Assert.Equal(role, home.Text("[data-testid=role]"));
        Assert.Equal(office, home.Text("[data-testid=office]"));
        Assert.Equal(language, home.Document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/password")]
    [InlineData("/no/such/page")]
    public async Task An_anonymous_request_is_sent_to_the_sign_in_page(string url)
    {
        var page = await NewClient().GetAsync(url, followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/account/login", page.Location!.AbsolutePath);
        Assert.Equal("?ReturnUrl=" + Uri.EscapeDataString(url), page.Location.Query);
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_first_asked_for()
    {
        var client = NewClient();
        var login = await client.GetAsync("/account/password");
        var after = await client.SubmitAsync(login, "form[action='/account/login']",
            new Dictionary<string, string> { ["UserName"] = "specialist", ["Password"] = Data.Seeding.DemoSeeder.DemoPassword });

        Assert.Equal("Құпиясөзді өзгерту", after.Text("h1"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_the_chosen_language()
    {
        var client = NewClient();
        var login = await client.GetAsync("/account/login");
        var russian = await client.SwitchLanguageAsync(login, "ru");

        var refused = await client.SubmitAsync(russian, "form[action='/account/login']",
            new Dictionary<string, string> { ["UserName"] = "clerk", ["Password"] = "not-the-password" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Неверное имя пользователя или пароль. После 5 неудачных попыток учётная запись блокируется на 15 минут.", refused.ValidationSummary);
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error()
    {
        var client = NewClient();
        var login = await client.GetAsync("/account/login");

        var refused = await client.SubmitAsync(login, "form[action='/account/login']",
            new Dictionary<string, string> { ["UserName"] = "", ["Password"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["«Пайдаланушы аты» өрісін толтырыңыз.", "«Құпиясөз» өрісін толтырыңыз."],
            refused.Texts(".validation-summary-errors li"));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        var client = NewClient();
        for (var i = 0; i < 5; i++) await client.SignInAsync("commission2", "wrong-password-" + i);

        var refused = await client.SignInAsync("commission2");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(WrongCredentials, refused.ValidationSummary); // the same words as for a name that does not exist
        var lockoutEnd = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "commission2").Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin2")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        var refused = await NewClient().SignInAsync("admin2");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(WrongCredentials, refused.ValidationSummary);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = NewClient();
        var home = await client.SignInAsync("head");

        var after = await client.SubmitAsync(home, "form[action='/account/logout']");
        var again = await client.GetAsync("/", followRedirects: false);

        Assert.Equal("Жүйеге кіру", after.Text("h1"));
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
    }

    [Theory]
    [InlineData("Password2026", "Бұл құпиясөз тым кең таралған, оны бірінші болып тексереді. Басқа құпиясөз ойлап табыңыз.")]
    [InlineData("Qwerty123456", "Бұл құпиясөз тым кең таралған, оны бірінші болып тексереді. Басқа құпиясөз ойлап табыңыз.")]
    [InlineData("Iloveyou2026!", "Бұл құпиясөз тым кең таралған, оны бірінші болып тексереді. Басқа құпиясөз ойлап табыңыз.")]
    [InlineData("My-Specialist-Pass1", "Құпиясөзде пайдаланушы аты болмауы тиіс.")]
    public async Task A_common_password_or_one_containing_the_user_name_is_refused(string password, string message)
    {
        var client = NewClient();
        await client.SignInAsync("specialist");
        var form = await client.GetAsync("/account/password");

        var refused = await client.SubmitAsync(form, "form[action='/account/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Data.Seeding.DemoSeeder.DemoPassword, ["NewPassword"] = password, ["ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(message, refused.Texts(".validation-summary-errors li"));
        Assert.Equal(HttpStatusCode.OK, (await NewClient().SignInAsync("specialist")).Status);
    }

    [Fact]
    public async Task A_user_changes_the_password_and_signs_in_with_the_new_one()
    {
        const string newPassword = "Kokshetau2026new";
        var client = NewClient();
        await client.SignInAsync("specialist2");
        var form = await client.GetAsync("/account/password");

        var mismatch = await client.SubmitAsync(form, "form[action='/account/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Data.Seeding.DemoSeeder.DemoPassword, ["NewPassword"] = newPassword, ["ConfirmPassword"] = "other",
        });
        var tooWeak = await client.SubmitAsync(form, "form[action='/account/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Data.Seeding.DemoSeeder.DemoPassword, ["NewPassword"] = "short", ["ConfirmPassword"] = "short",
        });
        var changed = await client.SubmitAsync(form, "form[action='/account/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Data.Seeding.DemoSeeder.DemoPassword, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Equal("Құпиясөздер сәйкес келмейді.", mismatch.ValidationSummary);
        Assert.Equal(HttpStatusCode.BadRequest, tooWeak.Status);
        Assert.Contains("Құпиясөз кемінде 10 таңбадан тұруы тиіс.", tooWeak.Texts(".validation-summary-errors li"));
        Assert.Equal("Құпиясөз өзгертілді.", changed.Text("[data-testid=flash]"));
        var oldRefused = await NewClient().SignInAsync("specialist2");
        Assert.Equal(HttpStatusCode.BadRequest, oldRefused.Status);
        var home = await NewClient().SignInAsync("specialist2", newPassword);
        Assert.Equal("Менің жобаларым", home.Text("[data-testid=home-title]"));
    }

    [Fact]
    public async Task The_language_choice_persists_across_pages_and_sign_in()
    {
        var client = NewClient();
        var login = await client.GetAsync("/account/login");
        var russian = await client.SwitchLanguageAsync(login, "ru");
        Assert.Equal("Вход в систему", russian.Text("h1"));

        var home = await client.SignInAsync("clerk");
        var kazakh = await client.SwitchLanguageAsync(home, "kk");

        Assert.Equal("Канцелярия: регистрация и выдача", home.Text("[data-testid=home-title]"));
        Assert.Equal("Кеңсе: тіркеу және беру", kazakh.Text("[data-testid=home-title]"));
    }

    [Fact]
    public async Task Request_logs_carry_the_user_id_but_no_names()
    {
        var client = NewClient();
        await client.SignInAsync("supervisor");
        await client.GetAsync("/");
        var id = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync());

        var log = await ReadLogAsync();

        Assert.Contains($"\"UserId\":\"{id}\"", log);
        Assert.Contains("\"Path\":\"/\"", log);
        Assert.DoesNotContain("Мақсат", log);
        Assert.DoesNotContain("Есенов", log);
    }

    [Fact]
    public async Task No_iin_name_or_verification_code_reaches_the_log_after_a_whole_case()
    {
        var office = new OfficeDesk(App);
        var iin = OfficeDesk.NewIin(new DateOnly(1984, 2, 2), Domain.Persons.Sex.Female);
        var id = (await office.RegisterAsync(Domain.Services.ServiceCode.GuardianshipCertificate, applicantIin: iin,
            overrides: new Dictionary<string, string> { ["Applicant.LastName"] = "Жұмабекова", ["Applicant.FirstName"] = "Меруерт" })).CaseId;
        await office.ResolveAsync(id);
        await office.DraftAsync(id, Domain.Services.ServiceCode.GuardianshipCertificate);
        await office.SignAsync(id);
        await office.IssueAsync(id);
        var head = await office.AsAsync("head");
        await head.GetAsync("/cases?q=" + iin);
        var code = await App.WithDbAsync(db => db.IssuedDocuments.Where(d => d.CaseId == id).Select(d => d.VerificationCode).FirstAsync());
        var anonymous = NewClient();
        await anonymous.GetAsync($"/verify/{code}");
        await anonymous.Http.GetAsync($"/verify/{code}/document", TestContext.Current.CancellationToken);

        var log = await ReadLogAsync();

        Assert.Contains("/verify/****", log);
        Assert.DoesNotContain(code, log);
        Assert.DoesNotContain(code.Replace("-", ""), log);
        Assert.DoesNotContain(iin, log);
        Assert.DoesNotContain("Жұмабекова", log);
        Assert.DoesNotContain("Меруерт", log);
    }

    private async Task<string> ReadLogAsync()
    {
        var text = "";
        foreach (var file in Directory.GetFiles(App.LogDirectory))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            text += await new StreamReader(stream).ReadToEndAsync();
        }
        return text;
    }

    private const string WrongCredentials = "Пайдаланушы аты немесе құпиясөз қате. 5 қате әрекеттен кейін тіркелгі 15 минутқа бұғатталады.";

    private static async Task<HttpStatusCode> ReplayAsync(PortalApp app, string cookie)
    {
        var stranger = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var response = await stranger.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login")
            ? HttpStatusCode.Unauthorized : response.StatusCode;
    }

    private string AuthCookie(PortalClient client) => "gp.auth=" + client.Cookie("gp.auth");

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused_at_once()
    {
        var client = NewClient();
        var home = await client.SignInAsync("specialist");
        var cookie = AuthCookie(client);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(App, cookie));

        await client.SubmitAsync(home, "form[action='/account/logout']");

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(App, cookie));
    }

    [Fact]
    public async Task A_deactivated_user_is_signed_out_at_the_next_request()
    {
        await App.AddUserAsync("clerk.replay", Domain.Roles.Clerk, "KRG-01", "Гүлнар Серікқызы Байжанова");
        var user = NewClient();
        await user.SignInAsync("clerk.replay");
        var cookie = AuthCookie(user);
        var id = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk.replay").Select(u => u.Id).SingleAsync());
        var admin = NewClient();
        await admin.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(App, cookie));

        await admin.PostAsync($"/admin/users/{id}/active", new Dictionary<string, string> { ["active"] = "false" });

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(App, cookie));
    }
}

public sealed class SignInTestsSqlite(SqlitePortal f) : SignInTests(f), IClassFixture<SqlitePortal>;
public sealed class SignInTestsPostgres(PostgresPortal f) : SignInTests(f), IClassFixture<PostgresPortal>;
