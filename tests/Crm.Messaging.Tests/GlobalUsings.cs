global using Crm.Data;
global using Crm.Messages;
global using Crm.Testing;
global using MassTransit;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Xunit;
