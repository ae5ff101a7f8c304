using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using GuardianshipPortal.UnitTests.Signatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>
/// NCALayer as the browser meets it, for tests: a local WebSocket server that greets with its version, takes a call of
/// module kz.gov.pki.knca.basics, method sign (named arguments), and answers as NCALayer does —
/// <c>{ status: true, body: { result: [base64 CMS…] } }</c>, <c>{ status: false, code: "USER_CANCELED" }</c>, or by
/// dropping the connection — signing with the test's keys.
/// </summary>
public sealed class FakeNcaLayer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<JsonElement> _calls = [];

    private FakeNcaLayer(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>What the next call is answered: given the call's arguments, an answer object, or null to drop the connection.</summary>
    public Func<JsonElement, object?> Answer { get; set; } = _ => Canceled;

    public IReadOnlyList<JsonElement> Calls { get { lock (_calls) return [.. _calls]; } }

    public static object Canceled => new { status = false, code = "USER_CANCELED" };

    /// <summary>Signs every data item (detached CMS), each with the certificate <paramref name="signer"/> picks by its index.</summary>
    public static object SignAll(JsonElement args, Func<int, X509Certificate2> signer)
    {
        var data = args.GetProperty("data");
        var items = data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray().Select(d => d.GetString()!)] : new[] { data.GetString()! };
        var signed = items.Select((d, i) => Convert.ToBase64String(TestPki.Sign(signer(i), Convert.FromBase64String(d), detached: true))).ToArray();
        return new { status = true, body = new { result = signed } };
    }

    public static async Task<FakeNcaLayer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeNcaLayer(app);
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await SendAsync(socket, new { result = new { version = "1.4" } });
            var call = await ReceiveAsync(socket);
            if (call is not { } request) return;
            lock (fake._calls) fake._calls.Add(request);
            var answer = fake.Answer(request.GetProperty("args"));
            if (answer is null)
            {
                socket.Abort();
                return;
            }
            await SendAsync(socket, answer);
            try { await ReceiveAsync(socket); } catch (WebSocketException) { } // the page closes
        });
        await app.StartAsync();
        fake.Url = app.Urls.First().Replace("http://", "ws://");
        return fake;
    }

    private static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement?> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var part = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (part.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, part.Count);
            if (part.EndOfMessage) break;
        }
        return JsonDocument.Parse(Encoding.UTF8.GetString(text.ToArray())).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
