global using Crm.Access;
global using Crm.Messages;
global using Crm.Messaging;
global using Crm.Http;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
