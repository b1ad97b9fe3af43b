using System.Net.Sockets;
using System.Text;

namespace Hybrid.Soak;

/// <summary>
/// HTTP/1.1 written by hand on a socket, for what HttpClient will not do: send a request's headers
/// and only part of its body, or send a whole request and close without reading the answer.
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// Sends the request line, the headers (with the whole body's Content-Length) and the first
    /// <paramref name="bodyBytes"/> bytes of the body, waits <paramref name="linger"/>, then closes.
    /// </summary>
    public static async Task SendAndCloseAsync(Uri baseAddress, string method, string path, IEnumerable<(string Name, string Value)> headers, string contentType, byte[] body, int bodyBytes, TimeSpan linger)
    {
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(baseAddress.Authority).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head.ToString()), SocketFlags.None);
        await socket.SendAsync(body.AsMemory(0, bodyBytes), SocketFlags.None);
        if (linger > TimeSpan.Zero)
        {
            await Task.Delay(linger);
        }

        socket.Close();
    }
}
