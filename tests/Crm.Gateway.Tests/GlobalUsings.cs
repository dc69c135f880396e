global using Crm.Access;
global using Crm.Data;
global using Crm.Http;
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Crm.Testing;
global using Xunit;
