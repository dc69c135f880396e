namespace Crm.Deploy;

/// <summary>
/// The setup step (migrations, the first ChainAdmin) as a Job, one per release revision: an upgrade
/// migrates again, and every service's pods wait for it (ServiceWorkload's init container).
/// </summary>
public sealed class SetupJob(HelmTemplate helm, Pods pods, EnvironmentMapping environment)
{
    public V1Job Job(ManifestResource setup)
    {
        var metadata = pods.Metadata(setup.Name);
        metadata.Name = helm.Text($"printf \"{setup.Name}-%d\" .Release.Revision");
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = metadata,
            Spec = new V1JobSpec
            {
                BackoffLimit = 10,
                // A finished Job is kept a week for its log, then removed by Kubernetes.
                TtlSecondsAfterFinished = 7 * 24 * 3600,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Pods.Selector(setup.Name) },
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "OnFailure",
                        AutomountServiceAccountToken = false,
                        Containers =
                        [
                            new V1Container
                            {
                                Name = setup.Name,
                                Image = pods.ProjectImage(setup.Name),
                                ImagePullPolicy = pods.PullPolicy(),
                                Env = environment.Map(setup),
                                Resources = pods.Resources($".Values.jobs.{setup.Name}"),
                                SecurityContext = Pods.Restricted(),
                            },
                        ],
                    },
                },
            },
        };
    }
}
