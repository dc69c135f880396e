using Crm.Deploy;

// Usage: Crm.Deploy.Generator MANIFEST CHART_DIR — writes the chart; files the generator no longer
// makes are removed, so the directory is exactly what the manifest describes.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Crm.Deploy.Generator <aspire-manifest.json> <chart directory>");
    return 2;
}
var files = ChartGenerator.Generate(AspireManifest.Parse(File.ReadAllText(args[0])));
var chart = Path.GetFullPath(args[1]);
foreach (var stale in Directory.Exists(chart) ? Directory.EnumerateFiles(chart, "*", SearchOption.AllDirectories) : [])
{
    if (!files.ContainsKey(Path.GetRelativePath(chart, stale).Replace('\\', '/'))) File.Delete(stale);
}
foreach (var (path, text) in files)
{
    var target = Path.Combine(chart, path);
    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
    File.WriteAllText(target, text);
}
Console.WriteLine($"Wrote {files.Count} files to {chart}");
return 0;
