using Crm.Web.Session;

namespace Crm.Web.Tests;

public sealed class ConsoleDownloadsTests
{
    [Theory]
    [InlineData("customers/registers/walk-in", "xlsx", true)]
    [InlineData("leads/imports/0f8fad5b-d9cb-469f-a165-70867728950e/errors", "csv", true)]
    [InlineData("customers/registers/walk-in", "json", false)]
    [InlineData("customers/registers/walk-in", null, false)]
    [InlineData("../auth/token", "csv", false)]
    [InlineData("customers/..", "xlsx", false)]
    [InlineData("/customers", "xlsx", false)]
    [InlineData("customers//registers", "xlsx", false)]
    public void Only_exports_under_the_api_are_passed_on(string path, string? format, bool passed) =>
        Assert.Equal(passed, ConsoleDownloads.IsExport(path, format));

    [Fact]
    public void A_link_names_the_api_path_under_files() =>
        Assert.Equal("/files/customers/registers/phone?month=2026-11&format=xlsx", ConsoleDownloads.Link("/customers/registers/phone?month=2026-11&format=xlsx"));
}
