global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Crm.Contracts.Domain;
global using Crm.Messages;
global using Crm.Testing;
global using Xunit;
