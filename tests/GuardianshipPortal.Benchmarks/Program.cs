// Benchmarks of the portal, run by hand (speed targets live here, not in timed tests):
//   documents [N]   render N documents of every kind (default 1000); target <= 15 ms for a two-page document
//   registers [N]   a busy office's year of N cases (default 4000): journals and dashboard; target well under 1 s
//   forecast [N]    the deadline-risk forecast's backtest on N generated years (default 5): precision and recall of
//                   "will be late" against the rule "late if the specialist holds more than N cases"
//   signatures [N]  verifying one RSA-2048 detached CMS (target <= 5 ms), and N cases signed digitally on the server,
//                   PDFs included (default 50; target <= 10 s for 50)
var mode = args.FirstOrDefault() ?? "documents";
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
switch (mode)
{
    case "documents": GuardianshipPortal.Benchmarks.DocumentBenchmark.Run(count ?? 1000); break;
    case "registers": await GuardianshipPortal.Benchmarks.RegisterBenchmark.RunAsync(count ?? 4000); break;
    case "forecast": GuardianshipPortal.Benchmarks.ForecastBacktest.Run(count ?? 5); break;
    case "signatures": await GuardianshipPortal.Benchmarks.SignatureBenchmark.RunAsync(count ?? 50); break;
    default: Console.Error.WriteLine("usage: documents [N] | registers [N] | forecast [N] | signatures [N]"); return 2;
}
return 0;
