namespace Crm.Deploy.Tests;

/// <summary>
/// The init container every service's pod starts with: the setup image, waiting until the setup Job has
/// migrated the pod's database. Run here as the process it is, against the tests' PostgreSQL.
/// </summary>
public sealed class MigrationsWaitTests
{
    private static readonly string[] Databases = ["customerdb", "dispatchdb", "contractdb", "followupdb", "reportdb", "partnerdb", "gatewaydb", "webdb"];

    [Fact]
    public async Task A_pod_waits_until_the_setup_job_has_migrated_its_database()
    {
        var server = Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CRM_TEST_POSTGRES is not set: eng/test starts a PostgreSQL and sets it.");
        var prefix = $"wait_{Guid.NewGuid():N}"[..20];
        string Connection(string database) => $"{server};Database={prefix}_{database}";

        var before = await SetupAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__customerdb"] = Connection("customerdb"),
            ["Setup__WaitTimeout"] = "00:00:03",
        }, "--wait-for-migrations");
        Assert.Equal(1, before.ExitCode);
        Assert.Contains("Still not migrated after 00:00:03: customerdb:", before.Output);

        var setup = await SetupAsync(Databases.ToDictionary(d => $"ConnectionStrings__{d}", Connection));
        Assert.True(setup.ExitCode == 0, setup.Output);

        var after = await SetupAsync(new Dictionary<string, string> { ["ConnectionStrings__customerdb"] = Connection("customerdb") }, "--wait-for-migrations");
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("Migrated: customerdb", after.Output);
    }

    private static async Task<(int ExitCode, string Output)> SetupAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        environment["DOTNET_ENVIRONMENT"] = "Production";
        var (exitCode, output, errors) = await Repository.RunAsync("dotnet",
            ["run", "--project", "services/Setup/Crm.Setup.csproj", "--no-build", "--no-launch-profile", "--", .. arguments], environment);
        return (exitCode, output + errors);
    }
}
