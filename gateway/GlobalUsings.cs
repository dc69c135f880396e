global using Crm.Gateway.Data;
global using Crm.Gateway.Domain;
global using Crm.Messages;
global using Crm.Messaging;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
