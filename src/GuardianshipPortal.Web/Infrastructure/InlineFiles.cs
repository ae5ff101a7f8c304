using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Documents and scans open in the browser, ready to print (Content-Disposition: inline), and keep a proper file name for
/// "save as" (filename with an ASCII fallback and filename* in UTF-8).
/// </summary>
public static class InlineFiles
{
    public static FileContentResult Inline(this ControllerBase controller, byte[] bytes, string contentType, string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        controller.Response.Headers.ContentDisposition = disposition.ToString();
        return controller.File(bytes, contentType);
    }
}
