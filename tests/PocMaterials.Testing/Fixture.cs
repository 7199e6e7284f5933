namespace PocMaterials.Testing;

/// <summary>The small taxonomy, contacts and themes of <see cref="ContentFolder.WithFixture"/>.</summary>
public static class Fixture
{
    public const string Taxonomy = """
        core_processes:
          - id: begeleiding
            label: Begeleiding
          - id: handelingsgerichte-diagnostiek
            label: Handelingsgerichte diagnostiek
            aliases: [HGD]
        domains:
          - id: leren-en-studeren
            label: Leren en studeren
          - id: preventieve-gezondheidszorg
            label: Preventieve gezondheidszorg
            aliases: [PGZ]
        roles:
          - id: clb-medewerker
            label: CLB-medewerker
          - id: arts
            label: Arts
          - id: verpleegkundige
            label: Verpleegkundige
          - id: directeur
            label: Directeur
          - id: redacteur
            label: POC+-redacteur
        types:
          - id: faq
            label: FAQ-lijst
          - id: leidraad
            label: Leidraad
          - id: fiche
            label: Fiche
        centres:
          - id: gent
            label: GO! CLB Gent
          - id: brussel
            label: GO! CLB Brussel
        glossary:
          - id: lsc
            label: leersteuncentrum
            aliases: [LSC]
        """;

    public const string Contacts = """
        - id: an-jacobs
          name: An Jacobs
          email: an.jacobs@example.org
          role: Aanspreekpunt decreet leersteun
        - id: sofie-claes
          name: Sofie Claes
          email: sofie.claes@example.org
        """;

    public const string BeroepsgeheimTheme = """
        ---
        title: Beroepsgeheim en DRM
        aliases: [beroepsgeheim, DRM, decreet rechtspositie minderjarige]
        contact: sofie-claes
        core_processes: [begeleiding]
        ---
        Alles over **beroepsgeheim**.
        """;

    public const string LeersteunTheme = """
        ---
        title: Decreet leersteun
        aliases: [leersteun]
        contact: an-jacobs
        ---
        Het decreet leersteun.
        """;
}
