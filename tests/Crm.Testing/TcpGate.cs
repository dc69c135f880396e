using System.Net;
using System.Net.Sockets;

namespace Crm.Testing;

/// <summary>
/// A TCP forwarder in front of a real server that a test can close and open, to make the server
/// unreachable (refused and cut connections) and reachable again without stopping it.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private volatile bool _isOpen;
    private int _refused;

    public TcpGate(string targetHost, int targetPort, bool open)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _isOpen = open;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections turned away while the gate was closed.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void Open() => _isOpen = true;

    public void Close()
    {
        _isOpen = false;
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }

            if (!_isOpen)
            {
                Interlocked.Increment(ref _refused);
                client.Dispose();
                continue;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            lock (_open) { _open.Add(client); _open.Add(server); }
            var up = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception)
        {
            // A cut connection is what the gate is for.
        }
        finally
        {
            client.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Close();
        return ValueTask.CompletedTask;
    }
}
