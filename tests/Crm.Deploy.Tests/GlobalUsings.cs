global using Crm.Deploy;
global using k8s;
global using k8s.Models;
global using Xunit;
