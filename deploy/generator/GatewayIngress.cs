namespace Crm.Deploy;

/// <summary>
/// The one way in from outside: every path to the gateway, which serves the API, sign-in and the store
/// console. No other service has an Ingress, a NodePort or a load balancer.
/// </summary>
public sealed class GatewayIngress(HelmTemplate helm, Pods pods)
{
    public V1Ingress Ingress(ManifestResource gateway)
    {
        var metadata = pods.Metadata(gateway.Name);
        metadata.Annotations = helm.Block(".Values.ingress.annotations", "");
        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = metadata,
            Spec = new V1IngressSpec
            {
                IngressClassName = helm.Text(".Values.ingress.className"),
                Tls = [new V1IngressTLS { Hosts = [helm.Text(".Values.ingress.host")], SecretName = helm.Text(".Values.ingress.tlsSecret") }],
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = helm.Text(".Values.ingress.host"),
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath
                                {
                                    Path = "/",
                                    PathType = "Prefix",
                                    Backend = new V1IngressBackend
                                    {
                                        Service = new V1IngressServiceBackend { Name = gateway.Name, Port = new V1ServiceBackendPort { Name = "http" } },
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        };
    }
}
