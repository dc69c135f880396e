using Crm.SystemTests.Faults;

namespace Crm.SystemTests.Cluster;

/// <summary>
/// One loopback address cut off with nftables: every packet from or to it is dropped, so the node that alone
/// listens and connects there (eng/local/rabbitmq.sh, RABBIT_ADDRESS) goes silent to its peers and its
/// clients, without any connection being closed — as when a machine's network is lost. Needs root (eng/test
/// installs nftables).
/// </summary>
public sealed class NetworkCut : IAsyncDisposable
{
    private readonly string _table = $"crm_cut_{Guid.NewGuid():N}"[..20];
    private bool _healed;

    private NetworkCut() { }

    public static async Task<NetworkCut> CutAsync(string address)
    {
        var cut = new NetworkCut();
        await Nft("add", "table", "inet", cut._table);
        await Nft("add", "chain", "inet", cut._table, "output", "{", "type", "filter", "hook", "output", "priority", "0", ";", "policy", "accept", ";", "}");
        await Nft("add", "rule", "inet", cut._table, "output", "ip", "saddr", address, "drop");
        await Nft("add", "rule", "inet", cut._table, "output", "ip", "daddr", address, "drop");
        return cut;
    }

    /// <summary>Lets the address's packets through again.</summary>
    public async Task HealAsync()
    {
        if (_healed) return;
        await Nft("delete", "table", "inet", _table);
        _healed = true;
    }

    public async ValueTask DisposeAsync() => await HealAsync();

    private static Task<string> Nft(params string[] arguments) =>
        Servers.RunAsync(File.Exists("/usr/sbin/nft") ? "/usr/sbin/nft" : "nft", arguments);
}
