global using Crm.Followups.Data;
global using Crm.Followups.Domain;
global using Crm.Messages;
global using Crm.Messaging;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Hosting;
