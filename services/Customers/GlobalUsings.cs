global using Crm.Customers.Data;
global using Crm.Customers.Domain;
global using Crm.Messages;
global using Crm.Messaging;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Hosting;
