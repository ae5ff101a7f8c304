// Benchmarks of the portal, run by hand (speed targets live here, not in timed tests):
//   documents [N]   render N documents of every kind (default 1000); target <= 15 ms for a two-page document
//   registers [N]   a busy office's year of N cases (default 4000): journals and dashboard; target well under 1 s
//   forecast [N]    the deadline-risk forecast's backtest on N generated years (default 5): precision and recall of
//                   "will be late" against the rule "late if the specialist holds more than N cases"
//   signatures [N]  verifying one RSA-2048 detached CMS (target <= 5 ms), and N cases signed digitally on the server,
//                   PDFs included (default 50; target <= 10 s for 50)
//   generate --provider postgres|sqlite --connection "..." [--cases N] [--offices 20] [--years 10]
//                   fills an empty database with a region (default 1,000,000 cases on PostgreSQL, 100,000 on SQLite)
//   load --url http://127.0.0.1:5000 [--duration 15] [--concurrency 1,8,32] [--pid P] [--office KRG-01]
//        [--provider postgres --connection "..."] [--pages queue,search]
//                   drives the portal's pages over HTTP as signed-in demo users and prints p50/p95/p99, rps, errors, RSS
//   dropdb --connection "...;Database=x"
//                   drops a PostgreSQL database a smoke run generated (scale-smoke.sh)
using System.Globalization;
using GuardianshipPortal.Benchmarks;
using GuardianshipPortal.Data;

var mode = args.FirstOrDefault() ?? "documents";
var count = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
string? Option(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
switch (mode)
{
    case "documents": DocumentBenchmark.Run(count ?? 1000); break;
    case "registers": await RegisterBenchmark.RunAsync(count ?? 4000); break;
    case "forecast": ForecastBacktest.Run(count ?? 5); break;
    case "signatures": await SignatureBenchmark.RunAsync(count ?? 50); break;
    case "generate":
    {
        var provider = PortalDatabase.ParseProvider(Option("provider") ?? "postgres");
        var connection = Option("connection") ?? throw new ArgumentException("--connection is required");
        var cases = Option("cases") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : provider == DatabaseProvider.Postgres ? 1_000_000 : 100_000;
        var offices = Option("offices") is { } o ? int.Parse(o, CultureInfo.InvariantCulture) : 20;
        var years = Option("years") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : 10;
        await RegionGenerator.RunAsync(new GeneratorOptions(provider, connection, cases, offices, years), Console.Out);
        break;
    }
    case "load":
    {
        var options = new LoadOptions(
            new Uri(Option("url") ?? "http://127.0.0.1:5000"),
            Option("duration") is { } d ? double.Parse(d, CultureInfo.InvariantCulture) : 15,
            [.. (Option("concurrency") ?? "1,8,32").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))],
            Option("pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null,
            Option("office") ?? "KRG-01",
            Option("pages")?.Split(','),
            PortalDatabase.ParseProvider(Option("provider") ?? "postgres"),
            Option("connection"));
        return await LoadBenchmark.RunAsync(options, Console.Out);
    }
    case "dropdb":
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(Option("connection") ?? throw new ArgumentException("--connection is required"));
        var name = target.Database ?? throw new ArgumentException("the connection names no database");
        target.Database = "postgres";
        target.Pooling = false;
        await using var connection = new Npgsql.NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        break;
    }
    default:
        Console.Error.WriteLine("usage: documents [N] | registers [N] | forecast [N] | signatures [N] | generate --provider P --connection C [--cases N] | load --url U [--duration S] [--concurrency 1,8,32] [--pid P]");
        return 2;
}
return 0;
