using System.Net;
using System.Net.Http.Json;
using System.Net.Mail;
using System.Text;

namespace GuardianshipPortal.Messaging;

/// <summary>SMTP settings (<c>Notifications:Smtp</c>).</summary>
public sealed record SmtpOptions
{
    public string Host { get; init; } = "";
    public int Port { get; init; } = 25;
    public bool EnableSsl { get; init; }
    public string UserName { get; init; } = "";
    public string Password { get; init; } = "";
    public string From { get; init; } = "";
    public string FromName { get; init; } = "";
}

/// <summary>E-mail over SMTP (System.Net.Mail): plain text in UTF-8, the idempotency key as the message's id.</summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IMessageSender
{
    public OutboxChannel Channel => OutboxChannel.Email;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var mail = new MailMessage(new MailAddress(options.From, options.FromName, Encoding.UTF8), new MailAddress(message.Recipient))
        {
            Subject = message.Subject, Body = message.Body, SubjectEncoding = Encoding.UTF8, BodyEncoding = Encoding.UTF8, IsBodyHtml = false,
        };
        mail.Headers.Add("Message-ID", $"<{message.IdempotencyKey}@guardianship-portal>");
        using var smtp = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (options.UserName != "") smtp.Credentials = new NetworkCredential(options.UserName, options.Password);
        try
        {
            await smtp.SendMailAsync(mail, ct);
        }
        catch (SmtpException e)
        {
            throw new DeliveryException($"SMTP: {e.StatusCode}", e);
        }
    }
}

/// <summary>
/// An HTTP SMS gateway (<c>Notifications:Sms</c>), as Kazakh providers offer them: a POST of JSON or of a form with the
/// phone, the text and a message id, authorised by a login and password or a token. Any 2xx is delivery.
/// </summary>
public sealed record SmsGatewayOptions
{
    public string Url { get; init; } = "";
    /// <summary>"json" or "form".</summary>
    public string Format { get; init; } = "json";
    public string PhoneField { get; init; } = "phone";
    public string TextField { get; init; } = "text";
    public string IdField { get; init; } = "id";
    public string UserName { get; init; } = "";
    public string Password { get; init; } = "";
    /// <summary>Sent as "Authorization: Bearer …" when set.</summary>
    public string Token { get; init; } = "";
    /// <summary>Sender name registered with the provider, sent as "sender" when set.</summary>
    public string Sender { get; init; } = "";
}

public sealed class SmsGatewaySender(HttpClient http, SmsGatewayOptions options) : IMessageSender
{
    public OutboxChannel Channel => OutboxChannel.Sms;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>
        {
            [options.PhoneField] = message.Recipient, [options.TextField] = message.Body, [options.IdField] = message.IdempotencyKey,
        };
        if (options.Sender != "") fields["sender"] = options.Sender;
        if (options.UserName != "")
        {
            fields["login"] = options.UserName;
            fields["password"] = options.Password;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = options.Format == "form" ? new FormUrlEncodedContent(fields) : JsonContent.Create(fields),
        };
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        if (options.Token != "") request.Headers.Authorization = new("Bearer", options.Token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw new DeliveryException($"SMS gateway answered {(int)response.StatusCode}.");
    }
}

/// <summary>
/// The development sink: every message, whatever its channel, becomes a text file in a folder (<c>Notifications:Folder</c>,
/// by default App_Data/outbox), so that a newcomer sees what an applicant would receive.
/// </summary>
public sealed class FolderSink(string folder, OutboxChannel channel) : IMessageSender
{
    public OutboxChannel Channel => channel;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var name = $"{message.CreatedAt:yyyyMMdd-HHmmss}-{message.Id:D6}-{message.Channel}-{message.Event}.txt".ToLowerInvariant();
        var text = $"To: {message.Recipient}\nChannel: {message.Channel}\nEvent: {message.Event}\nLanguage: {message.Language}\n" +
                   $"Idempotency-Key: {message.IdempotencyKey}\nSubject: {message.Subject}\n\n{message.Body}\n";
        await File.WriteAllTextAsync(Path.Combine(folder, name), text, Encoding.UTF8, ct);
    }
}
