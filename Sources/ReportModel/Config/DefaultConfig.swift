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
    /// comments in French and `locale: fr`, every other value the same. The comments keep plain
    /// spaces before « : » and « ; », not the reports' no-break ones: copied into a value by hand, an
    /// invisible no-break space would make it another word (`fr\u{00A0}` is no locale).
    public static let frenchYAML = """
    # Configuration de fidelis-report. Chaque valeur ci-dessous est celle par défaut, sauf locale: fr ;
    # supprimez ce que vous ne changez pas.
    # client: Acme               # votre entreprise ou marque, dans les titres (« Stratégie Fidélisation - Acme ») ; aucune par défaut
    locale: fr                   # en ou fr : langue du rapport (par défaut en)
    currency: EUR                # EUR, USD, GBP, CHF, JPY ou tout autre code

    # Fichiers d'entrée
    # delimiter: ";"             # par défaut : déduit de la ligne d'en-tête
    date_format: yyyy-mm-dd      # ou dd/mm/yyyy, mm/dd/yyyy (jamais deviné)
    columns: {}                  # alias d'en-têtes, p. ex. {Email: customer_id, CA: revenue} ; ignore lit une colonne sans avertissement : {telephone: ignore}

    # Activité : un acheteur est actif quand sa dernière commande a au plus ce nombre de jours
    activity_window_days: 90

    # Fréquence des exports de relevés : monthly (par défaut), quarterly ou weekly. Rétention,
    # churn et chiffres de la période couvrent cette période : réglez aussi les cibles ci-dessous pour elle.
    # cadence: quarterly

    # Cibles : valeur et sens (above = plus haut est mieux)
    targets:
      retention_rate: {value: 0.85, direction: above}
      churn_rate: {value: 0.05, direction: below}
      ltv_growth_yoy: {value: 0.20, direction: above}
      nps: {value: 50, direction: above}
      csat: {value: 4.2, direction: above}
      repeat_purchase_rate: {value: 0.40, direction: above}

    # Segments RFM : la première règle qui s'applique l'emporte ; les règles doivent couvrir les 125 triplets de notes.
    # Une règle peut nommer son segment tel que les pages l'affichent, et donner son action prioritaire :
    #   - {id: vip, r: 4-5, f: 5, m: 5, name: {en: VIP whales, fr: Baleines VIP}, action: Appel personnel}
    segments:
      - {id: champions,   r: 3-5, f: 4-5, m: 4-5}
      - {id: loyal,       r: 3-5, f: 4-5, m: 1-5}
      - {id: potential,   r: 3-5, f: 1-5, m: 1-5}
      - {id: at_risk,     r: 1-2, f: 4-5, m: 1-5}
      - {id: at_risk,     r: 1-2, f: 1-5, m: 4-5}
      - {id: hibernating, r: 1-2, f: 3-5, m: 1-5}
      - {id: hibernating, r: 1-2, f: 1-5, m: 3-5}
      - {id: lost,        r: 1-2, f: 1-5, m: 1-5}

    # Points d'escalade humaine
    escalations:
      nps_below: 30
      churn_above: 0.10
      refund_above: 1000
      vip_top_share: 0.01        # VIP quand les données n'ont pas de colonne vip : le 1 % des acheteurs au plus gros CA

    # Routage des verbatims : mots-clés ajoutés à la table de la méthode, par domaine
    routing:
      keywords:
        lifecycle-management: []
        loyalty-programs: []
        churn-prevention: []
        customer-success: []

    # Valeur client prédite (BG/NBD + Gamma-Gamma)
    lifetime:
      time_unit: week            # ou day
      horizon_months: 12
      monthly_discount_rate: 0.01

    # Programme de fidélité proposé
    loyalty:
      tiers: [Bronze, Silver, Gold]
      tier_percentiles: [0.60, 0.90]   # percentile de dépense où commencent Silver et Gold
      points_per_currency_unit: 1
      point_value: 0.01
      redemption_rate: 0.6

    # Hypothèses de coût du plan d'action
    action_plan:
      win_back_incentive: 10
      contact_cost: 0.5
      personal_intervention_cost: 50
      expected_win_back_rate: 0.15

    """

    /// The file for a report in `locale`.
    public static func yaml(for locale: ReportLocale) -> String { locale == .fr ? frenchYAML : yaml }
}
