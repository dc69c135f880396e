namespace Crm.Web;

/// <summary>Every label of the console, from Resources/Labels.resx (Simplified Chinese) and Labels.en.resx (English).</summary>
public sealed class Labels;
