global using Crm.Followups.Domain;
global using Crm.Messages;
global using Xunit;
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Crm.Testing;
