using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP endpoint on loopback that records every request and answers from a script given the how-manieth time the same
/// body arrives (e.g. 500, 500, then 200 for each message).
/// </summary>
public sealed class HttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, int, HttpStatusCode> _answer;
    private readonly ConcurrentDictionary<string, int> _seen = new();

    public HttpReceiver(Func<int, HttpStatusCode>? answer = null) : this(answer is null ? null : (_, n) => answer(n))
    {
    }

    /// <summary>Answers given the body and the how-manieth time that body arrives.</summary>
    public HttpReceiver(Func<string, int, HttpStatusCode>? answer)
    {
        _answer = answer ?? ((_, _) => HttpStatusCode.OK);
        var port = Loopback.FreePort();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); } catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(CancellationToken.None);
            var n = _seen.AddOrUpdate(body, 1, (_, c) => c + 1);
            var status = _answer(body, n);
            Requests.Enqueue(new ReceivedRequest(context.Request.Url!.AbsolutePath,
                context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? ""), body, status));
            context.Response.StatusCode = (int)status;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body, HttpStatusCode Answered);

/// <summary>
/// A minimal SMTP server on loopback (RFC 5321: EHLO, MAIL, RCPT, DATA, QUIT) that keeps every message it accepts:
/// the portal's e-mails go through a real SMTP conversation in the tests.
/// </summary>
public sealed class SmtpReceiver : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public SmtpReceiver()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }
    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); } catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':') + 1)..].Trim(' ', '<', '>');
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':') + 1)..].Trim(' ', '<', '>'));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                    Messages.Enqueue(new ReceivedMail(from, [.. to], data.ToString()));
                    to.Clear();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}

/// <summary>A message as the SMTP server received it, with its headers and its decoded text.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw)
{
    private string Headers => Raw[..Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

    public string Header(string name) => Headers.Replace("\r\n ", " ").Replace("\r\n\t", " ").Split("\r\n")
        .Where(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(h => h[(name.Length + 1)..].Trim()).FirstOrDefault() ?? "";

    /// <summary>The subject, decoded from its RFC 2047 encoded words.</summary>
    public string Subject => string.Concat(Header("Subject").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(DecodeWord));

    /// <summary>The plain-text body, decoded from base64 or quoted-printable.</summary>
    public string Body
    {
        get
        {
            var body = Raw[(Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            var encoding = Header("Content-Transfer-Encoding").ToLowerInvariant();
            if (encoding == "base64") return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "")));
            if (encoding == "quoted-printable") return QuotedPrintable(body);
            return body.TrimEnd('\r', '\n');
        }
    }

    private static string DecodeWord(string word)
    {
        var parts = word.Split('?');
        if (parts.Length != 5 || parts[0] != "=") return word;
        var bytes = parts[2].ToUpperInvariant() == "B" ? Convert.FromBase64String(parts[3]) : Encoding.UTF8.GetBytes(QuotedPrintable(parts[3].Replace('_', ' ')));
        return Encoding.GetEncoding(parts[1]).GetString(bytes);
    }

    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        text = text.Replace("=\r\n", "");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length) { bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r', '\n');
    }
}

public static class Loopback
{
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
