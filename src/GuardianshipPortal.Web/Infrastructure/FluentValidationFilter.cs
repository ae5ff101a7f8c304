using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>Runs the FluentValidation validator of each bound action argument and records its errors in ModelState.</summary>
public sealed class FluentValidationFilter(IServiceProvider services) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var (name, argument) in context.ActionArguments)
        {
            if (argument is null) continue;
            // A form bound with [Bind(Prefix = "Draft")] reports its errors under "Draft.Field", as MVC names them.
            var prefix = context.ActionDescriptor.Parameters.FirstOrDefault(p => p.Name == name)?.BindingInfo?.BinderModelName;
            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (services.GetService(validatorType) is not IValidator validator) continue;
            var result = await validator.ValidateAsync(
                new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var error in result.Errors)
                context.ModelState.AddModelError(
                    string.IsNullOrEmpty(prefix) ? error.PropertyName : prefix + "." + error.PropertyName, error.ErrorMessage);
        }
        await next();
    }
}
