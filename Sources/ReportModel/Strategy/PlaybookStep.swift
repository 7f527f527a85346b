/// One step of a playbook: on `day` (0 = trigger day), send `message` through `channel`.
public struct PlaybookStep: Sendable, Equatable {
    public var day: Int
    public var channel: LocalizedText
    public var message: LocalizedText

    public init(day: Int, channel: LocalizedText, message: LocalizedText) {
        self.day = day
        self.channel = channel
        self.message = message
    }
}
