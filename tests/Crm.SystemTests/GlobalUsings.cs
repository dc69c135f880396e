global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Aspire.Hosting;
global using Aspire.Hosting.Testing;
global using Crm.Testing;
global using Xunit;
global using Xunit.Abstractions;
