using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GuardianshipPortal.Data;
using GuardianshipPortal.Data.Seeding;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Benchmarks;

/// <param name="Provider">With <paramref name="Connection"/>: the database the portal runs on, read once to pick real
/// numbers, IINs, names and cases of the office to ask for (nothing is read from it while timing).</param>
public sealed record LoadOptions(
    Uri Url, double DurationSeconds, IReadOnlyList<int> Concurrency, int? Pid, string Office, IReadOnlyList<string>? Pages,
    DatabaseProvider Provider = DatabaseProvider.Postgres, string? Connection = null);

public sealed record LoadResult(string Page, int Clients, int Requests, double Rps, double P50, double P95, double P99, int Errors, long PeakRssKb);

/// <summary>
/// Drives the portal's real pages over HTTP as its signed-in demo users (signed in as a browser does: the login form's
/// antiforgery token, then the cookie), each page for a while at each number of concurrent clients, and prints the
/// latency percentiles, throughput, errors and the portal process's peak memory. The head's queue is also given as a
/// share of a one-query endpoint's throughput measured in the same run (/health/ready: one connection, one query).
/// </summary>
public static partial class LoadBenchmark
{
    private sealed record Sample(Guid Id, string Number, string ApplicantIin, string ApplicantSurname, string Child);

    private sealed record PageSpec(string Name, string Role, Func<Random, HttpRequestMessage> Request, bool Post = false);

    public static async Task<int> RunAsync(LoadOptions options, TextWriter log)
    {
        var samples = options.Connection is null ? [] : await SampleAsync(options);
        if (samples.Count == 0) log.WriteLine("no --connection: search and case pages are skipped");
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(5) };
        var suffix = options.Office == "KRG-01" ? "" : int.Parse(options.Office[^2..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var cookies = new Dictionary<string, string>();
        foreach (var role in new[] { "clerk", "head", "specialist", "supervisor" })
            cookies[role] = await SignInAsync(http, role == "supervisor" ? role : role + suffix);

        var now = DateTime.UtcNow;
        var lastMonth = new DateOnly(now.Year, now.Month, 1).AddMonths(-1);
        var yearShown = now.Year - 1; // the last whole year
        static string Q(string s) => Uri.EscapeDataString(s);
        Sample Pick(Random r) => samples[r.Next(samples.Count)];
        var pages = new List<PageSpec>
        {
            new("one-query endpoint (/health/ready)", "", _ => new(HttpMethod.Get, "/health/ready")),
            new("head's queue", "head", _ => new(HttpMethod.Get, "/")),
            // A query the desk has never seen: the page made again each time, as after every change (no kept desk).
            new("head's queue, made anew", "head", r => new(HttpMethod.Get, "/?anew=" + r.Next())),
            new("specialist's queue", "specialist", _ => new(HttpMethod.Get, "/")),
            new("clerk's queue", "clerk", _ => new(HttpMethod.Get, "/")),
            new("supervisor's region queue", "supervisor", _ => new(HttpMethod.Get, "/")),
        };
        if (samples.Count > 0)
            pages.AddRange(
            [
                new("search by number", "clerk", r => new(HttpMethod.Get, "/cases?q=" + Q(Pick(r).Number))),
                new("search by IIN", "clerk", r => new(HttpMethod.Get, "/cases?q=" + Q(Pick(r).ApplicantIin))),
                new("search by surname", "clerk", r => new(HttpMethod.Get, "/cases?q=" + Q(Pick(r).ApplicantSurname))),
                new("search by child's name", "clerk", r => new(HttpMethod.Get, "/cases?q=" + Q(Pick(r).Child))),
                new("case page", "head", r => new(HttpMethod.Get, $"/cases/{Pick(r).Id}")),
            ]);
        pages.AddRange(
        [
            new("office dashboard", "head", _ => new(HttpMethod.Get, "/dashboard")),
            new("regional dashboard", "supervisor", _ => new(HttpMethod.Get, "/dashboard")),
            new("issue journal, one month", "clerk", _ => new(HttpMethod.Get,
                $"/journals/Issue?from={lastMonth:yyyy-MM-dd}&to={lastMonth.AddMonths(1).AddDays(-1):yyyy-MM-dd}")),
            new("registration journal, year (CSV)", "clerk", _ => new(HttpMethod.Get,
                $"/journals/Registration?from={yearShown}-01-01&to={yearShown}-12-31&format=csv")),
            new("registration POST", "clerk", _ => throw new InvalidOperationException(), Post: true),
        ]);
        if (options.Pages is { } only) pages = [.. pages.Where(p => only.Any(o => p.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))];

        log.WriteLine($"{options.Url} — {options.DurationSeconds:0} s per page and concurrency; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        log.WriteLine($"{"page",-36} {"clients",7} {"requests",8} {"rps",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",6} {"peak RSS MB",11}");
        var results = new List<LoadResult>();
        var failed = false;
        foreach (var page in pages)
        {
            foreach (var clients in options.Concurrency)
            {
                var result = await MeasureAsync(http, page, page.Role.Length == 0 ? null : cookies[page.Role], clients, options);
                results.Add(result);
                failed |= result.Errors > 0;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Page,-36} {result.Clients,7} {result.Requests,8} {result.Rps,8:0.0} {result.P50,8:0.0} {result.P95,8:0.0} {result.P99,8:0.0} {result.Errors,6} {(result.PeakRssKb > 0 ? (result.PeakRssKb / 1024.0).ToString("0", CultureInfo.InvariantCulture) : "-"),11}"));
            }
        }
        foreach (var clients in options.Concurrency)
        {
            var queue = results.FirstOrDefault(r => r.Page == "head's queue" && r.Clients == clients);
            var one = results.FirstOrDefault(r => r.Page.StartsWith("one-query", StringComparison.Ordinal) && r.Clients == clients);
            if (queue is not null && one is not null && one.Rps > 0)
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"head's queue / one-query endpoint at {clients} clients: {queue.Rps / one.Rps:P0} (target >= 25 %)"));
        }
        long? peakMb = null;
        if (options.Pid is { } pid && Memory(pid) is var (_, hwm) && hwm > 0)
        {
            peakMb = hwm / 1024;
            log.WriteLine($"portal process {pid}: peak RSS over its life (VmHWM) {hwm / 1024.0:0} MB (target <= 400 MB)");
        }
        WriteTargets(results, options, peakMb, log);
        return failed ? 1 : 0;
    }

    /// <summary>
    /// Issue 16's targets, each beside what this run measured: p95 of every page at 8 clients on PostgreSQL (at 1 client
    /// on the embedded SQLite), the registration POST's p95 there too and without errors at 32 clients, the head's queue as a share of the
    /// one-query endpoint, the portal's peak memory. A target whose measurement was not taken in this run says so.
    /// </summary>
    private static void WriteTargets(List<LoadResult> results, LoadOptions options, long? peakMb, TextWriter log)
    {
        var clients = options.Provider == DatabaseProvider.Sqlite ? 1 : 8;
        (string Page, double P95)[] pages =
        [
            ("head's queue", 50), ("head's queue, made anew", 50), ("specialist's queue", 50), ("clerk's queue", 50), ("supervisor's region queue", 50),
            ("search by number", 50), ("search by IIN", 50), ("search by surname", 50), ("search by child's name", 50), ("case page", 50),
            ("office dashboard", 150), ("regional dashboard", 150), ("issue journal, one month", 100),
        ];
        var rows = new List<(string Target, string Measured, bool? Met)>();
        foreach (var (page, limit) in pages)
        {
            var r = results.FirstOrDefault(x => x.Page == page && x.Clients == clients);
            rows.Add(($"{page}: p95 <= {limit:0} ms at {clients} client(s)",
                r is null ? "not measured" : string.Create(CultureInfo.InvariantCulture, $"{r.P95:0.0} ms, {r.Errors} errors"),
                r is null ? null : r.P95 <= limit && r.Errors == 0));
        }
        // The issue's targets are for 8 clients; the registration's adds that 32 at once all get their number.
        var post = results.FirstOrDefault(x => x.Page == "registration POST" && x.Clients == clients);
        rows.Add(($"registration POST: p95 <= 100 ms at {clients} client(s)",
            post is null ? "not measured" : string.Create(CultureInfo.InvariantCulture, $"{post.P95:0.0} ms, {post.Errors} errors of {post.Requests}"),
            post is null ? null : post.P95 <= 100 && post.Errors == 0));
        var crowd = results.FirstOrDefault(x => x.Page == "registration POST" && x.Clients == 32);
        rows.Add(("registration POST: no errors at 32 clients",
            crowd is null ? "not measured" : string.Create(CultureInfo.InvariantCulture, $"{crowd.Errors} errors of {crowd.Requests} (p95 {crowd.P95:0} ms)"),
            crowd is null ? null : crowd.Errors == 0));
        var queue = results.FirstOrDefault(x => x.Page == "head's queue" && x.Clients == clients);
        var one = results.FirstOrDefault(x => x.Page.StartsWith("one-query", StringComparison.Ordinal) && x.Clients == clients);
        rows.Add(($"head's queue >= 25 % of the one-query endpoint's rps at {clients} client(s)",
            queue is null || one is null || one.Rps <= 0 ? "not measured" : string.Create(CultureInfo.InvariantCulture, $"{queue.Rps / one.Rps:P0}"),
            queue is null || one is null || one.Rps <= 0 ? null : queue.Rps / one.Rps >= 0.25));
        rows.Add(("portal's peak RSS <= 400 MB", peakMb is { } mb ? $"{mb} MB" : "not measured (--pid)", peakMb is { } m ? m <= 400 : null));

        log.WriteLine();
        log.WriteLine($"targets ({options.Provider}; load average now {LoadAverage()}):");
        foreach (var (target, measured, met) in rows)
            log.WriteLine($"  {(met switch { true => "met    ", false => "NOT MET", null => "-      " })}  {target,-72} {measured}");
        var taken = rows.Where(r => r.Met is not null).ToList();
        log.WriteLine($"{taken.Count(r => r.Met == true)} of {taken.Count} targets measured in this run met; {rows.Count - taken.Count} not measured");
    }

    private static async Task<LoadResult> MeasureAsync(HttpClient http, PageSpec page, string? cookie, int clients, LoadOptions options)
    {
        // A short warm-up so that the first compilation of a query is not in the figures.
        await OnceAsync(http, page, cookie, new Random(1));
        var stop = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);
        var times = new List<double>[clients];
        var errors = 0;
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && options.Pid is { } pid)
            {
                var (rss, _) = Memory(pid);
                peak = Math.Max(peak, rss);
                try { await Task.Delay(100, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var workers = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var random = new Random(i * 7919 + clients);
            var mine = times[i] = [];
            while (stop.Elapsed < duration)
            {
                var (ms, ok) = await OnceAsync(http, page, cookie, random);
                mine.Add(ms);
                if (!ok) Interlocked.Increment(ref errors);
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = stop.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        var all = times.SelectMany(t => t).Order().ToList();
        double P(double q) => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        return new LoadResult(page.Name, clients, all.Count, all.Count / elapsed, P(0.50), P(0.95), P(0.99), errors, peak);
    }

    private static async Task<(double Ms, bool Ok)> OnceAsync(HttpClient http, PageSpec page, string? cookie, Random random)
    {
        try
        {
            HttpRequestMessage request;
            if (page.Post) request = await RegistrationRequestAsync(http, cookie!, random);
            else request = page.Request(random);
            if (cookie is not null) request.Headers.Add("Cookie", cookie);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            // The body is read to its end as a browser would (a streamed export included), in small pieces.
            await using (var body = await response.Content.ReadAsStreamAsync())
                await body.CopyToAsync(Stream.Null);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var ok = page.Post ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/cases/", StringComparison.Ordinal) == true
                : response.IsSuccessStatusCode;
            request.Dispose();
            return (ms, ok);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, false); // refused, reset or timed out: an error of the page
        }
    }

    private static int _serial;

    /// <summary>The clerk opens the registration form (not timed) and fills it as the office does: a foster carer and a child.</summary>
    private static async Task<HttpRequestMessage> RegistrationRequestAsync(HttpClient http, string cookie, Random random)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/cases/new?service=FosterMaintenance");
        get.Headers.Add("Cookie", cookie);
        using var form = await http.SendAsync(get);
        var html = await form.Content.ReadAsStringAsync();
        var fields = Hidden(html);
        var serial = Interlocked.Increment(ref _serial);
        var birth = new DateOnly(1950, 1, 1).AddDays(serial % 9000);
        var childBirth = new DateOnly(2010, 1, 1).AddDays(serial % 5000);
        var values = new List<KeyValuePair<string, string>>(fields.Where(f => f.Key is "__RequestVerificationToken" or "SubmissionId").DistinctBy(f => f.Key))
        {
            new("Service", "FosterMaintenance"), new("Channel", "Office"), new("Language", "kk"),
            new("Applicant.Iin", Iin.Compose(birth, Sex.Female, 9000 + random.Next(900))), new("Applicant.LastName", "Жүктеме"), new("Applicant.FirstName", "Айгүл"),
            new("Applicant.Address", "Қарағанды қ., Ерубаев к-сі, 12-5"), new("Applicant.Phone", "+7 701 111 22 33"),
            new("Children[0].Iin", Iin.Compose(childBirth, Sex.Male, 9000 + random.Next(900))), new("Children[0].LastName", "Жүктеме"), new("Children[0].FirstName", "Нұрлан"),
        };
        return new HttpRequestMessage(HttpMethod.Post, "/cases/new") { Content = new FormUrlEncodedContent(values) };
    }

    private static async Task<string> SignInAsync(HttpClient http, string user)
    {
        var page = await http.GetAsync("/account/login");
        var cookies = Cookies(page);
        var token = Hidden(await page.Content.ReadAsStringAsync()).First(f => f.Key == "__RequestVerificationToken").Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("UserName", user), new("Password", DemoSeeder.DemoPassword), new("ReturnUrl", "/")]),
        };
        post.Headers.Add("Cookie", cookies);
        using var signed = await http.SendAsync(post);
        var all = cookies + "; " + Cookies(signed);
        if (signed.StatusCode != HttpStatusCode.Redirect || !all.Contains(".AspNetCore.Identity.Application", StringComparison.Ordinal) &&
            !Cookies(signed).Contains('='))
            throw new InvalidOperationException($"Could not sign in as {user}: {(int)signed.StatusCode}");
        if (signed.Headers.Location?.OriginalString.Contains("two-factor", StringComparison.OrdinalIgnoreCase) == true ||
            signed.Headers.Location?.OriginalString.Contains("login-code", StringComparison.OrdinalIgnoreCase) == true)
            throw new InvalidOperationException($"{user} must use a second factor: start the portal with Security__TwoFactorRoles= (empty) for the benchmark");
        return all;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private static IEnumerable<KeyValuePair<string, string>> Hidden(string html) =>
        HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)));

    [GeneratedRegex("""<input[^>]*?name="(?<name>[^"]+)"[^>]*?value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();

    /// <summary>Real cases of the office: numbers as a clerk types them, IINs, surnames, children's names.</summary>
    private static async Task<List<Sample>> SampleAsync(LoadOptions options)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalDatabase(options.Provider, options.Connection!);
        await using var db = new PortalDbContext(builder.Options);
        var office = await db.Offices.SingleAsync(o => o.Code == options.Office);
        var found = await db.Cases.AsNoTracking().Where(c => c.OfficeId == office.Id && c.Children.Any())
            .OrderByDescending(c => c.Sequence).Take(400)
            .Select(c => new
            {
                c.Id, c.Number, c.Service, c.Year, c.Sequence, c.Applicant!.Iin, c.Applicant.LastName,
                Child = c.Children.OrderBy(ch => ch.Order).Select(ch => ch.Person!.LastName + " " + ch.Person.FirstName).First(),
            }).ToListAsync();
        var catalog = ServiceCatalog.Standard;
        // Typed as clerks do: lower case, no office, no leading zeros ("fp-2026-17").
        return [.. found.Select(c => new Sample(c.Id, string.Create(CultureInfo.InvariantCulture, $"{catalog[c.Service].Prefix.ToLowerInvariant()}-{c.Year}-{c.Sequence}"),
            c.Iin, c.LastName, c.Child))];
    }

    private static (long Rss, long Hwm) Memory(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
            }
            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0);
        }
        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }
}
