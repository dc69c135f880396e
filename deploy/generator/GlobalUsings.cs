global using System.Text;
global using System.Text.Json;
global using k8s;
global using k8s.Models;
