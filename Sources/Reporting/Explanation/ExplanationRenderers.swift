import Assessment
import CloudFirstCore

/// What `cloudfirst explain` reports: one service in detail.
public struct ExplanationSubject: Sendable {
    public var explanation: ServiceExplanation
    /// The estate the service was assessed in, and the day, for the JSON envelope.
    public var estate: Estate
    public var asOf: CalendarDate
    /// Whether the text may carry ANSI colour.
    public var colour: Bool

    public init(explanation: ServiceExplanation, estate: Estate, asOf: CalendarDate, colour: Bool = false) {
        self.explanation = explanation
        self.estate = estate
        self.asOf = asOf
        self.colour = colour
    }
}

/// `explain`'s formats, in the order help lists them.
public enum ExplanationRenderers: RendererRegistry {
    public static let all: [any Renderer<ExplanationSubject>] = [ServiceExplanationText(), ServiceExplanationJSON()]
}
