using System.Net.Http.Headers;
using Crm.Web.Session;

namespace Crm.Web.Gateway;

/// <summary>
/// The API through the gateway, as the signed-in user. Every write carries an Idempotency-Key, so that a retry
/// after a lost answer (the HTTP client retries transient failures) is answered with the first answer, not done twice.
/// </summary>
public sealed class GatewayClient(HttpClient http, ConsoleSession session)
{
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public Task<ApiResult<T>> PatchAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Patch, path, body, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    public Task<ApiResult<T>> DeleteAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>A file sent as multipart/form-data in the field "file" (held in memory, so that a retry can send it again).</summary>
    public Task<ApiResult<T>> UploadAsync<T>(string path, byte[] file, string fileName, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } }, cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var token = await session.AccessTokenAsync(cancellationToken);
        if (token is null) return new(default, ApiProblem.SessionEnded);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null || method == HttpMethod.Delete)
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: GatewayJson.Options);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return new(default, await ApiProblem.ReadAsync(response, cancellationToken));
            if (response.Content.Headers.ContentLength == 0 || typeof(T) == typeof(NoAnswer)) return new(default, null);
            return new(await response.Content.ReadFromJsonAsync<T>(GatewayJson.Options, cancellationToken), null);
        }
        catch (Exception ex) when (GatewayJson.IsUnreachable(ex) && !cancellationToken.IsCancellationRequested)
        {
            return new(default, ApiProblem.Unreachable);
        }
    }
}

/// <summary>For calls whose answer the console does not read.</summary>
public sealed record NoAnswer;

public static class GatewayRegistration
{
    public static IServiceCollection AddGatewayClient(this IServiceCollection services, IConfiguration configuration)
    {
        var address = new Uri(configuration["Gateway:Address"] ?? "http://gateway");
        services.AddHttpClient<GatewayAuth>(client => client.BaseAddress = address);
        services.AddHttpClient<GatewayClient>(client => client.BaseAddress = address);
        services.AddHttpClient<Session.GatewayFiles>(client => { client.BaseAddress = address; client.Timeout = TimeSpan.FromMinutes(5); });
        return services;
    }
}
