using Microsoft.Extensions.Options;

namespace Crm.Messaging;

/// <summary>
/// For the fault tests only ("Messaging:Outbox:CrashAfterConfirmFile", unset in every real
/// installation): when that file appears, the relay kills its own process right after the broker
/// confirmed a publish and before the row is marked sent — the moment the outbox's "published again,
/// dropped by the inbox" promise is about. The file is consumed, so a restarted process runs on; the
/// confirmed message id is written beside it (".confirmed") for the test to follow.
/// </summary>
public sealed class RelayCrashSwitch(IOptions<OutboxOptions> options)
{
    private readonly string? _file = options.Value.CrashAfterConfirmFile;

    public void AfterConfirm(Guid messageId)
    {
        if (string.IsNullOrEmpty(_file) || !File.Exists(_file)) return;
        // Written whole, then moved into place, so that a reader never sees half of it.
        File.WriteAllText(_file + ".writing", messageId.ToString());
        File.Move(_file + ".writing", _file + ".confirmed", overwrite: true);
        File.Delete(_file);
        Process.GetCurrentProcess().Kill();
    }
}
