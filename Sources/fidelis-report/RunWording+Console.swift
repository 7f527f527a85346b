import Foundation
import ReportRender

extension RunWording {
    /// This run's wording, in the language the environment asks for (`ConsoleLanguage`).
    static let console = RunWording(ConsoleLanguage.of(environment: ProcessInfo.processInfo.environment))
}
