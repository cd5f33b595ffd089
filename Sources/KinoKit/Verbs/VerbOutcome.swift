import KinoCore
import KinoEngine

/// What a verb did: the sentence to show, the edit it recorded, the shots it affected, and
/// the long jobs (render, extend, refine, export, frame) the front end should run next.
public struct VerbOutcome: Sendable {
    public var message: String
    /// More lines a front end may print under the message (what the engine understood).
    public var details: [String]
    public var edit: Edit?
    public var affectedShots: Set<ShotID>
    public var jobs: [VerbJob]

    public init(message: String, details: [String] = [], edit: Edit? = nil, affectedShots: Set<ShotID> = [], jobs: [VerbJob] = []) {
        self.message = message; self.details = details; self.edit = edit
        self.affectedShots = affectedShots; self.jobs = jobs
    }
}
