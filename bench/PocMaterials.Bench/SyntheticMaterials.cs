using System.Text;

namespace PocMaterials.Bench;

/// <summary>
/// Writes N synthetic Dutch materials, deterministic for a seed, into a content folder that uses the
/// sample taxonomy and themes. Text is drawn like natural language: about a third function words, a
/// long-tailed (Zipf) vocabulary of Dutch-like filler words, and the domain's own words, acronyms and
/// compounds at a lower rate, so query terms are neither absent nor in every document.
/// </summary>
internal static class SyntheticMaterials
{
    private static readonly string[] FunctionWords =
    [
        "de", "het", "een", "en", "van", "in", "op", "met", "voor", "dat", "die", "aan", "bij", "of", "als", "ook", "naar", "om",
        "wordt", "zijn",
    ];

    private static readonly string[] Syllables =
    [
        "ver", "be", "ge", "ont", "aan", "over", "onder", "lei", "werk", "plan", "zaak", "tijd", "raad", "lijn", "stuk", "kant",
        "punt", "veld", "huis", "weg", "recht", "land", "stand", "gang", "wijs", "vorm", "deel", "kring", "bouw", "licht",
        "markt", "boek", "vraag", "keuze", "groep", "gesprek", "les", "klas", "dag", "jaar", "kennis", "taal", "spel", "ruimte",
    ];

    private static readonly string[] Filler = BuildFiller(4000);
    private static readonly double[] FillerWeights = ZipfCumulative(Filler.Length);

    private static readonly string[] Nouns =
    [
        "leerling", "leerlingen", "ouder", "ouders", "school", "scholen", "begeleiding", "diagnostiek", "leersteun", "intake",
        "vaccinatie", "vaccinaties", "zorg", "traject", "afspraak", "afspraken", "samenwerking", "gezondheid", "beroepsgeheim",
        "toestemming", "dossier", "verslag", "klassenraad", "leerkracht", "team", "centrum", "signaal", "melding", "overleg",
        "kind", "kinderen", "strategie", "strategieën", "procedure", "attest", "studiekeuze", "loopbaan", "nieuwkomer",
        "radicalisering", "scheiding", "gezag", "jeugdhulp", "welzijn", "consult", "screening", "gehoor", "gezichtsscherpte",
        "leerlingenbegeleiding", "begeleidingsstrategieën", "samenwerkingsafspraken", "ontwikkelingsachterstand",
        "onderwijsloopbaanbegeleiding", "gezondheidszorg", "leersteuncentrum", "zorgcontinuüm", "informatiedeling",
    ];

    private static readonly string[] Verbs =
    [
        "bespreekt", "begeleidt", "volgt", "noteert", "deelt", "vraagt", "plant", "evalueert", "meldt", "onderzoekt",
        "ondersteunt", "informeert", "adviseert", "registreert", "bekijkt", "overlegt", "verwijst", "bevestigt",
    ];

    private static readonly string[] Adjectives =
    [
        "geïntegreerde", "handelingsgerichte", "preventieve", "multidisciplinaire", "specifieke", "nieuwe", "dringende",
        "vertrouwelijke", "gedeelde", "schriftelijke", "ouderlijk", "medische", "pedagogische", "tijdelijke",
    ];

    private static readonly string[] Acronyms = ["HGD", "PGZ", "OLB", "DRM", "LSC", "MDT", "BuO", "SOB", "JGZ"];

    private static readonly string[] Types =
    [
        "faq", "visietekst", "draaiboek", "toelichtingsdocument", "e-module", "fiche", "leidraad", "handleiding", "beslisboom",
        "sjabloon", "dossier",
    ];

    private static readonly string[] CoreProcesses =
    [
        "signaalfunctie", "begeleiding", "consultatieve-leerlingenbegeleiding", "handelingsgerichte-diagnostiek",
        "informeren-en-adviseren",
    ];

    private static readonly string[] Themes =
    [
        "beroepsgeheim-en-drm", "decreet-leersteun", "onderwijsloopbaanbegeleiding", "preventieve-gezondheidszorg", "radicalisering",
        "vechtscheiding",
    ];

    private static readonly string[] Domains =
        ["leren-en-studeren", "onderwijsloopbaan", "psychisch-en-sociaal-functioneren", "preventieve-gezondheidszorg"];

    private static readonly string[][] Roles =
    [
        ["clb-medewerker"], ["clb-medewerker"], ["clb-medewerker"], ["clb-medewerker"], ["arts", "verpleegkundige"],
        ["directeur", "coordinator"],
    ];

    public static void Write(string materialsPath, int count, int seed = 42)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var type = Pick(random, Types);
            var text = new StringBuilder();
            text.Append("---\n");
            text.Append($"title: {Capitalise(Sentence(random, 3, 6))}\n");
            text.Append($"type: {type}\n");
            text.Append($"summary: {Capitalise(Sentence(random, 10, 18))}.\n");
            text.Append($"core_processes: [{Pick(random, CoreProcesses)}]\n");
            text.Append($"themes: [{Pick(random, Themes)}]\n");
            text.Append($"domains: [{Pick(random, Domains)}]\n");
            text.Append($"roles: [{string.Join(", ", Pick(random, Roles))}]\n");
            text.Append($"published: {new DateOnly(2022, 1, 1).AddDays(random.Next(1500)):yyyy-MM-dd}\n");
            text.Append($"tags: [{Pick(random, Nouns)}, {Pick(random, Nouns)}]\n");
            text.Append("---\n\n");
            var sections = type == "faq" ? random.Next(6, 10) : random.Next(2, 5);
            for (var s = 0; s < sections; s++)
            {
                if (type == "faq")
                    text.Append($"## {Capitalise(Sentence(random, 4, 8))}?\n\n");
                else if (s > 0)
                    text.Append($"## {Capitalise(Sentence(random, 2, 4))}\n\n");
                for (var p = 0; p < random.Next(1, 3); p++)
                    text.Append(Paragraph(random)).Append("\n\n");
            }
            var folder = Path.Combine(materialsPath, $"batch-{i / 1000:D3}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"materiaal-{i:D6}.md"), text.ToString());
        }
    }

    private static string Paragraph(Random random)
    {
        var sentences = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Capitalise(Sentence(random, 8, 16)) + ".");
        return string.Join(' ', sentences);
    }

    private static string Sentence(Random random, int min, int max)
    {
        var words = new List<string>();
        var length = random.Next(min, max + 1);
        for (var w = 0; w < length; w++)
        {
            var draw = random.NextDouble();
            words.Add(draw switch
            {
                < 0.33 => Pick(random, FunctionWords),
                < 0.36 => Pick(random, Verbs),
                < 0.38 => Pick(random, Adjectives),
                < 0.42 => Pick(random, Nouns),
                < 0.425 => Pick(random, Acronyms),
                _ => ZipfWord(random),
            });
        }
        return string.Join(' ', words);
    }

    private static string ZipfWord(Random random)
    {
        var index = Array.BinarySearch(FillerWeights, random.NextDouble());
        return Filler[index < 0 ? ~index : index];
    }

    private static string[] BuildFiller(int count)
    {
        var random = new Random(7);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < count)
            words.Add(string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Pick(random, Syllables))));
        return [.. words];
    }

    private static double[] ZipfCumulative(int count)
    {
        var weights = Enumerable.Range(1, count).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        var cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
            cumulative[i] = sum += weights[i] / total;
        cumulative[^1] = 1.0;
        return cumulative;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
