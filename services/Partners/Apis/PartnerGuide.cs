namespace Crm.Partners.Apis;

/// <summary>The integration guide a partner reads at /docs (Apis/PartnerGuide.md, embedded).</summary>
public static class PartnerGuide
{
    public static readonly string Text = Read();

    private static string Read()
    {
        using var stream = typeof(PartnerGuide).Assembly.GetManifestResourceStream("PartnerGuide.md")
            ?? throw new InvalidOperationException("The partner guide is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
