using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GuardianshipPortal.IntegrationTests.Features;

/// <summary>Every UI string exists, non-empty, in both Kazakh and Russian, and every key the code uses is defined.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebDir = Path.Combine(SolutionDir(), "src", "GuardianshipPortal.Web");

    private static Dictionary<string, string> Load(string language) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Kazakh_and_Russian_have_the_same_keys_and_no_empty_values()
    {
        var kk = Load("kk");
        var ru = Load("ru");

        Assert.Empty(kk.Keys.Except(ru.Keys));
        Assert.Empty(ru.Keys.Except(kk.Keys));
        var emptyKk = kk.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList();
        var emptyRu = ru.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList();
        Assert.Empty(emptyKk);
        Assert.Empty(emptyRu);
        Assert.True(kk.Count > 50);
    }

    [Fact]
    public void Every_literal_key_used_in_code_and_views_is_defined()
    {
        var kk = Load("kk");
        var used = Directory.EnumerateFiles(WebDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct();
        var missing = used.Where(k => !kk.ContainsKey(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Keys_built_from_roles_exist_for_every_role()
    {
        var kk = Load("kk");
        foreach (var role in Domain.Roles.All)
        {
            Assert.Contains("Role_" + role, kk.Keys);
            Assert.Contains("Home_Title_" + role, kk.Keys);
        }
    }

    [Fact]
    public void Keys_built_from_enums_and_passed_as_names_exist()
    {
        var kk = Load("kk");
        var expected = new List<string>();
        foreach (var s in Enum.GetValues<Domain.Services.ServiceCode>())
        {
            expected.Add("Service_" + s);
            expected.AddRange(Enum.GetValues<Domain.Cases.Outcome>().Select(o => $"Outcome_{s}_{o}"));
        }
        expected.AddRange(Enum.GetValues<Domain.Workflow.Step>().Select(x => "Step_" + x));
        expected.AddRange(Enum.GetValues<Domain.Workflow.CaseAction>().Select(x => "Action_" + x));
        expected.AddRange(Enum.GetValues<Domain.Cases.Channel>().Select(x => "Channel_" + x));
        expected.AddRange(Enum.GetValues<Domain.Persons.IinError>().Select(x => "Iin_" + x));
        expected.AddRange(Domain.Language.All.Select(x => "Lang_" + x));
        expected.AddRange(Enum.GetValues<Domain.Calendar.DurationUnit>().Select(x => "Unit_" + x));
        expected.AddRange(Enum.GetValues<Domain.Calendar.CalendarDayKind>().Select(x => "CalendarKind_" + x));
        expected.AddRange(new[] { "Registration", "Resolution", "Drafting", "Signing", "Issue", "Total" }.Select(x => "Regulation_" + x));
        expected.AddRange(Enum.GetValues<Domain.Documents.DocumentKind>().Select(x => "DocKind_" + x));
        expected.AddRange(Enum.GetValues<Web.Features.Journals.JournalKind>().Select(x => "Journal_" + x));
        // Keys handed around as strings: queue titles, menu items, "done" messages of the steps.
        expected.AddRange(Directory.EnumerateFiles(WebDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => NamedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)));
        var missing = expected.Distinct().Where(k => !kk.ContainsKey(k)).ToList();

        Assert.Empty(missing);
    }

    [GeneratedRegex("\"((?:Queue|Nav|Search)_[A-Za-z]+|[A-Za-z]+_(?:Done|Saved|Submitted|Returned))\"")]
    private static partial Regex NamedKey();

    // L["Key"] and l["Key", ...] — the localizer call sites.
    [GeneratedRegex("""\b[Ll]\["([A-Za-z0-9_]+)"[\],]""")]
    private static partial Regex LiteralKey();

    internal static string SolutionDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GuardianshipPortal.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GuardianshipPortal.sln not found above the test binaries.");
    }
}
