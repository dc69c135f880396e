// Two local installations side by side would share two cores: the system and fault collections run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
