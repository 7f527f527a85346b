/// The channels playbook steps use.
enum PlaybookChannel {
    static let email = LocalizedText(en: "E-mail", fr: "E-mail")
    static let sms = LocalizedText(en: "SMS", fr: "SMS")
    static let push = LocalizedText(en: "Push notification", fr: "Notification push")
    static let phone = LocalizedText(en: "Phone", fr: "Téléphone")
    static let social = LocalizedText(en: "Social media", fr: "Réseaux sociaux")
    static let internalNote = LocalizedText(en: "Internal", fr: "Interne")
    static let meeting = LocalizedText(en: "Meeting", fr: "Réunion")
}
