global using Crm.Dispatch.Domain;
global using Xunit;
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Crm.Testing;
global using Crm.Messages;
