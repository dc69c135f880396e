using System.Text.Json;
using Crm.Messages;

namespace Crm.Messaging;

/// <summary>How outbox rows store events, and how their stored type names are resolved.</summary>
public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly System.Reflection.Assembly MessagesAssembly = typeof(CustomerRegistered).Assembly;

    public static Type? ResolveType(string fullName) => MessagesAssembly.GetType(fullName, throwOnError: false);
}
