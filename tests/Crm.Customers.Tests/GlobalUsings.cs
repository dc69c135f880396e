global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Crm.Customers.Domain;
global using Crm.Testing;
global using Xunit;
global using Microsoft.Extensions.Hosting;
