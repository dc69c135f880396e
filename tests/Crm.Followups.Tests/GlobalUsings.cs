global using Crm.Followups.Domain;
global using Crm.Messages;
global using Xunit;
