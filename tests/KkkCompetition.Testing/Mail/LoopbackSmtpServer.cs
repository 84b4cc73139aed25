using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace KkkCompetition.Testing.Mail;

/// <summary>One message as the loopback server received it.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Raw)
{
    private MimeMessage? _message;

    /// <summary>The parsed message (parsed when first asked, so a server under load only stores).</summary>
    public MimeMessage Message => _message ??= MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(Raw)));
}

/// <summary>
/// A small real SMTP server on 127.0.0.1 (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT; no pipelining, no TLS),
/// for tests and benchmarks that deliver with MailKit over a socket and assert what arrived.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly Task _acceptLoop;

    /// <summary>Starts listening on <paramref name="port"/> (0: any free port).</summary>
    public LoopbackSmtpServer(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public IReadOnlyCollection<ReceivedMail> Received => _received.ToArray();

    /// <summary>A loopback port nothing listens on (taken from the OS, then released).</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _sessions.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1, false, 8192, leaveOpen: true);
            await using var writer = new StreamWriter(stream, Encoding.Latin1, 8192, leaveOpen: true) { NewLine = "\r\n", AutoFlush = false };
            await Reply(writer, "220 localhost loopback SMTP ready");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply(writer, "250-localhost\r\n250 SIZE 10485760");
                        break;
                    case "HELO":
                        await Reply(writer, "250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await Reply(writer, "250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await Reply(writer, "250 OK");
                        break;
                    case "DATA":
                        await Reply(writer, "354 End data with <CR><LF>.<CR><LF>");
                        var raw = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            raw.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        _received.Enqueue(new ReceivedMail(from ?? "", recipients.ToList(), raw.ToString()));
                        await Reply(writer, "250 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await Reply(writer, "250 OK");
                        break;
                    case "NOOP":
                        await Reply(writer, "250 OK");
                        break;
                    case "QUIT":
                        await Reply(writer, "221 Bye");
                        return;
                    default:
                        await Reply(writer, "502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or the server is stopping.
        }
    }

    private static async Task Reply(StreamWriter writer, string text)
    {
        await writer.WriteLineAsync(text);
        await writer.FlushAsync();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_sessions);
        _stop.Dispose();
    }
}
