global using Crm.Messages;
