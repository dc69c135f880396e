using System.Xml.Linq;

namespace Crm.SystemTests;

/// <summary>
/// The project references form layers (README, "How the code is layered"): the shared libraries below the
/// services, and no service referencing another. Read from the project files, as the build resolves them.
/// </summary>
public sealed class LayerTests
{
    private static readonly string[] Shared = ["Crm.ServiceDefaults", "Crm.Messages", "Crm.Http", "Crm.Access", "Crm.Data", "Crm.Messaging", "Crm.CustomerInfo"];

    /// <summary>What each project may reference; a project not named here is not checked (the AppHost, the setup step, tests).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Crm.Messages"] = [],
        ["Crm.Http"] = [],
        ["Crm.Access"] = [],
        ["Crm.ServiceDefaults"] = [],
        ["Crm.CustomerInfo"] = ["Crm.Messages", "Crm.Http"],
        ["Crm.Messaging"] = ["Crm.Messages", "Crm.Http", "Crm.Access"],
        ["Crm.Data"] = ["Crm.Messages", "Crm.Http", "Crm.Access", "Crm.Messaging"],
        ["Crm.Customers"] = Shared,
        ["Crm.Dispatch"] = Shared,
        ["Crm.Contracts"] = Shared,
        ["Crm.Followups"] = Shared,
        ["Crm.Reports"] = Shared,
        ["Crm.Partners"] = Shared,
        ["Crm.Gateway"] = Shared,
        // The console is a client of the public API: it reads the events' enums and value records, nothing of any service.
        ["Crm.Web"] = ["Crm.ServiceDefaults", "Crm.Messages"],
        // The chart is made from the AppHost's published manifest, not from its code.
        ["Crm.Deploy.Generator"] = [],
    };

    [Fact]
    public void Each_project_references_only_the_layers_below_it_and_no_service_another()
    {
        var projects = Directory.EnumerateFiles(RepositoryRoot(), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), References);

        Assert.All(Allowed.Keys, name => Assert.True(projects.ContainsKey(name), $"{name} is missing"));
        var breaches = Allowed.SelectMany(rule => projects[rule.Key].Except(rule.Value).Select(reference => $"{rule.Key} → {reference}"));
        Assert.Empty(breaches);
    }

    private static IReadOnlyList<string> References(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aspire.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Aspire.sln) was not found above the test's folder.");
    }
}
