namespace Crm.SystemTests;

/// <summary>
/// What a test measured, for people as well as for the assertions: written to the test's output and, when
/// eng/test names a folder (CRM_TEST_REPORTS), to a file there that eng/test prints after the run.
/// </summary>
public static class TestReport
{
    public const string FolderVariable = "CRM_TEST_REPORTS";

    public static void Write(ITestOutputHelper output, string test, string text)
    {
        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable(FolderVariable) is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{test}.txt"), $"{test}\n{text}\n");
    }
}
