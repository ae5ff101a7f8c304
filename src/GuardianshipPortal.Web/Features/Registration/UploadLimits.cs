using Microsoft.AspNetCore.Http.Features;

namespace GuardianshipPortal.Web.Features.Registration;

/// <summary>Marks an action that takes scans: its form is read up front, within <see cref="Scans.HardLimitBytes"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TakesScansAttribute : Attribute;

/// <summary>
/// A request too large to read is answered with the form again and a message naming the limits (the GET of the same
/// address with <c>upload=too-large</c>), not with a bare 400 from whichever part of the pipeline first reads the body.
/// Anything within the hard limit is read and checked file by file by <see cref="Scans"/>.
/// </summary>
public static class UploadLimits
{
    public const string TooLarge = "too-large";

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            && context.GetEndpoint()?.Metadata.GetMetadata<TakesScansAttribute>() is not null)
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = Scans.HardLimitBytes;
            var form = new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = Scans.HardLimitBytes });
            context.Features.Set<IFormFeature>(form);
            try
            {
                await form.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                var query = QueryString.FromUriComponent(context.Request.QueryString.Value ?? "").Add("upload", TooLarge);
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = context.Request.PathBase + context.Request.Path + query;
                if (HttpProtocol.IsHttp11(context.Request.Protocol)) context.Response.Headers.Connection = "close";
                return;
            }
        }
        await next();
    });
}
