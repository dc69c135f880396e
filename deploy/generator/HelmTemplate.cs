using System.Text.RegularExpressions;

namespace Crm.Deploy;

/// <summary>
/// Lets typed Kubernetes objects carry Helm template expressions. An object is built with placeholders
/// the Kubernetes types accept (a plain word for text, a large sentinel for a number, a one-key map for a
/// block of values); after the object is written as YAML, each placeholder becomes its expression.
/// </summary>
public sealed partial class HelmTemplate
{
    private const int FirstNumber = 1_700_000_000;
    private readonly List<string> _texts = [];
    private readonly List<string> _numbers = [];
    private readonly List<string> _blocks = [];

    /// <summary>Text from a Helm expression, quoted: <c>.Values.image.tag</c> becomes <c>{{ .Values.image.tag | quote }}</c>.</summary>
    public string Text(string expression)
    {
        _texts.Add($"{{{{ {expression} | quote }}}}");
        return $"HELMTEXT{_texts.Count - 1:D4}";
    }

    /// <summary>A whole number from a Helm expression, unquoted.</summary>
    public int Number(string expression)
    {
        _numbers.Add($"{{{{ {expression} }}}}");
        return FirstNumber + _numbers.Count - 1;
    }

    /// <summary>A map whose entries come from values (<c>toYaml</c>), such as resources or annotations.</summary>
    public Dictionary<string, T> Block<T>(string expression, T placeholder)
    {
        _blocks.Add(expression);
        return new Dictionary<string, T> { [$"HELMBLOCK{_blocks.Count - 1:D4}"] = placeholder };
    }

    /// <summary>The YAML of one Kubernetes object, placeholders replaced.</summary>
    public string Render(object kubernetesObject)
    {
        var yaml = KubernetesYaml.Serialize(kubernetesObject).TrimEnd() + "\n";
        yaml = BlockPlaceholder().Replace(yaml, m =>
            $"{m.Groups[1].Value}{{{{- toYaml {_blocks[int.Parse(m.Groups[2].Value)]} | nindent {m.Groups[1].Value.Length} }}}}");
        yaml = TextPlaceholder().Replace(yaml, m => _texts[int.Parse(m.Groups[1].Value)]);
        yaml = NumberPlaceholder().Replace(yaml, m => _numbers[int.Parse(m.Groups[1].Value) - FirstNumber]);
        return yaml;
    }

    [GeneratedRegex(@"^( *)HELMBLOCK(\d{4}):.*$", RegexOptions.Multiline)]
    private static partial Regex BlockPlaceholder();

    [GeneratedRegex(@"(?:'|"")?HELMTEXT(\d{4})(?:'|"")?")]
    private static partial Regex TextPlaceholder();

    [GeneratedRegex(@"\b(17\d{8})\b")]
    private static partial Regex NumberPlaceholder();
}
