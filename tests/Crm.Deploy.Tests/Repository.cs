using System.Diagnostics;


namespace Crm.Deploy.Tests;

/// <summary>The checkout these tests run in, and the tools eng/test installs into it (eng/lib.sh, ensure_k8s_tools).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Chart => Path.Combine(Root, "deploy", "chart");

    public static string Helm => Tool(Path.Combine(Root, ".tools", "k8s", "helm"));

    /// <summary>The schema check (deploy/validate), once its packages are installed.</summary>
    public static string Validator
    {
        get
        {
            Tool(Path.Combine(Root, "deploy", "validate", "node_modules", "kubernetes-models", "package.json"));
            return Path.Combine(Root, "deploy", "validate", "validate.mjs");
        }
    }

    /// <summary>Runs a program to its end; its exit code and what it printed (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string Tool(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"{path} is missing: eng/test installs it (eng/lib.sh, ensure_k8s_tools).", path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aspire.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Aspire.sln was not found above the test's directory.");
    }
}
