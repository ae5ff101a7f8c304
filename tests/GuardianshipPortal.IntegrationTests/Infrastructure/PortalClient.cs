using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GuardianshipPortal.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>A page as the browser got it.</summary>
public sealed record Page(HttpStatusCode Status, string Html, IHtmlDocument Document, Uri? Location)
{
    public string Text(string selector) =>
        Document.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No element '{selector}' on the page.");

    public IEnumerable<string> Texts(string selector) => Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim());

    public string ValidationSummary => Document.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "";

    public IReadOnlyList<string> Errors => [.. Texts(".validation-summary-errors li")];

    /// <summary>Ticks checkboxes or picks radio buttons, as a user would, before a form is submitted.</summary>
    public Page Check(string selector)
    {
        var inputs = Document.QuerySelectorAll(selector).OfType<IHtmlInputElement>().ToList();
        if (inputs.Count == 0) throw new InvalidOperationException($"Nothing to check at '{selector}'.");
        foreach (var input in inputs) input.IsChecked = true;
        return this;
    }

    /// <summary>Clears checkboxes, as a user would.</summary>
    public Page Uncheck(string selector)
    {
        foreach (var input in Document.QuerySelectorAll(selector).OfType<IHtmlInputElement>()) input.IsChecked = false;
        return this;
    }

    /// <summary>Chooses the option whose text contains <paramref name="text"/>.</summary>
    public Page Select(string selector, string text)
    {
        var select = Document.QuerySelector(selector) as IHtmlSelectElement ?? throw new InvalidOperationException($"No select '{selector}'.");
        var option = select.Options.FirstOrDefault(o => o.Text.Contains(text)) ?? throw new InvalidOperationException($"No option '{text}' in '{selector}'.");
        foreach (var o in select.Options) o.IsSelected = o == option;
        return this;
    }

    public Guid CaseId => Guid.Parse(Location!.AbsolutePath.Split('/')[2]);
}

public sealed record FileUpload(string Field, string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// Talks to the portal like a browser does: keeps cookies, does not follow redirects on its own (tests assert
/// them), and submits the forms found on pages, antiforgery token included.
/// </summary>
public sealed class PortalClient
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public PortalClient(PortalApp app) =>
        _http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.ClientOptions.BaseAddress,
        });

    /// <summary>A session over a client of the test's own making (one cookie jar in front of several portal instances).</summary>
    public PortalClient(HttpClient http) => _http = http;

    public HttpClient Http => _http;

    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>The last value the portal set for a cookie of this session (what a browser, or an attacker who copied it, would send).</summary>
    public string Cookie(string name) => _cookies.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"No cookie {name}.");

    private void Remember(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers)) return;
        foreach (var header in headers)
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            if (pair.Length == 2) _cookies[pair[0].Trim()] = pair[1];
        }
    }

    public async Task<Page> GetAsync(string url, bool followRedirects = true)
    {
        var response = await _http.GetAsync(url);
        return await ReadAsync(response, followRedirects);
    }

    /// <summary>Fills the form matched by <paramref name="formSelector"/> on <paramref name="page"/> and submits it.</summary>
    /// <remarks>
    /// Only fields the form has may be given: a value for a field it lacks (a renamed input) fails the test, unless
    /// <paramref name="allowUnknownFields"/> says the test posts it on purpose.
    /// </remarks>
    public async Task<Page> SubmitAsync(Page page, string formSelector, IDictionary<string, string>? values = null,
        string? submitName = null, string? submitValue = null, bool followRedirects = true, IReadOnlyList<FileUpload>? files = null,
        bool allowUnknownFields = false)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button" or "file"):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }
        if (values is not null)
        {
            var known = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().ToHashSet();
            var unknown = values.Keys.Where(k => !known.Contains(k)).ToList();
            if (unknown.Count > 0 && !allowUnknownFields)
                throw new InvalidOperationException($"The form '{formSelector}' has no field {string.Join(", ", unknown)}.");
            foreach (var (name, value) in values)
            {
                fields.RemoveAll(f => f.Key == name);
                fields.Add(new(name, value));
            }
        }
        if (submitName is not null) fields.Add(new(submitName, submitValue ?? ""));

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Location?.ToString() ?? "/" : form.GetAttribute("action")!;
        HttpContent content = new FormUrlEncodedContent(fields);
        if (files is not null)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
            foreach (var file in files)
            {
                var part = new ByteArrayContent(file.Bytes);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
                multipart.Add(part, file.Field, file.FileName);
            }
            content = multipart;
        }
        var response = await _http.PostAsync(action, content);
        return await ReadAsync(response, followRedirects);
    }

    /// <summary>Posts fields straight to a URL with this session's antiforgery token, as a hand-made request would.</summary>
    public async Task<Page> PostAsync(string url, IDictionary<string, string> fields, bool followRedirects = false)
    {
        var home = await GetAsync("/");
        var token = home.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the home page.");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        var response = await _http.PostAsync(url, new FormUrlEncodedContent(all));
        return await ReadAsync(response, followRedirects);
    }

    /// <summary>Signs in through the sign-in form; returns the page reached (the user's home on success).</summary>
    public async Task<Page> SignInAsync(string userName, string password = DemoSeeder.DemoPassword)
    {
        var login = await GetAsync("/account/login");
        return await SubmitAsync(login, "form[action='/account/login']",
            new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
    }

    /// <summary>Presses the language button ("kk" or "ru") in the header of the given page.</summary>
    public async Task<Page> SwitchLanguageAsync(Page page, string language) =>
        await SubmitAsync(page, "form[action='/language']", submitName: "culture", submitValue: language);

    private async Task<Page> ReadAsync(HttpResponseMessage response, bool followRedirects)
    {
        Remember(response);
        for (var hops = 0; followRedirects && IsRedirect(response.StatusCode) && hops < 5; hops++)
        {
            response = await _http.GetAsync(response.Headers.Location);
            Remember(response);
        }
        var html = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location ?? response.RequestMessage?.RequestUri;
        return new Page(response.StatusCode, html, await Parser.ParseDocumentAsync(html), location);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;
}
