using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Crm.Web.Session;

/// <summary>Simplified Chinese by default, English by the switch; the choice is kept in a cookie for a year.</summary>
public static class ConsoleLanguages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] All = [Chinese, English];

    public static IServiceCollection AddConsoleLanguages(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        return services;
    }

    public static IApplicationBuilder UseConsoleLanguages(this IApplicationBuilder app) => app.UseRequestLocalization(options =>
    {
        options.SetDefaultCulture(Chinese).AddSupportedCultures(All).AddSupportedUICultures(All);
        // Only the console's own cookie chooses: not the browser's languages, so that a new employee sees Chinese first.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
    });

    /// <summary>The language switch: keeps the choice and goes back to the page, which is rendered again in that language.</summary>
    public static IResult Choose(string culture, string? returnUrl, HttpContext http)
    {
        if (!All.Contains(culture)) culture = Chinese;
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static bool IsLocal(string? url) => !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
