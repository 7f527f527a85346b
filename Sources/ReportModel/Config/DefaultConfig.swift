/// The editable `fidelis.yml` written by `fidelis-report init`: every key with the seed's default.
public enum DefaultConfig {
    public static let yaml = """
    # fidelis-report configuration. Every value below is the default; delete what you do not change.
    # client: Acme               # your company or brand, shown in titles (« Stratégie Fidélisation - Acme »); none by default
    locale: en                   # en or fr
    currency: EUR                # EUR, USD, GBP, CHF, JPY or any code

    # Input files
    # delimiter: ";"             # default: detected from the header row
    date_format: yyyy-mm-dd      # or dd/mm/yyyy, mm/dd/yyyy (no guessing)
    columns: {}                  # header aliases, e.g. {Email: customer_id, CA: revenue}; ignore reads a column without a warning: {phone: ignore}

    # Activity: a buyer is active when the last order is at most this many days old
    activity_window_days: 90

    # How often the snapshots are exported: monthly (the default), quarterly or weekly. Retention,
    # churn and the period's figures cover that period: set the targets below for it too.
    # cadence: quarterly

    # Targets: value and direction (above = higher is better)
    targets:
      retention_rate: {value: 0.85, direction: above}
      churn_rate: {value: 0.05, direction: below}
      ltv_growth_yoy: {value: 0.20, direction: above}
      nps: {value: 50, direction: above}
      csat: {value: 4.2, direction: above}
      repeat_purchase_rate: {value: 0.40, direction: above}

    # RFM segments: first matching rule wins; the rules must cover all 125 score triples.
    # A rule may name its segment as pages show it, and give its priority action:
    #   - {id: vip, r: 4-5, f: 5, m: 5, name: {en: VIP whales, fr: Baleines VIP}, action: Personal call}
    segments:
      - {id: champions,   r: 3-5, f: 4-5, m: 4-5}
      - {id: loyal,       r: 3-5, f: 4-5, m: 1-5}
      - {id: potential,   r: 3-5, f: 1-5, m: 1-5}
      - {id: at_risk,     r: 1-2, f: 4-5, m: 1-5}
      - {id: at_risk,     r: 1-2, f: 1-5, m: 4-5}
      - {id: hibernating, r: 1-2, f: 3-5, m: 1-5}
      - {id: hibernating, r: 1-2, f: 1-5, m: 3-5}
      - {id: lost,        r: 1-2, f: 1-5, m: 1-5}

    # Human escalation points
    escalations:
      nps_below: 30
      churn_above: 0.10
      refund_above: 1000
      vip_top_share: 0.01        # VIPs when the data has no vip column: top 1 % of buyers by revenue

    # Feedback routing: keywords added to the seed's table, per area
    routing:
      keywords:
        lifecycle-management: []
        loyalty-programs: []
        churn-prevention: []
        customer-success: []

    # Predicted customer value (BG/NBD + Gamma-Gamma)
    lifetime:
      time_unit: week            # or day
      horizon_months: 12
      monthly_discount_rate: 0.01

    # Proposed loyalty programme
    loyalty:
      tiers: [Bronze, Silver, Gold]
      tier_percentiles: [0.60, 0.90]   # spend percentile where Silver and Gold start
      points_per_currency_unit: 1
      point_value: 0.01
      redemption_rate: 0.6

    # Cost assumptions of the action plan
    action_plan:
      win_back_incentive: 10
      contact_cost: 0.5
      personal_intervention_cost: 50
      expected_win_back_rate: 0.15

    """


    /// The same file for a French team (`init` in a French console, or `init --locale fr`): the
    /// English file's lines with their comments in French (`frenchComments`) and `locale: fr`.
    public static let frenchYAML: String = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        guard let (code, comment) = splitComment(line) else { return String(line) }
        let value = code.hasPrefix("locale: en ") ? "locale: fr" + code.dropFirst("locale: en".count) : code
        return value + "# " + (frenchComments[String(comment)] ?? String(comment))
    }.joined(separator: "\n")

    /// A line's code and its comment: the text after the last `# ` that starts the line or follows
    /// a space (`# client: Acme   # your company…` is the key `client` commented out, then its comment).
    static func splitComment(_ line: Substring) -> (code: Substring, comment: Substring)? {
        var found: Substring.Index?
        var from = line.startIndex
        while let mark = line[from...].range(of: "# ") {
            if mark.lowerBound == line.startIndex || line[line.index(before: mark.lowerBound)] == " " { found = mark.lowerBound }
            from = mark.upperBound
        }
        guard let found else { return nil }
        return (line[..<found], line[line.index(found, offsetBy: 2)...])
    }

    /// The English file's comments in French (a commented-out key stays as it is). Plain spaces
    /// before « : » and « ; », not the reports' no-break ones: copied into a value by hand, an
    /// invisible no-break space would make it another word (`fr\u{00A0}` is no locale).
    static let frenchComments: [String: String] = [
        "fidelis-report configuration. Every value below is the default; delete what you do not change.":
            "Configuration de fidelis-report. Chaque valeur ci-dessous est celle par défaut, sauf locale: fr ;\n# supprimez ce que vous ne changez pas.",
        "your company or brand, shown in titles (« Stratégie Fidélisation - Acme »); none by default":
            "votre entreprise ou marque, dans les titres (« Stratégie Fidélisation - Acme ») ; aucune par défaut",
        "en or fr": "en ou fr : langue du rapport (par défaut en)",
        "EUR, USD, GBP, CHF, JPY or any code": "EUR, USD, GBP, CHF, JPY ou tout autre code",
        "Input files": "Fichiers d'entrée",
        "default: detected from the header row": "par défaut : déduit de la ligne d'en-tête",
        "or dd/mm/yyyy, mm/dd/yyyy (no guessing)": "ou dd/mm/yyyy, mm/dd/yyyy (jamais deviné)",
        "header aliases, e.g. {Email: customer_id, CA: revenue}; ignore reads a column without a warning: {phone: ignore}":
            "alias d'en-têtes, p. ex. {Email: customer_id, CA: revenue} ; ignore lit une colonne sans avertissement : {telephone: ignore}",
        "Activity: a buyer is active when the last order is at most this many days old":
            "Activité : un acheteur est actif quand sa dernière commande a au plus ce nombre de jours",
        "How often the snapshots are exported: monthly (the default), quarterly or weekly. Retention,":
            "Fréquence des exports de relevés : monthly (par défaut), quarterly ou weekly. Rétention,",
        "churn and the period's figures cover that period: set the targets below for it too.":
            "churn et chiffres de la période couvrent cette période : réglez aussi les cibles ci-dessous pour elle.",
        "cadence: quarterly": "cadence: quarterly",
        "Targets: value and direction (above = higher is better)": "Cibles : valeur et sens (above = plus haut est mieux)",
        "RFM segments: first matching rule wins; the rules must cover all 125 score triples.":
            "Segments RFM : la première règle qui s'applique l'emporte ; les règles doivent couvrir les 125 triplets de notes.",
        "A rule may name its segment as pages show it, and give its priority action:":
            "Une règle peut nommer son segment tel que les pages l'affichent, et donner son action prioritaire :",
        "  - {id: vip, r: 4-5, f: 5, m: 5, name: {en: VIP whales, fr: Baleines VIP}, action: Personal call}":
            "  - {id: vip, r: 4-5, f: 5, m: 5, name: {en: VIP whales, fr: Baleines VIP}, action: Appel personnel}",
        "Human escalation points": "Points d'escalade humaine",
        "VIPs when the data has no vip column: top 1 % of buyers by revenue":
            "VIP quand les données n'ont pas de colonne vip : le 1 % des acheteurs au plus gros CA",
        "Feedback routing: keywords added to the seed's table, per area": "Routage des verbatims : mots-clés ajoutés à la table de la méthode, par domaine",
        "Predicted customer value (BG/NBD + Gamma-Gamma)": "Valeur client prédite (BG/NBD + Gamma-Gamma)",
        "or day": "ou day",
        "Proposed loyalty programme": "Programme de fidélité proposé",
        "spend percentile where Silver and Gold start": "percentile de dépense où commencent Silver et Gold",
        "Cost assumptions of the action plan": "Hypothèses de coût du plan d'action",
    ]

    /// The file for a report in `locale`.
    public static func yaml(for locale: ReportLocale) -> String { locale == .fr ? frenchYAML : yaml }
}
