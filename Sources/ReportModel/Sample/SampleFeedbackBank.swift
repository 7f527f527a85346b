/// Free-text verbatims for the sample snapshots, French and English, grouped by tone.
///
/// Most mention routing keywords of the metrics spec (points, récompenses, fidélité,
/// onboarding, parcours client, satisfaction, NPS, désengagement, réactivation, …),
/// some mention none; several hold commas, semicolons, quotes and line breaks so that
/// CSV quoting is exercised. Fields are pre-encoded (RFC 4180) for one delimiter.
struct SampleFeedbackBank {
    /// Tone of a verbatim.
    enum Tone: Int { case positive = 0, neutral = 1, negative = 2 }

    static let positive: [String] = [
        "Super expérience, le programme de fidélité est vraiment généreux.",
        "J'adore cumuler des points à chaque commande, et les récompenses arrivent vite.",
        "Great service, my VIP status really makes a difference.",
        "The onboarding was smooth and the app is easy to use.",
        "Très bon accompagnement du service client, merci à Julie !",
        "Love the new rewards, I already redeemed my points twice.",
        "Parcours client fluide, du panier au paiement en moins de 2 minutes.",
        "Satisfaction totale : produit \"comme neuf\", emballage soigné.",
        "Always a pleasure to order here.",
        "Équipe réactive, commande reçue en 48 h.\nJe recommande.",
        "Le passage au palier Gold m'a motivé à commander plus souvent, les tiers sont bien pensés.",
        "Customer support went above and beyond, thanks!",
        "Petit succès pour l'appli : enfin un suivi de commande clair.",
        "Livraison rapide, produits conformes. Rien à redire !",
        "Les récompenses de fidélité valent vraiment le coup, bravo.",
        "Five stars. Fast, friendly, and the \"gift points\" were a nice surprise.",
    ]

    static let neutral: [String] = [
        "Correct dans l'ensemble, mais le site est un peu lent le soir.",
        "Product is fine. Delivery took a week, which is OK I guess.",
        "Je ne comprends pas bien comment fonctionnent ces points, ni les paliers.",
        "Le questionnaire NPS arrive trop souvent, une fois par trimestre suffirait.",
        "Prices went up, quality stayed the same.",
        "Bonne gamme, mais le parcours client sur mobile mérite d'être revu.",
        "Ok, rien de spécial.",
        "Pourquoi l'onboarding demande-t-il autant d'informations ? Nom, adresse, date de naissance…",
        "Would be nice to have more \"members only\" offers, like the old newsletter.",
        "The app asks me to rate my satisfaction after every order; a bit much.",
        "La gamification avec les badges, c'est gadget ; je préfère des réductions.",
        "Effort client (CES) faible, tout était simple, mais le choix est limité.",
        "Le questionnaire CSAT est trop long : 12 questions pour une livraison.",
        "Commande n° 4512 reçue.\nUn article manquait, renvoyé le lendemain.",
        "Fine.",
        "Je découvre le cycle de vie de vos offres : d'abord -20 %, puis plus rien ?",
    ]

    static let negative: [String] = [
        "Déçu : colis arrivé abîmé, et personne ne répond au téléphone.",
        "Votre programme de fidélité ne sert à rien, les récompenses sont inaccessibles.",
        "Honestly thinking about leaving, the last three orders were late.",
        "Remboursement demandé il y a 3 semaines, toujours rien.\nJe vais laisser un avis public.",
        "Service client injoignable, \"on vous rappelle\" depuis 10 jours.",
        "Vous m'envoyez une offre de réactivation alors que j'attends encore ma commande !",
        "Le risque de perdre mes points à cause d'une erreur de compte me fait fuir.",
        "Worst onboarding ever: three emails to confirm one account.",
        "Too many emails, not enough value. Unsubscribed.",
        "Mes points ont disparu après la mise à jour, et le support parle de « bug connu ».",
        "Sentiment de désengagement : plus aucune nouveauté depuis des mois, ni d'accompagnement.",
        "Produit défectueux, retour compliqué, remboursement partiel seulement ; inacceptable.",
        "Je mets 2 au NPS parce que la satisfaction client n'est clairement pas une priorité.",
        "Line 1: item missing.\r\nLine 2: wrong size.\r\nPlease fix this, \"ASAP\".",
        "Plus de fidélité possible après ça. Adieu.",
        "Churn assuré si rien ne change : attrition de la qualité, hausse des prix.",
    ]

    /// Encoded fields per tone (indexed by `Tone.rawValue`).
    let fields: [[[UInt8]]]

    init(delimiter: UInt8) {
        fields = [Self.positive, Self.neutral, Self.negative].map { texts in
            texts.map { Self.encode($0, delimiter: delimiter) }
        }
    }

    /// One field per RFC 4180: quoted when it holds the delimiter, a quote or a line break.
    static func encode(_ text: String, delimiter: UInt8) -> [UInt8] {
        let raw = Array(text.utf8)
        let quote = UInt8(ascii: "\"")
        let needsQuotes = raw.contains { $0 == delimiter || $0 == quote || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return raw }
        var out: [UInt8] = [quote]
        for b in raw {
            out.append(b)
            if b == quote { out.append(quote) }
        }
        out.append(quote)
        return out
    }
}
