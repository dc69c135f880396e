namespace Crm.Http;

/// <summary>How long the texts people type may be, named once for every service.</summary>
public static class TextLimits
{
    /// <summary>A person's, store's or designer's name, a username, a community.</summary>
    public const int Name = 100;
    /// <summary>An address, a reason a longer line of text is not.</summary>
    public const int Line = 200;
    /// <summary>A word or two: a style, a layout.</summary>
    public const int Word = 50;
    /// <summary>A reason, a note, a special request: why something was done, in a few sentences.</summary>
    public const int Reason = 500;
    /// <summary>A written account: what was said in a follow-up.</summary>
    public const int Text = 4000;
}
