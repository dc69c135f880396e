namespace Crm.Gateway.Domain;

/// <summary>A write sent with an Idempotency-Key, and the answer it got, so that a retry gets the same answer.</summary>
public sealed class IdempotentRequest
{
    public string Caller { get; init; } = "";
    public string Key { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public bool Completed { get; set; }
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[] Body { get; set; } = [];
}
