using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// An HTTP client whose connections leave from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so per-address
/// limits can be tested as separate clients would meet them.
/// </summary>
internal static class SourceAddressClient
{
    public static HttpClient Create(Uri baseUrl, string sourceAddress, string? key = null)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var http = new HttpClient(handler) { BaseAddress = baseUrl };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }
}
