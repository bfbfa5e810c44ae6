using System.Net;
using System.Net.Sockets;
using Orleans.Sentiment.Hosting.Networking;

namespace Orleans.Sentiment.Tests.Hosting;

/// <summary>
/// The port checks against real sockets: listeners bound as Orleans binds them (ReuseAddress, which on Linux also
/// sets SO_REUSEPORT, so two of them share a port without error).
/// </summary>
public sealed class ExclusivePortTests
{
    [Fact]
    public void IsFree_PortWithAnOrleansStyleListener_IsFalse()
    {
        using var listener = OrleansStyleListener(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;

        Assert.False(PortProbe.IsFree(endpoint));
        Assert.False(PortProbe.IsFree(new IPEndPoint(IPAddress.Any, endpoint.Port)));
    }

    [Fact]
    public void IsFree_PortWhoseListenerClosedAfterServingAConnection_IsTrue()
    {
        IPEndPoint endpoint;
        using (var listener = OrleansStyleListener(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            endpoint = (IPEndPoint)listener.LocalEndPoint!;
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(endpoint);
            using var accepted = listener.Accept();
            accepted.Shutdown(SocketShutdown.Both);
        }

        Assert.True(PortProbe.IsFree(endpoint));
    }

    [Fact]
    public void CountOverlapping_TwoProcessesStyleListenersOnOnePort_SeesBoth()
    {
        using var first = OrleansStyleListener(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)first.LocalEndPoint!;

        var alone = ListeningSockets.CountOverlapping(ListeningSockets.Read(), endpoint);
        using var second = OrleansStyleListener(endpoint);
        var shared = ListeningSockets.CountOverlapping(ListeningSockets.Read(), endpoint);

        Assert.Equal((1, 2), (alone, shared));
    }

    [Fact]
    public void Parse_ProcNetTables_ReadsListeningEndpointsOnly()
    {
        const string tcp = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:2B67 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0 100 0 0 10 0
               1: 00000000:7530 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1002 1 0 100 0 0 10 0
               2: 0100007F:2B67 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 1003 1 0 100 0 0 10 0
            """;
        const string tcp6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1004 1 0 100 0 0 10 0
            """;

        var listening = ListeningSockets.Parse(tcp).Concat(ListeningSockets.Parse(tcp6)).ToList();

        Assert.Equal(["127.0.0.1:11111", "0.0.0.0:30000", "[::1]:8080"], listening.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("127.0.0.1", 11111, 2)]
    [InlineData("0.0.0.0", 11111, 2)]
    [InlineData("127.0.0.2", 11111, 1)]
    [InlineData("127.0.0.1", 11112, 0)]
    public void CountOverlapping_WildcardAndSpecificAddresses_CountWhatWouldTakeTheConnections(string address, int port, int expected)
    {
        IPEndPoint[] listening = [IPEndPoint.Parse("127.0.0.1:11111"), IPEndPoint.Parse("0.0.0.0:11111"), IPEndPoint.Parse("127.0.0.1:30000")];

        Assert.Equal(expected, ListeningSockets.CountOverlapping(listening, new IPEndPoint(IPAddress.Parse(address), port)));
    }

    private static Socket OrleansStyleListener(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(endpoint);
        socket.Listen(16);
        return socket;
    }
}
