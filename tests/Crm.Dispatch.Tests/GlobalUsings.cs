global using Crm.Dispatch.Domain;
global using Xunit;
