import Foundation
import ReportModel
import ReportRender

extension RunWording {
    /// This run's wording, in the language of its messages (`MessageLanguage`).
    static var console: RunWording { RunWording(MessageLanguage.current) }
}
