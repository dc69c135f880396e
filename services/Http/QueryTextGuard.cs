using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crm.Http;

/// <summary>
/// Query values with control characters (NUL, BEL, ESC…) are refused with a 400 naming the parameter, before
/// any endpoint sees them: no search, filter or id holds one, and PostgreSQL cannot even compare text with NUL.
/// </summary>
public static class QueryTextGuard
{
    public static WebApplication UseQueryTextGuard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var errors = new FieldErrors();
            foreach (var (name, values) in context.Request.Query)
                if (values.Any(v => v is not null && v.Any(char.IsControl)))
                    errors.Add(SafeName(name), "Control characters (such as NUL or ESC) are not allowed here.");
            if (errors.Any)
            {
                await Problems.Invalid(errors).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    // The parameter's own name may hold what is refused.
    private static string SafeName(string name) => name.Any(char.IsControl) ? "query" : name;
}
