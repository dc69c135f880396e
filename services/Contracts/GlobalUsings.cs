global using Crm.Contracts.Data;
global using Crm.Contracts.Domain;
global using Crm.Messages;
global using Crm.Messaging;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Hosting;
